import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const ARCHIVE = path.join(ROOT, 'fixtures/ingest/x-archive');

describe('audit of an unpacked X archive folder', () => {
  it('measures first responses from the customer tweet times recovered from the reply ids', () => {
    const { status, stdout } = runCli(['audit', ARCHIVE, '--brand', 'AguaClaraAyuda', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      metrics: {
        replyRate: number | null;
        repliedTo: number;
        conversations: number;
        firstResponseMinutes: { count: number; min: number; max: number; median: number; mean: number };
      };
      inputs: { path: string; format: string; channel?: string; capabilities?: { customerTexts: boolean } }[];
      warnings: { code: string }[];
      categories: Record<string, { rules: { id: string; score: number | null; reason?: { code: string } }[] }>;
    };
    // Four customer tweets answered: 31.75 min (07:40:15.250 → 08:12:00), 90 min (09:00 → 10:30),
    // 19.99 min (11:00:00.640 → 11:20:00, the first version of an edited reply) and 5.00 min
    // (08:00:00.100 → 08:05:00, a reply the brand deleted).
    expect(result.metrics.repliedTo).toBe(4);
    expect(result.metrics.conversations).toBe(4);
    const minutes = result.metrics.firstResponseMinutes;
    expect(minutes.count).toBe(4);
    expect(minutes.max).toBe(90);
    expect(minutes.min).toBeCloseTo(4.998, 1);
    expect(minutes.median).toBeCloseTo((31.7458 + 19.9893) / 2, 1);
    expect(minutes.mean).toBeCloseTo((31.7458 + 90 + 19.9893 + 4.9983) / 4, 1);
    const input = result.inputs.find((i) => i.format === 'x-archive')!;
    expect(input.channel).toBe('AguaClaraAyuda');
    expect(input.capabilities?.customerTexts).toBe(false);
    // The archive holds no customer text: the reply rate is unknown, not "nothing needed a reply".
    const replyRate = result.categories['no-ignoring']!.rules.find((r) => r.id === 'reply-rate')!;
    expect(replyRate.score).toBeNull();
    expect(replyRate.reason?.code).toBe('customer-texts-absent');
    expect(result.metrics.replyRate).toBeNull();
    // The companion files are recognised, not "unknown format".
    expect(result.warnings.map((w) => w.code)).not.toContain('unknown-format');
  });
});
