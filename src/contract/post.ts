/**
 * The normalized post (spec §7): what every adapter produces, what `ingest` writes as JSON Lines and
 * `audit` reads back. Types and the field list only; the column storage (src/corpus) and the JSON Lines
 * reader and writer are driven by `POST_FIELDS`.
 */

export type Role = 'brand' | 'customer';

/**
 * The author of a post an input marks as the brand's without naming who wrote it (a review sheet's owner
 * response, an outbound row with no channel or agent): whoever's channel the input is.
 */
export const UNNAMED_BRAND_AUTHOR = '(brand)';

/** Who could see the post where it was written. Direct messages are never judged as public replies. */
export type Visibility = 'public' | 'private' | 'direct';

/**
 * How precise `createdAt` is: `exact` (seconds or better), `minute`, `day` ("12 Mar 2024"), `month`
 * ("March 2024"), `relative` ("hace 2 semanas", resolved against the page's save time), `unknown` (the
 * source shows no date: an owner's response on Booking; dated at the earliest it can be, its parent).
 * Durations (response times, automated-reply windows) use only times to the minute or better: `exact`,
 * `minute` or no precision stated.
 */
export type TimePrecision = 'exact' | 'minute' | 'day' | 'month' | 'relative' | 'unknown';

export const VISIBILITIES: readonly Visibility[] = ['public', 'private', 'direct'];
export const TIME_PRECISIONS: readonly TimePrecision[] = ['exact', 'minute', 'day', 'month', 'relative', 'unknown'];

export interface PostSource {
  file: string;
  line?: number;
  /** Path inside an archive. */
  entry?: string;
}

/** What adapters emit: a normalized post with its time as epoch milliseconds. */
export interface PostRecord {
  id: string;
  platform: string;
  author: string;
  /** Epoch milliseconds, UTC. */
  time: number;
  text: string;
  inReplyTo?: string | undefined;
  threadId?: string | undefined;
  url?: string | undefined;
  /** 1–5 stars. */
  rating?: number | undefined;
  /** Where the source scores on another scale (Booking's 10 points): the score as shown, and that scale. */
  ratingValue?: number | undefined;
  ratingScale?: number | undefined;
  lang?: string | undefined;
  /** The role the source itself declares (e.g. TWCS `inbound`); the brand handles decide otherwise. */
  role?: Role | undefined;
  deleted?: boolean | undefined;
  /** Whose inbox, page or review listing the post sits on (a handle or a business name). */
  channel?: string | undefined;
  visibility?: Visibility | undefined;
  timePrecision?: TimePrecision | undefined;
  edited?: boolean | undefined;
  line?: number | undefined;
  entry?: string | undefined;
  /** Where the post really comes from when the input is itself derived (JSON Lines written by `ingest`). */
  origin?: PostSource | undefined;
}

/** The JSON shape of a post (spec §7 contract). Key order is `POST_FIELDS`. */
export interface Post {
  id: string;
  platform: string;
  author: string;
  createdAt: string;
  text: string;
  inReplyTo?: string;
  threadId?: string;
  url?: string;
  rating?: number;
  ratingValue?: number;
  ratingScale?: number;
  lang?: string;
  role?: Role;
  deleted?: boolean;
  channel?: string;
  visibility?: Visibility;
  timePrecision?: TimePrecision;
  edited?: boolean;
  source: PostSource;
}

/**
 * Every key of the JSON shape, in the contract's order, with its JSON type. The JSON Lines writer emits
 * keys in this order and the reader checks types against it; a new field is one line here plus its
 * column in the post table.
 */
export const POST_FIELDS = [
  { key: 'id', type: 'string', required: true },
  { key: 'platform', type: 'string', required: false },
  { key: 'author', type: 'string', required: true },
  { key: 'createdAt', type: 'string', required: true },
  { key: 'text', type: 'string', required: false },
  { key: 'inReplyTo', type: 'string', required: false },
  { key: 'threadId', type: 'string', required: false },
  { key: 'url', type: 'string', required: false },
  { key: 'rating', type: 'number', required: false },
  { key: 'ratingValue', type: 'number', required: false },
  { key: 'ratingScale', type: 'number', required: false },
  { key: 'lang', type: 'string', required: false },
  { key: 'role', type: 'string', required: false },
  { key: 'deleted', type: 'boolean', required: false },
  { key: 'channel', type: 'string', required: false },
  { key: 'visibility', type: 'string', required: false },
  { key: 'timePrecision', type: 'string', required: false },
  { key: 'edited', type: 'boolean', required: false },
  { key: 'source', type: 'object', required: false },
] as const satisfies readonly { key: keyof Post; type: 'string' | 'number' | 'boolean' | 'object'; required: boolean }[];
