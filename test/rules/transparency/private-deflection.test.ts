import { describe, expect, it } from 'vitest';
import { audit, corpus, findingsOf, ruleReport, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'private-deflection';

const thread = (id: string, day: string, replies: string[]): PostSpec[] => [
  { id, author: `c-${id}`, at: `2026-10-${day}T10:00:00Z`, text: 'Me habéis cobrado dos veces' },
  ...replies.map((text, k) => ({ id: `${id}-r${k}`, author: 'Marca', at: '+1h', replyTo: k === 0 ? id : `${id}-r${k - 1}`, text })),
];

describe('private-deflection', () => {
  it('scores the share of conversations sent to private messages that were later closed in public', () => {
    const c = corpus(
      [
        ...thread('a', '01', ['Escríbenos por privado con tu DNI.']),
        ...thread('b', '02', ['Hola, envíanos un MD y lo vemos.', 'Solucionado: ya tienes el abono. ¡Gracias por tu paciencia!']),
        ...thread('c', '03', ['Please DM us your order number.']),
        ...thread('d', '04', ['Ya está corregida la factura.']),
      ],
      { ownChannel: true },
    );
    const result = audit(c);
    const report = ruleReport(result, RULE);
    expect(report.metrics).toEqual({ movedToPrivate: 3, closedInPublic: 1 });
    expect(report.score).toBeCloseTo(100 / 3, 1);
    expect(report.weight).toBe(0.25);
    expect(findingsOf(result, RULE).map((f) => [f.threadId, f.data.quote, f.severity])).toEqual([
      ['a', 'Escríbenos por privado', 'warning'],
      ['c', 'DM us', 'warning'],
    ]);
  });

  it('is null when nothing was moved to private, and never fires on a warning against DMs', () => {
    const c = corpus([...thread('e', '05', ['Nunca te pediremos la contraseña: no escribas datos por privado a cuentas que no sean oficiales.'])], {
      ownChannel: true,
    });
    expect(ruleReport(audit(c), RULE)).toMatchObject({ score: null, notApplicable: 'no conversation was moved to private messages' });
  });
});
