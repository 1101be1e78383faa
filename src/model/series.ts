/**
 * The data behind the report's charts (issue 12), computed once by the audit so that renderers only draw.
 *
 * Definitions:
 * - First-response distribution: the conversations of `metrics.firstResponseMinutes` (every conversation
 *   with a human brand reply and consistent dates), counted in fixed buckets whose upper edge is
 *   inclusive, as the summaries count "within": ≤ 15 min, 15–60 min, 1–4 h, 4–24 h, 1–3 d, > 3 d. So the
 *   first two buckets hold exactly the replies within a 60-minute target, and the first four those within
 *   24 h.
 * - By week: ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday) of the opening
 *   message's day in the brand's time zone; every week from the first to the last that holds a
 *   conversation is listed, empty ones too, so a quiet week shows as a gap and not as nothing.
 * - By platform: the opening message's platform. By rating: the opening message's stars, rounded as the
 *   reply-rate rule rounds them; all five rows when any opener has a rating, none otherwise.
 * - Every group has the top-level counts (needing a reply, answered, ignored, pending), the reply rate
 *   answered ÷ (answered + ignored) and the median first response over its share of the first-response
 *   base (the same median helper as the metrics).
 *
 * Pure and deterministic: no clock, groups in a fixed order.
 */
import type { AuditSeries, PlatformSeries, RatingSeries, ResponseBucket, SeriesCounts, WeekSeries } from '../contract/result.js';
import { ratio, summarizeMinutes } from '../scoring/stats.js';
import { isValidTimeZone, zoneOffsetMs } from '../time/dates.js';
import type { AuditArtifacts } from './artifacts.js';
import type { ConversationStatus } from './views.js';

/** Upper edges (inclusive) of the first-response buckets, in minutes; the last bucket has none. */
export const RESPONSE_BUCKET_EDGES: readonly number[] = [15, 60, 240, 1440, 4320];

/** What the series need of one conversation. */
export interface SeriesCase {
  /** Opening time, epoch ms. */
  opened: number;
  platform: string;
  /** The opener's rating (0 when it has none). */
  rating: number;
  status: ConversationStatus;
  /** Minutes to the first human reply when the conversation is in the first-response base, else null. */
  firstResponseMinutes: number | null;
}

export interface SeriesOptions {
  /** The brand's time zone (`settings.timezone`); an unknown zone counts weeks in UTC. */
  timezone: string;
  /** The first-reply target, passed to the summaries (only their medians are kept). */
  slaMinutes: number;
  /** false when most reply links dangle: every reply rate is null, as `metrics.replyRate` is. */
  replyRates: boolean;
}

/** The series of one audit, from its artifacts. */
export function auditSeries(artifacts: AuditArtifacts, options: SeriesOptions): AuditSeries {
  const { conversationView: conversations, posts, timeline } = artifacts;
  const table = artifacts.conversations.table;
  const base = new Set(artifacts.responseTimes.firstResponse.conversations);
  const cases: SeriesCase[] = [];
  for (let c = 0; c < conversations.count; c++) {
    const opener = conversations.opener(c);
    cases.push({
      opened: posts.time(opener),
      platform: table.platform(opener),
      rating: posts.rating(opener),
      status: timeline.status(c),
      firstResponseMinutes: base.has(c) ? timeline.firstResponseMs(c) / 60000 : null,
    });
  }
  return buildSeries(cases, options);
}

