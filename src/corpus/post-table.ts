/**
 * The normalized post (spec §7) and the compact table that holds millions of them.
 *
 * A million-conversation export is 1.6 M posts; as rich objects they cost over a gigabyte. The table keeps
 * one array per field, interns repeated strings (authors, platforms, files) and stores times as numbers,
 * so adapters can stream posts in and rules can read columns without allocating.
 */

import type { Post, PostRecord, PostSource, Role, TimePrecision, Visibility } from '../contract/post.js';
import { isoTime } from '../time/iso.js';

/**
 * Repeated strings (authors, platforms, files) stored once and referred to by number. Authors that are
 * canonical integers (TWCS anonymises customers as "115712") are kept as numbers, which print back to
 * the same string and cost no string object each. They are found through an open-addressing table of
 * typed arrays: a `Map` of 0.9 M numbers cost 0.23 s at 1 M conversations and 2.6 s at 3 M (its rehashing
 * and garbage grow faster than the rows), the typed table stays linear.
 */
export class Interner {
  private readonly stored: (string | number)[] = [];
  private readonly byText = new Map<string, number>();
  /** Slot → the number stored there, or -1 when empty; `slotIndex` holds its index in `stored`. */
  private slotNumber = new Int32Array(1024).fill(-1);
  private slotIndex = new Int32Array(1024);
  private numbers = 0;

  get size(): number {
    return this.stored.length;
  }

  intern(value: string): number {
    const number = canonicalInteger(value);
    if (number < 0) {
      const index = this.byText.get(value);
      if (index !== undefined) return index;
      const at = this.stored.length;
      this.stored.push(value);
      this.byText.set(value, at);
      return at;
    }
    const mask = this.slotNumber.length - 1;
    let slot = mix(number) & mask;
    for (;;) {
      const held = this.slotNumber[slot]!;
      if (held === number) return this.slotIndex[slot]!;
      if (held < 0) break;
      slot = (slot + 1) & mask;
    }
    const at = this.stored.length;
    this.stored.push(number);
    this.slotNumber[slot] = number;
    this.slotIndex[slot] = at;
    // At most half full, so probes stay short.
    if (++this.numbers * 2 > this.slotNumber.length) this.rehash();
    return at;
  }

  private rehash(): void {
    const oldNumbers = this.slotNumber;
    const oldIndexes = this.slotIndex;
    this.slotNumber = new Int32Array(oldNumbers.length * 2).fill(-1);
    this.slotIndex = new Int32Array(oldNumbers.length * 2);
    const mask = this.slotNumber.length - 1;
    for (let k = 0; k < oldNumbers.length; k++) {
      const number = oldNumbers[k]!;
      if (number < 0) continue;
      let slot = mix(number) & mask;
      while (this.slotNumber[slot]! >= 0) slot = (slot + 1) & mask;
      this.slotNumber[slot] = number;
      this.slotIndex[slot] = oldIndexes[k]!;
    }
  }

  value(index: number): string {
    const stored = this.stored[index]!;
    return typeof stored === 'number' ? String(stored) : stored;
  }

  /** The value at `index` as the canonical integer it was stored as, or -1 when it is stored as text. */
  numberAt(index: number): number {
    const stored = this.stored[index]!;
    return typeof stored === 'number' ? stored : -1;
  }

  values(): string[] {
    return this.stored.map((_, index) => this.value(index));
  }
}

