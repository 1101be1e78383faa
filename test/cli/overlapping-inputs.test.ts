/**
 * Two exports of the same account or thread: a platform's own id in two inputs is one post, counted once
 * (the fuller copy kept), and replies in either input join the one conversation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tweet = (id: string, at: string, user: string, text: string, replyTo: string | null) =>
  JSON.stringify({ created_at: at, id_str: id, full_text: text, in_reply_to_status_id_str: replyTo, user: { id_str: `9${id.slice(-5)}`, screen_name: user } });

const CUSTOMER = '2110274469753700001';
const REPLY = '2110274469753700002';

describe('overlapping inputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'si-overlap-'));
  // One collection holds the customer's tweet; another holds it again (its text cut differently) and the reply.
  const first = path.join(dir, 'search-1.jsonl');
  const second = path.join(dir, 'search-2.jsonl');
  writeFileSync(
    first,
    `${tweet(CUSTOMER, 'Wed Oct 14 07:40:15 +0000 2026', 'nuria_vk', '@AguaClaraAyuda tres días sin agua caliente y nadie contesta', null)}\n`,
  );
  writeFileSync(
    second,
    [
      tweet(CUSTOMER, 'Wed Oct 14 07:40:15 +0000 2026', 'nuria_vk', '@AguaClaraAyuda tres días sin agua caliente y nadie…', null),
      tweet(REPLY, 'Wed Oct 14 08:10:15 +0000 2026', 'AguaClaraAyuda', '@nuria_vk Lo sentimos, Núria: un técnico pasa hoy antes de las 14:00', CUSTOMER),
      '',
    ].join('\n'),
  );

  it('counts the shared tweet once and answers its conversation with the reply from the other input', () => {
    for (const order of [
      [first, second],
      [second, first],
    ]) {
      const { status, stdout } = runCli(['audit', ...order, '--brand', 'AguaClaraAyuda', '--as-of', '2026-10-20T00:00:00Z', '--format', 'json']);
      expect(status).toBe(0);
      const result = JSON.parse(stdout);
      expect(result.metrics.conversations).toBe(1);
      expect(result.metrics.answered).toBe(1);
      expect(result.metrics.firstResponseMinutes.median).toBe(30);
      expect(result.warnings.map((w: { code: string }) => w.code)).toContain('same-post-in-inputs');
      expect(result.warnings.map((w: { code: string }) => w.code)).not.toContain('input-not-brand');
    }
  });
});

describe("the brand's own export alone", () => {
  it('says there is nothing to judge without the customers’ side, instead of warning that the input gives the brand nothing', () => {
    const { status, stdout } = runCli(['audit', 'fixtures/ingest/mastodon-outbox', '--brand', 'aguaclara', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    const outbox = result.inputs.find((input: { path: string }) => input.path.endsWith('outbox.json'));
    expect(outbox.conversations).toBe(0);
    expect(outbox.notes.join('\n')).toContain("holds only the brand's own posts");
    expect(result.warnings.map((w: { code: string }) => w.code)).not.toContain('input-not-brand');
  });
});
