/**
 * The normalized post (spec §7) and the compact table that holds millions of them.
 *
 * A million-conversation export is 1.6 M posts; as rich objects they cost over a gigabyte. The table keeps
 * one array per field, interns repeated strings (authors, platforms, files) and stores times as numbers,
 * so adapters can stream posts in and rules can read columns without allocating.
 */

export type Role = 'brand' | 'customer';

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
  lang?: string | undefined;
  /** The role the source itself declares (e.g. TWCS `inbound`); the brand handles decide otherwise. */
  role?: Role | undefined;
  deleted?: boolean | undefined;
  line?: number | undefined;
  entry?: string | undefined;
}

/** The JSON shape of a post (spec §7 contract), key order included. */
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
  lang?: string;
  role?: Role;
  deleted?: boolean;
  source: PostSource;
}

export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  intern(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(value, at);
    }
    return at;
  }

  lookup(value: string): number | undefined {
    return this.index.get(value);
  }
}

const ROLE_NONE = 0;
const ROLE_BRAND = 1;
const ROLE_CUSTOMER = 2;

export class PostTable {
  length = 0;
  readonly ids: string[] = [];
  readonly platformOf: number[] = [];
  readonly authorOf: number[] = [];
  readonly times: number[] = [];
  readonly texts: string[] = [];
  readonly inReplyTo: (string | undefined)[] = [];
  readonly threadIds: (string | undefined)[] = [];
  readonly urls: (string | undefined)[] = [];
  /** 0 = no rating. */
  readonly ratings: number[] = [];
  readonly langs: (string | undefined)[] = [];
  readonly declaredRoles: number[] = [];
  readonly deletedFlags: number[] = [];
  readonly fileOf: number[] = [];
  /** 0 = unknown line. */
  readonly lines: number[] = [];
  readonly entries: (string | undefined)[] = [];

  readonly platforms = new Interner();
  readonly authors = new Interner();
  readonly files = new Interner();

  add(record: PostRecord, file: string): number {
    const at = this.length++;
    this.ids.push(record.id);
    this.platformOf.push(this.platforms.intern(record.platform));
    this.authorOf.push(this.authors.intern(record.author));
    this.times.push(record.time);
    this.texts.push(record.text);
    this.inReplyTo.push(record.inReplyTo || undefined);
    this.threadIds.push(record.threadId || undefined);
    this.urls.push(record.url || undefined);
    this.ratings.push(record.rating ?? 0);
    this.langs.push(record.lang || undefined);
    this.declaredRoles.push(record.role === 'brand' ? ROLE_BRAND : record.role === 'customer' ? ROLE_CUSTOMER : ROLE_NONE);
    this.deletedFlags.push(record.deleted ? 1 : 0);
    this.fileOf.push(this.files.intern(file));
    this.lines.push(record.line ?? 0);
    this.entries.push(record.entry);
    return at;
  }

  declaredRole(i: number): Role | undefined {
    const role = this.declaredRoles[i];
    return role === ROLE_BRAND ? 'brand' : role === ROLE_CUSTOMER ? 'customer' : undefined;
  }

  author(i: number): string {
    return this.authors.values[this.authorOf[i]!]!;
  }

  platform(i: number): string {
    return this.platforms.values[this.platformOf[i]!]!;
  }

  source(i: number): PostSource {
    const source: PostSource = { file: this.files.values[this.fileOf[i]!]! };
    const line = this.lines[i]!;
    if (line > 0) source.line = line;
    const entry = this.entries[i];
    if (entry !== undefined) source.entry = entry;
    return source;
  }

  /** The post as its JSON contract shape; `role` is the resolved role when given. */
  get(i: number, role?: Role): Post {
    // Built key by key so that JSON.stringify keeps the contract's key order.
    const post = {
      id: this.ids[i]!,
      platform: this.platform(i),
      author: this.author(i),
      createdAt: isoTime(this.times[i]!),
      text: this.texts[i]!,
    } as Post;
    const inReplyTo = this.inReplyTo[i];
    if (inReplyTo !== undefined) post.inReplyTo = inReplyTo;
    const threadId = this.threadIds[i];
    if (threadId !== undefined) post.threadId = threadId;
    const url = this.urls[i];
    if (url !== undefined) post.url = url;
    const rating = this.ratings[i]!;
    if (rating > 0) post.rating = rating;
    const lang = this.langs[i];
    if (lang !== undefined) post.lang = lang;
    const resolved = role ?? this.declaredRole(i);
    if (resolved !== undefined) post.role = resolved;
    if (this.deletedFlags[i] === 1) post.deleted = true;
    post.source = this.source(i);
    return post;
  }
}

/** ISO 8601 UTC with seconds; milliseconds only when the source had them. */
export function isoTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}
