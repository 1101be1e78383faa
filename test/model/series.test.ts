import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/audit-config.js';
import type { AuditResult, SeriesCounts } from '../../src/contract/result.js';
import { readInputs } from '../../src/index.js';
import { buildSeries, RESPONSE_BUCKET_EDGES, type SeriesCase } from '../../src/model/series.js';
import { publishedResult } from '../../src/report/json.js';
import { catalogFor } from '../../src/rules/index.js';
import { audit, corpus, ms, type PostSpec } from '../helpers/corpus.js';
import { schemaErrors } from '../helpers/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OPTIONS = { timezone: 'UTC', slaMinutes: 60, replyRates: true };

const one = (over: Partial<SeriesCase> = {}): SeriesCase => ({
  opened: ms('2026-10-07T12:00:00Z'),
  platform: 'x',
  rating: 0,
  status: 'answered',
  firstResponseMinutes: 30,
  ...over,
});

const sum = (rows: readonly SeriesCounts[], key: keyof SeriesCounts): number => rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);

describe('series: first-response buckets', () => {
  it('has fixed edges, each bucket including its upper edge, as "within" does', () => {
    expect(RESPONSE_BUCKET_EDGES).toEqual([15, 60, 240, 1440, 4320]);
    const minutes = [0, 15, 15.01, 60, 60.5, 240, 241, 1440, 1441, 4320, 4321, 20_000];
    const series = buildSeries(
      minutes.map((m) => one({ firstResponseMinutes: m })),
      OPTIONS,
    );
    expect(series.firstResponseBuckets).toEqual([
      { overMinutes: null, upToMinutes: 15, count: 2 },
      { overMinutes: 15, upToMinutes: 60, count: 2 },
      { overMinutes: 60, upToMinutes: 240, count: 2 },
      { overMinutes: 240, upToMinutes: 1440, count: 2 },
      { overMinutes: 1440, upToMinutes: 4320, count: 2 },
      { overMinutes: 4320, upToMinutes: null, count: 2 },
    ]);
  });

  it('counts only conversations in the first-response base', () => {
    const series = buildSeries([one({ firstResponseMinutes: null, status: 'ignored' }), one()], OPTIONS);
    expect(series.firstResponseBuckets.map((b) => b.count)).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

describe('series: by ISO week in the brand time zone', () => {
  it('names ISO weeks across year ends (week 1 holds the first Thursday)', () => {
    const weekOf = (iso: string): string => buildSeries([one({ opened: ms(iso) })], OPTIONS).byWeek[0]!.week;
    expect(weekOf('2026-01-01T12:00:00Z')).toBe('2026-W01'); // a Thursday
    expect(weekOf('2027-01-01T12:00:00Z')).toBe('2026-W53'); // a Friday: the last week of 2026
    expect(weekOf('2024-12-30T12:00:00Z')).toBe('2025-W01'); // a Monday in week 1 of 2025
    expect(weekOf('2026-10-04T23:59:59Z')).toBe('2026-W40'); // a Sunday
    expect(weekOf('2026-10-05T00:00:00Z')).toBe('2026-W41'); // the next Monday
    expect(buildSeries([one({ opened: ms('2026-10-07T12:00:00Z') })], OPTIONS).byWeek[0]!.start).toBe('2026-10-05');
  });

  it("uses the opening day in the brand's zone, not in UTC", () => {
    // Sunday 22:30 UTC is Monday 00:30 in Madrid (UTC+2 in October).
    const late = one({ opened: ms('2026-10-04T22:30:00Z') });
    expect(buildSeries([late], OPTIONS).byWeek[0]!.week).toBe('2026-W40');
    expect(buildSeries([late], { ...OPTIONS, timezone: 'Europe/Madrid' }).byWeek[0]!.week).toBe('2026-W41');
    // Mexico City (UTC-6): Monday 03:00 UTC is still Sunday there.
    expect(buildSeries([one({ opened: ms('2026-10-05T03:00:00Z') })], { ...OPTIONS, timezone: 'America/Mexico_City' }).byWeek[0]!.week).toBe('2026-W40');
    // An unknown zone counts in UTC rather than failing.
    expect(buildSeries([late], { ...OPTIONS, timezone: 'Mars/Olympus' }).byWeek[0]!.week).toBe('2026-W40');
  });

  it('lists every week from the first to the last, empty ones included, with the counts of each', () => {
    const series = buildSeries(
      [
        one({ opened: ms('2026-10-20T10:00:00Z'), status: 'ignored', firstResponseMinutes: null }),
        one({ opened: ms('2026-09-29T10:00:00Z'), firstResponseMinutes: 10 }),
        one({ opened: ms('2026-09-30T10:00:00Z'), firstResponseMinutes: 50 }),
        one({ opened: ms('2026-10-01T10:00:00Z'), status: 'not-needed', firstResponseMinutes: 400 }),
        one({ opened: ms('2026-10-21T10:00:00Z'), status: 'pending', firstResponseMinutes: null }),
      ],
      OPTIONS,
    );
    expect(series.byWeek).toEqual([
      {
        week: '2026-W40',
        start: '2026-09-28',
        conversations: 3,
        needingReply: 2,
        answered: 2,
        ignored: 0,
        pending: 0,
        replyRate: 1,
        firstResponseCount: 3,
        firstResponseMedianMinutes: 50,
      },
      ...['2026-W41', '2026-W42'].map((week, k) => ({
        week,
        start: ['2026-10-05', '2026-10-12'][k],
        conversations: 0,
        needingReply: 0,
        answered: 0,
        ignored: 0,
        pending: 0,
        replyRate: null,
        firstResponseCount: 0,
        firstResponseMedianMinutes: null,
      })),
      {
        week: '2026-W43',
        start: '2026-10-19',
        conversations: 2,
        needingReply: 2,
        answered: 0,
        ignored: 1,
        pending: 1,
        replyRate: 0,
        firstResponseCount: 0,
        firstResponseMedianMinutes: null,
      },
    ]);
  });

  it('is empty without conversations', () => {
    expect(buildSeries([], OPTIONS)).toEqual({
      firstResponseBuckets: [null, 15, 60, 240, 1440, 4320].map((over, k) => ({
        overMinutes: over,
        upToMinutes: RESPONSE_BUCKET_EDGES[k] ?? null,
        count: 0,
      })),
      byWeek: [],
      byPlatform: [],
      byRating: [],
    });
  });
});

describe('series: by platform and by star rating', () => {
  it('orders platforms by conversations, then by name', () => {
    const series = buildSeries(
      [
        one({ platform: 'instagram' }),
        one({ platform: 'x' }),
        one({ platform: 'facebook' }),
        one({ platform: 'x', status: 'ignored', firstResponseMinutes: null }),
      ],
      OPTIONS,
    );
    expect(series.byPlatform.map((p) => [p.platform, p.conversations, p.replyRate])).toEqual([
      ['x', 2, 0.5],
      ['facebook', 1, 1],
      ['instagram', 1, 1],
    ]);
  });

  it('has all five stars once any opener is rated, ratings rounded as the reply-rate rule does', () => {
    expect(buildSeries([one()], OPTIONS).byRating).toEqual([]);
    const series = buildSeries([one({ rating: 1 }), one({ rating: 1.4, status: 'ignored', firstResponseMinutes: null }), one({ rating: 4.5 }), one()], OPTIONS);
    expect(series.byRating.map((r) => [r.stars, r.conversations, r.replyRate])).toEqual([
      [1, 2, 0.5],
      [2, 0, null],
      [3, 0, null],
      [4, 0, null],
      [5, 1, 1],
    ]);
  });

  it('nulls every reply rate when the reply links cannot be trusted, keeping the counts', () => {
    const series = buildSeries([one({ rating: 2 }), one({ opened: ms('2026-11-20T10:00:00Z') })], { ...OPTIONS, replyRates: false });
    for (const row of [...series.byWeek, ...series.byPlatform, ...series.byRating]) expect(row.replyRate).toBeNull();
    expect(series.byPlatform[0]!.answered).toBe(2);
  });
});

/** The series must add up to the top-level metrics they break down. */
function expectConsistent(result: Pick<AuditResult, 'metrics' | 'settings'>): void {
  const m = result.metrics;
  const s = m.series;
  const buckets = s.firstResponseBuckets.map((b) => b.count);
  expect(buckets.reduce((a, b) => a + b, 0)).toBe(m.firstResponseMinutes.count);
  if (m.firstResponseMinutes.count > 0) {
    expect(result.settings.slaMinutes).toBe(60);
    expect((buckets[0]! + buckets[1]!) / m.firstResponseMinutes.count).toBeCloseTo(m.firstResponseMinutes.withinTarget!, 4);
    expect((buckets[0]! + buckets[1]! + buckets[2]! + buckets[3]!) / m.firstResponseMinutes.count).toBeCloseTo(m.firstResponseMinutes.within24h!, 4);
  }
  for (const rows of [s.byWeek, s.byPlatform]) {
    expect(sum(rows, 'conversations')).toBe(m.conversations);
    expect(sum(rows, 'needingReply')).toBe(m.needingReply);
    expect(sum(rows, 'answered')).toBe(m.answered);
    expect(sum(rows, 'ignored')).toBe(m.ignored);
    expect(sum(rows, 'pending')).toBe(m.pending);
    expect(sum(rows, 'firstResponseCount')).toBe(m.firstResponseMinutes.count);
  }
  for (const row of [...s.byWeek, ...s.byPlatform, ...s.byRating])
    expect(row.replyRate).toBe(row.answered + row.ignored === 0 ? null : Math.round((row.answered / (row.answered + row.ignored)) * 1e6) / 1e6);
}

describe('series in the audit result', () => {
  const posts: PostSpec[] = [
    { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?', platform: 'x' },
    { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Hola Lucía, sale hoy.', platform: 'x' },
    { id: 'c2', author: 'pepe', at: '+2d', text: 'No me funciona la fibra, ¿qué pasa?', platform: 'facebook' },
    { id: 'c3', author: 'ana', at: '+8d', text: 'Fatal, nadie contesta', rating: 1, platform: 'google' },
    { id: 'b3', author: 'Marca', at: '+30h', replyTo: 'c3', text: 'Hola Ana, lo sentimos mucho.', platform: 'google' },
    { id: 'c4', author: 'luis', at: '+1d', text: 'Todo perfecto, gracias', rating: 5, platform: 'google' },
  ];
  const result = audit(corpus(posts, { ownChannel: true }));

  it('adds up to the metrics and validates against the schema', () => {
    expectConsistent(result);
    expect(result.metrics.series.byPlatform.map((p) => p.platform)).toEqual(['google', 'facebook', 'x']);
    expect(result.metrics.series.byRating.map((r) => r.conversations)).toEqual([1, 0, 0, 0, 1]);
    expect(result.metrics.series.byWeek.map((w) => w.week)).toEqual(['2026-W40', '2026-W41', '2026-W42']);
  });

  it('adds up on the demo data too, and is the same on a second run', async () => {
    const demo = await readInputs([path.join(ROOT, 'fixtures/demo')]);
    const run = () =>
      runAudit(demo, {
        handles: ['VerdemarAyuda', 'VerdemarHelp', 'Verdemar'],
        config: { ...defaultConfig(), timezone: 'Europe/Madrid' },
        asOf: ms('2026-11-20T00:00:00Z'),
        toolVersion: 'test',
      });
    const first = run();
    expectConsistent(first);
    expect(first.metrics.series.byPlatform.map((p) => p.platform).sort()).toEqual(['facebook', 'google', 'instagram', 'x']);
    expect(first.metrics.series.byRating).toHaveLength(5);
    expect(JSON.stringify(run().metrics.series)).toBe(JSON.stringify(first.metrics.series));
    expect(schemaErrors(publishedResult(first, catalogFor('en')))).toEqual([]);
  });

  it('the schema rejects a result without series or with a malformed week', () => {
    const { series: _series, ...withoutSeries } = result.metrics;
    expect(schemaErrors({ ...result, metrics: withoutSeries }).join()).toMatch(/must have required property 'series'/);
    const badWeek = { ...result.metrics.series, byWeek: [{ ...result.metrics.series.byWeek[0]!, week: '2026-41' }] };
    expect(schemaErrors({ ...result, metrics: { ...result.metrics, series: badWeek } }).join()).toMatch(/byWeek\/0\/week/);
    const extra = { ...result.metrics.series, byPlatform: [{ ...result.metrics.series.byPlatform[0]!, surprise: 1 }] };
    expect(schemaErrors({ ...result, metrics: { ...result.metrics, series: extra } }).join()).toMatch(/unevaluated properties/);
  });
});