/** Spreads consecutive ids over the table (murmur3's finaliser). */
function mix(number: number): number {
  let h = Math.imul(number ^ (number >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface PostExtras {
  ratingValue?: number;
  ratingScale?: number;
  channel?: string;
  visibility?: Visibility;
  timePrecision?: TimePrecision;
  edited?: boolean;
}

/** Values of `PostTable.declaredRoles`: what the source itself said about the author. */
export const DECLARED_NONE = 0;
export const DECLARED_BRAND = 1;
export const DECLARED_CUSTOMER = 2;

const INITIAL_CAPACITY = 1024;
const TEXT_BATCH_CHARS = 1 << 18;

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/** "123" → 123; -1 for anything that would not print back identically ("0123", "1e3", "fb_1", 10+ digits). */
export function canonicalInteger(id: string): number {
  const length = id.length;
  if (length === 0 || length > 9 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let k = 0; k < length; k++) {
    const digit = id.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const ID_ABSENT = -2;
const ID_TEXT = -1;

/**
 * A column of ids exactly as the source wrote them. Small canonical integers ("1", "123456": renumbered
 * datasets such as TWCS) are stored as numbers because they print back to the very same string; every
 * other id (X snowflakes, "fb_1001", "007") stays a string. Nothing that could lose a digit goes through
 * a number.
 */
export class IdColumn {
  private numbers = new Int32Array(1024);
  /** Created at the first id stored as text: a renumbered dataset (TWCS) never pays a slot per row for it. */
  private texts: (string | undefined)[] | undefined;
  length = 0;

  push(id: string | undefined): void {
    if (this.length >= this.numbers.length) this.numbers = grow(this.numbers, this.length + 1);
    const number = id === undefined ? ID_ABSENT : canonicalInteger(id);
    if (number === ID_TEXT && this.texts === undefined) this.texts = new Array<string | undefined>(this.length).fill(undefined);
    this.numbers[this.length++] = number;
    this.texts?.push(number === ID_TEXT ? id : undefined);
  }

  get(i: number): string | undefined {
    const number = this.numbers[i]!;
    if (number >= 0) return String(number);
    return number === ID_ABSENT ? undefined : this.texts![i];
  }

  /** The id as a canonical integer, or -1 when it is stored as text, -2 when absent. */
  numberAt(i: number): number {
    return this.numbers[i]!;
  }

  /** The id as stored text (only for non-canonical ids). */
  textAt(i: number): string | undefined {
    return this.texts?.[i];
  }
}

/**
 * Columns of posts. Numbers live in typed arrays; texts are joined into string batches (so the decoded
 * input chunks are not kept alive by millions of small strings); fields most sources lack (thread id, url,
 * language, archive entry) are sparse maps. Call `seal()` when ingest is done: it trims the columns to
 * `length` so they can be iterated directly.
 */
export class PostTable {
  length = 0;
  readonly ids = new IdColumn();
  readonly inReplyTo = new IdColumn();
  platformOf = new Int32Array(INITIAL_CAPACITY);
  authorOf = new Int32Array(INITIAL_CAPACITY);
  /** Epoch milliseconds. */
  times = new Float64Array(INITIAL_CAPACITY);
  /** 0 = no rating; stars × 10 so that 4.5 fits. */
  private ratingTenths = new Uint8Array(INITIAL_CAPACITY);
  declaredRoles = new Uint8Array(INITIAL_CAPACITY);
  deletedFlags = new Uint8Array(INITIAL_CAPACITY);
  fileOf = new Int32Array(INITIAL_CAPACITY);
  /** 0 = unknown line. */
  lines = new Int32Array(INITIAL_CAPACITY);
  readonly threadIds = new Map<number, string>();
  readonly urls = new Map<number, string>();
  readonly langs = new Map<number, string>();
  readonly entries = new Map<number, string>();
  /** The wider inputs' fields (channel, visibility, date precision, edited), kept only where a source sets them. */
  readonly extras = new Map<number, PostExtras>();

  /** Whether post `i`'s time is precise enough to measure a duration from or to (see TimePrecision). */
  timedToMinute(i: number): boolean {
    const precision = this.extras.get(i)?.timePrecision;
    return precision === undefined || precision === 'exact' || precision === 'minute';
  }

  /**
   * Texts are joined into batches of about a megabyte: one flat string per batch instead of millions of
   * small ones (or slices that would keep every decoded input chunk alive). Text i spans global offsets
   * textStart[i] … textStart[i + 1]; a text never straddles two batches.
   */
  private readonly batches: string[] = [];
  private readonly batchStarts: number[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private textEnd = 0;
  private textStart = new Float64Array(INITIAL_CAPACITY + 1);

  readonly platforms = new Interner();
  readonly authors = new Interner();
  readonly files = new Interner();

  add(record: PostRecord, file: string): number {
    const at = this.length++;
    if (at >= this.times.length) this.reserve(at + 1);
    this.ids.push(record.id);
    this.inReplyTo.push(record.inReplyTo || undefined);
    this.platformOf[at] = this.platforms.intern(record.platform);
    this.authorOf[at] = this.authors.intern(record.author);
    this.times[at] = record.time;
    this.ratingTenths[at] = record.rating ? Math.round(record.rating * 10) : 0;
    this.declaredRoles[at] = record.role === 'brand' ? DECLARED_BRAND : record.role === 'customer' ? DECLARED_CUSTOMER : DECLARED_NONE;
    this.deletedFlags[at] = record.deleted ? 1 : 0;
    this.fileOf[at] = this.files.intern(record.origin?.file ?? file);
    this.lines[at] = (record.origin ? record.origin.line : record.line) ?? 0;
    if (record.threadId) this.threadIds.set(at, record.threadId);
    if (record.url) this.urls.set(at, record.url);
    if (record.lang) this.langs.set(at, record.lang);
    const entry = record.origin ? record.origin.entry : record.entry;
    if (entry) this.entries.set(at, entry);
    if (
      record.channel !== undefined ||
      record.visibility !== undefined ||
      record.timePrecision !== undefined ||
      record.edited !== undefined ||
      record.ratingScale !== undefined
    ) {
      const extras: PostExtras = {};
      if (record.ratingScale !== undefined && record.ratingValue !== undefined) {
        extras.ratingValue = record.ratingValue;
        extras.ratingScale = record.ratingScale;
      }
      if (record.channel !== undefined) extras.channel = record.channel;
      if (record.visibility !== undefined) extras.visibility = record.visibility;
      if (record.timePrecision !== undefined) extras.timePrecision = record.timePrecision;
      if (record.edited !== undefined) extras.edited = record.edited;
      this.extras.set(at, extras);
    }
    this.appendText(record.text);
    return at;
  }

  private reserve(needed: number): void {
    this.platformOf = grow(this.platformOf, needed);
    this.authorOf = grow(this.authorOf, needed);
    this.times = grow(this.times, needed);
    this.ratingTenths = grow(this.ratingTenths, needed);
    this.declaredRoles = grow(this.declaredRoles, needed);
    this.deletedFlags = grow(this.deletedFlags, needed);
    this.fileOf = grow(this.fileOf, needed);
    this.lines = grow(this.lines, needed);
    this.textStart = grow(this.textStart, this.times.length + 1);
  }

  private appendText(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    this.textEnd += text.length;
    this.textStart[this.length] = this.textEnd;
    if (this.pendingChars >= TEXT_BATCH_CHARS) this.flushTexts();
  }

  private flushTexts(): void {
    if (this.pending.length === 0) return;
    this.batchStarts.push(this.textEnd - this.pendingChars);
    this.batches.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Trims every column to `length`; call once ingest is complete. */
  seal(): void {
    this.flushTexts();
    if (this.times.length === this.length) return;
    this.platformOf = this.platformOf.slice(0, this.length);
    this.authorOf = this.authorOf.slice(0, this.length);
    this.times = this.times.slice(0, this.length);
    this.ratingTenths = this.ratingTenths.slice(0, this.length);
    this.declaredRoles = this.declaredRoles.slice(0, this.length);
    this.deletedFlags = this.deletedFlags.slice(0, this.length);
    this.fileOf = this.fileOf.slice(0, this.length);
    this.lines = this.lines.slice(0, this.length);
  }

  id(i: number): string {
    return this.ids.get(i)!;
  }

  text(i: number): string {
    this.flushTexts();
    const start = this.textStart[i]!;
    const end = this.textStart[i + 1]!;
    if (start === end) return '';
    // Binary search for the batch holding `start` (a few hundred batches at most).
    let lo = 0;
    let hi = this.batchStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.batchStarts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    const base = this.batchStarts[lo]!;
    return this.batches[lo]!.slice(start - base, end - base);
  }

  /** 1–5 stars, or 0 when the post has no rating. */
  rating(i: number): number {
    return this.ratingTenths[i]! / 10;
  }

  declaredRole(i: number): Role | undefined {
    const role = this.declaredRoles[i];
    return role === DECLARED_BRAND ? 'brand' : role === DECLARED_CUSTOMER ? 'customer' : undefined;
  }

  author(i: number): string {
    return this.authors.value(this.authorOf[i]!);
  }

  platform(i: number): string {
    return this.platforms.value(this.platformOf[i]!);
  }

  source(i: number): PostSource {
    const source: PostSource = { file: this.files.value(this.fileOf[i]!) };
    const line = this.lines[i]!;
    if (line > 0) source.line = line;
    const entry = this.entries.get(i);
    if (entry !== undefined) source.entry = entry;
    return source;
  }

  /**
   * The post as its JSON contract shape; `role` is the resolved role when given. `deletedKnown`: the source
   * records deletions, so `deleted: false` is written too (it is information, not an absent key).
   */
  get(i: number, role?: Role, deletedKnown = false): Post {
    // Built key by key so that JSON.stringify keeps the contract's key order.
    const post = {
      id: this.id(i),
      platform: this.platform(i),
      author: this.author(i),
      createdAt: isoTime(this.times[i]!),
      text: this.text(i),
    } as Post;
    const inReplyTo = this.inReplyTo.get(i);
    if (inReplyTo !== undefined) post.inReplyTo = inReplyTo;
    const threadId = this.threadIds.get(i);
    if (threadId !== undefined) post.threadId = threadId;
    const url = this.urls.get(i);
    if (url !== undefined) post.url = url;
    const rating = this.rating(i);
    if (rating > 0) post.rating = rating;
    const extras = this.extras.get(i);
    if (extras?.ratingScale !== undefined) {
      post.ratingValue = extras.ratingValue!;
      post.ratingScale = extras.ratingScale;
    }
    const lang = this.langs.get(i);
    if (lang !== undefined) post.lang = lang;
    const resolved = role ?? this.declaredRole(i);
    if (resolved !== undefined) post.role = resolved;
    if (this.deletedFlags[i] === 1) post.deleted = true;
    else if (deletedKnown) post.deleted = false;
    if (extras) {
      // In the contract's key order (POST_FIELDS); ratingValue and ratingScale were set after rating.
      if (extras.channel !== undefined) post.channel = extras.channel;
      if (extras.visibility !== undefined) post.visibility = extras.visibility;
      if (extras.timePrecision !== undefined) post.timePrecision = extras.timePrecision;
      if (extras.edited !== undefined) post.edited = extras.edited;
    }
    post.source = this.source(i);
    return post;
  }
}
