import { describe, expect, it } from 'vitest';
import { corpus, rawAudit } from '../helpers/corpus.js';

/** Findings of the tone rule for a brand reply to a given customer post. */
function toneFindings(customer: string, reply: string): string[] {
  const result = rawAudit(
    corpus(
      [
        { id: 'c1', author: 'ana', at: '2026-10-01T09:00:00Z', text: customer },
        { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: reply },
      ],
      { ownChannel: true },
    ),
  );
  return result.findings.filter((f) => f.ruleId === 'tone').map((f) => String(f.data.kind ?? f.messageId));
}

describe('brand voice: tone that depends on the post answered', () => {
  it('bare laughter in reply to a complaint is mockery', () => {
    expect(toneFindings('Me habéis cobrado dos veces la factura y nadie me contesta', 'jajaja')).toHaveLength(1);
  });

  it('the same laughter in reply to a joke or praise is not', () => {
    expect(toneFindings('Vuestro técnico es un crack, hasta me arregló el timbre 😄', 'jajaja')).toHaveLength(0);
  });
});