/** The series of a list of conversations (the pure part, tested on its own). */
export function buildSeries(cases: readonly SeriesCase[], options: SeriesOptions): AuditSeries {
  const zone = isValidTimeZone(options.timezone) ? options.timezone : 'UTC';
  const dayOf = localDay(zone);

  const weeks = new Map<number, SeriesCase[]>();
  const platforms = new Map<string, SeriesCase[]>();
  const stars = new Map<number, SeriesCase[]>();
  let rated = false;
  for (const one of cases) {
    push(weeks, mondayOf(dayOf(one.opened)), one);
    push(platforms, one.platform, one);
    const star = Math.round(one.rating);
    if (star >= 1 && star <= 5) {
      rated = true;
      push(stars, star, one);
    }
  }

  const byWeek: WeekSeries[] = [];
  const mondays = [...weeks.keys()].sort((a, b) => a - b);
  if (mondays.length > 0) {
    for (let monday = mondays[0]!; monday <= mondays[mondays.length - 1]!; monday += 7 * DAY) {
      byWeek.push({ week: isoWeek(monday), start: isoDate(monday), ...counts(weeks.get(monday) ?? [], options) });
    }
  }

  const byPlatform: PlatformSeries[] = [...platforms.entries()]
    .sort(([a, listA], [b, listB]) => listB.length - listA.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([platform, list]) => ({ platform, ...counts(list, options) }));

  const byRating: RatingSeries[] = rated ? [1, 2, 3, 4, 5].map((star) => ({ stars: star, ...counts(stars.get(star) ?? [], options) })) : [];

  return { firstResponseBuckets: buckets(cases), byWeek, byPlatform, byRating };
}

function push<K>(map: Map<K, SeriesCase[]>, key: K, one: SeriesCase): void {
  const list = map.get(key);
  if (list) list.push(one);
  else map.set(key, [one]);
}

function counts(list: readonly SeriesCase[], options: SeriesOptions): SeriesCounts {
  let answered = 0;
  let ignored = 0;
  let pending = 0;
  const minutes: number[] = [];
  for (const one of list) {
    if (one.status === 'answered') answered++;
    else if (one.status === 'ignored') ignored++;
    else if (one.status === 'pending') pending++;
    if (one.firstResponseMinutes !== null) minutes.push(one.firstResponseMinutes);
  }
  const summary = summarizeMinutes(Float64Array.from(minutes), options.slaMinutes);
  return {
    conversations: list.length,
    needingReply: answered + ignored + pending,
    answered,
    ignored,
    pending,
    replyRate: options.replyRates ? ratio(answered, answered + ignored, 6) : null,
    firstResponseCount: summary.count,
    firstResponseMedianMinutes: summary.median,
  };
}

function buckets(cases: readonly SeriesCase[]): ResponseBucket[] {
  const tally = new Array<number>(RESPONSE_BUCKET_EDGES.length + 1).fill(0);
  for (const one of cases) {
    const minutes = one.firstResponseMinutes;
    if (minutes === null) continue;
    let k = 0;
    while (k < RESPONSE_BUCKET_EDGES.length && minutes > RESPONSE_BUCKET_EDGES[k]!) k++;
    tally[k]!++;
  }
  return tally.map((count, k) => ({
    overMinutes: k === 0 ? null : RESPONSE_BUCKET_EDGES[k - 1]!,
    upToMinutes: k < RESPONSE_BUCKET_EDGES.length ? RESPONSE_BUCKET_EDGES[k]! : null,
    count,
  }));
}

const DAY = 86_400_000;
/** Offsets change at most every quarter of an hour (DST rules move clocks on the hour or half hour). */
const SLOT = 900_000;

/**
 * The calendar day an instant falls on in `zone`, as the epoch ms of that day's midnight in UTC (a civil
 * date, so that week arithmetic needs no time zone). Offsets are looked up once per quarter hour.
 */
function localDay(zone: string): (ms: number) => number {
  const offsets = new Map<number, number>();
  return (ms) => {
    const slot = Math.floor(ms / SLOT);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = zoneOffsetMs(slot * SLOT, zone);
      offsets.set(slot, offset);
    }
    return Math.floor((ms + offset) / DAY) * DAY;
  };
}

/** Monday of the civil day's week (1970-01-01, day 0, was a Thursday). */
function mondayOf(day: number): number {
  const weekday = (Math.floor(day / DAY) + 3) % 7; // 0 = Monday
  return day - ((weekday + 7) % 7) * DAY;
}

/** "2026-W41": the ISO year is the year of the week's Thursday. */
function isoWeek(monday: number): string {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function isoDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
