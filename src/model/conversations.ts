/**
 * From posts to the brand's conversations (spec §5).
 *
 * - Channels (decided per input, never per format): whose inbox, page or listing each post sits on. An
 *   input that names its owner (a page, an archive's account) or a post's own `channel` says it; a
 *   single-channel export (an inbox CSV) is the brand's when every post it marks as a company's is by
 *   the brand's handles, or when it marks none; a multi-brand dataset (TWCS) is nobody's channel.
 * - Roles: a post by one of the brand's handles is the brand's. A post a source marks as a company's
 *   (TWCS inbound=False, a role column) is the brand's too on the brand's own channel, and another
 *   company's ("other") anywhere else: `role=brand` says the author speaks for *a* brand, not for the one
 *   audited. Everyone else is a customer.
 * - Threads: reply links first (`inReplyTo`, scoped per platform); posts that only carry a thread id are
 *   chained in time order inside that thread.
 * - Conversation: the reply tree under a customer post that opens it — a thread's first post, or a
 *   customer post answering a brand post (a comment under the brand's announcement opens its own
 *   conversation). It belongs to the brand when it sits on the brand's own channel, mentions or answers
 *   the brand, or the brand posted in it.
 * - "Now" (`asOf`) is an input: posts after it are treated as not written yet.
 */
import { UNNAMED_BRAND_AUTHOR } from '../contract/post.js';
import type { IngestWarning, MessageData } from '../contract/warning.js';
import type { Corpus } from '../corpus/corpus.js';
import { DECLARED_BRAND, type IdColumn, type PostTable } from '../corpus/post-table.js';

export const ROLE_OTHER = 0;
export const ROLE_BRAND = 1;
export const ROLE_CUSTOMER = 2;

export interface BrandConversations {
  table: PostTable;
  /** Resolved role per post: ROLE_BRAND, ROLE_CUSTOMER or ROLE_OTHER. */
  roles: Uint8Array;
  /** Parent post index, or -1. */
  parentOf: Int32Array;
  /** Conversation index per post, or -1 when the post is in none of the brand's conversations. */
  conversationOf: Int32Array;
  /** CSR layout: posts of conversation c are members[offsets[c]] … members[offsets[c + 1] - 1], in time order. */
  offsets: Int32Array;
  members: Int32Array;
  /** The customer post that opened each conversation. */
  openers: Int32Array;
  /** 1 for exact repeats of another post (overlapping exports): counted once, never judged. */
  excluded: Uint8Array;
  /** Whether any input records deleted or hidden posts. */
  tracksDeletion: boolean;
  count: number;
  /** Posts by the brand (any conversation or none). */
  brandPosts: number;
  /** How each input file was judged (index in table.files): the report states it. */
  channels: Map<number, ChannelDecision>;
  /** Posts that name a parent, and how many of those parents are missing from the data. */
  replyLinks: { total: number; unresolved: number };
}

/** Whose channel an input file is, for this brand, and why. */
export interface ChannelDecision {
  brands: boolean;
  /** Why, as a code: `owner`, `own-inbox`, `no-company-posts`, `other-company`, `mixed-companies`, `multi-brand`, `per-post`. */
  rule: 'owner' | 'own-inbox' | 'no-company-posts' | 'other-company' | 'mixed-companies' | 'multi-brand' | 'per-post' | 'no-brand-replies';
  /** Authors the input marks as a company's that are not the brand's handles (at most 5). */
  otherCompanies: string[];
}

export interface BuildOptions {
  handles: readonly string[];
  asOf: number;
  /** Only conversations opened in [since, until] are kept. */
  since: number;
  until: number;
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/**
 * 1 per author index that is one of the wanted (normalized) handles. Authors stored as numbers (TWCS's 0.9 M
 * anonymised customers at 1 M conversations) are only spelled out when some wanted handle is all digits:
 * a digit string is its own normalized form, so otherwise none of them can match.
 */
export function handleFlags(table: PostTable, wanted: ReadonlySet<string>): Uint8Array {
  const authors = table.authors;
  const flags = new Uint8Array(authors.size);
  const digitHandles = [...wanted].some((handle) => /^\d+$/.test(handle));
  for (let a = 0; a < authors.size; a++) {
    if (!digitHandles && authors.numberAt(a) >= 0) continue;
    if (wanted.has(normalizeHandle(authors.value(a)))) flags[a] = 1;
  }
  return flags;
}

export function buildConversations(corpus: Corpus, options: BuildOptions, warn: (w: IngestWarning) => void): BrandConversations {
  const table = corpus.table;
  table.seal();
  const n = table.length;
  const times = table.times;
  const wanted = new Set(options.handles.map(normalizeHandle));
  const channels = decideChannels(corpus, wanted);
  const onBrandChannel = postChannelTest(table, channels, wanted);
  const roles = resolveRoles(corpus, wanted, onBrandChannel);
  const globalIds = new Uint8Array(table.files.size);
  for (const [file, channel] of corpus.channels) if (channel.globalIds) globalIds[file] = 1;
  const { parentOf, repeated, replyLinks } = linkReplies(table, warn, globalIds);
  // Exact repeats (overlapping exports) count once; posts after "now" do not exist yet.
  const visible = (i: number): boolean => times[i]! <= options.asOf && repeated[i] === 0;
  chainThreadOnlyPosts(table, parentOf);

  // Opener of each post's conversation: -1 none, -2 not computed yet.
  const opener = new Int32Array(n).fill(-2);
  const onPath = new Int32Array(n); // walk number that last visited the post, to spot cycles without a Set per walk
  const stack: number[] = [];
  let walks = 0;
  for (let i = 0; i < n; i++) {
    if (opener[i] !== -2) continue;
    // Walk up to a known node or a root. A reply cycle is cut where it closes, and the walk starts again so
    // that every parent is settled before its replies.
    for (;;) {
      const stamp = ++walks;
      let at = i;
      let cut = false;
      stack.length = 0;
      while (at >= 0 && opener[at] === -2) {
        if (onPath[at] === stamp) {
          warnAt(table, at, warn, 'reply-cycle', `post ${table.id(at)} is part of a reply cycle; its reply link was dropped`, {
            id: table.id(at),
          });
          parentOf[at] = -1;
          cut = true;
          break;
        }
        onPath[at] = stamp;
        stack.push(at);
        at = parentOf[at]!;
      }
      if (!cut) break;
    }
    while (stack.length > 0) {
      const p = stack.pop()!;
      const parent = parentOf[p]!;
      const inherited = parent >= 0 ? opener[parent]! : -1;
      if (inherited >= 0) opener[p] = inherited;
      else opener[p] = roles[p] === ROLE_CUSTOMER && visible(p) ? p : -1;
    }
  }

  // Which openers belong to the brand, and which are inside the period.
  const belongs = new Uint8Array(n);
  const mention = mentionPattern(options.handles);
  for (let i = 0; i < n; i++) {
    const o = opener[i]!;
    if (o < 0 || !visible(i)) continue;
    if (roles[i] === ROLE_BRAND) belongs[o] = 1;
  }
  let brandPosts = 0;
  for (let i = 0; i < n; i++) if (roles[i] === ROLE_BRAND) brandPosts++;
  // A platform that shows no brand reply (Amazon) owes no answer: even a thread naming the brand is not its conversation.
  const noReplies = new Uint8Array(table.files.size);
  for (const [file, decision] of channels) if (decision.rule === 'no-brand-replies') noReplies[file] = 1;
  for (let o = 0; o < n; o++) {
    if (opener[o] !== o || belongs[o] || noReplies[table.fileOf[o]!]) continue;
    const parent = parentOf[o]!;
    if (onBrandChannel(o) || (parent >= 0 && roles[parent] === ROLE_BRAND) || mention?.test(table.text(o))) {
      belongs[o] = 1;
    }
  }

  // Number the conversations in input order, keep those opened in the period.
  const conversationOfOpener = new Int32Array(n).fill(-1);
  const openerList: number[] = [];
  for (let o = 0; o < n; o++) {
    if (opener[o] === o && belongs[o] && times[o]! >= options.since && times[o]! <= options.until) {
      conversationOfOpener[o] = openerList.length;
      openerList.push(o);
    }
  }
  const count = openerList.length;
  const conversationOf = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const o = opener[i]!;
    if (o < 0 || !visible(i)) continue;
    const c = conversationOfOpener[o]!;
    if (c < 0) continue;
    conversationOf[i] = c;
    sizes[c + 1]!++;
  }
  const offsets = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) offsets[c + 1] = offsets[c]! + sizes[c + 1]!;
  const fill = offsets.slice(0, count);
  const members = new Int32Array(offsets[count] ?? 0);
  for (let i = 0; i < n; i++) {
    const c = conversationOf[i]!;
    if (c >= 0) members[fill[c]!++] = i;
  }
  // Time order inside each conversation (input order breaks ties). Most have a handful of posts, where an
  // insertion sort is fastest; a long thread exported newest first needs a real sort.
  for (let c = 0; c < count; c++) {
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    if (to - from > 32) {
      members.subarray(from, to).sort((a, b) => times[a]! - times[b]! || a - b);
      continue;
    }
    for (let a = from + 1; a < to; a++) {
      const post = members[a]!;
      let b = a - 1;
      while (b >= from && times[members[b]!]! > times[post]!) {
        members[b + 1] = members[b]!;
        b--;
      }
      members[b + 1] = post;
    }
  }
  return {
    table,
    roles,
    parentOf,
    conversationOf,
    offsets,
    members,
    openers: Int32Array.from(openerList),
    excluded: repeated,
    tracksDeletion: corpus.tracksDeletion,
    count,
    brandPosts,
    channels,
    replyLinks,
  };
}

/** Per input file: is it this brand's channel? */
export function decideChannels(corpus: Corpus, wanted: ReadonlySet<string>): Map<number, ChannelDecision> {
  const table = corpus.table;
  const files = table.files.size;
  const companyAuthors: Set<number>[] = Array.from({ length: files }, () => new Set<number>());
  const isHandle = handleFlags(table, wanted);
  const perPostChannel = new Uint8Array(files);
  for (let i = 0; i < table.length; i++) {
    if (table.declaredRoles[i] === DECLARED_BRAND) companyAuthors[table.fileOf[i]!]!.add(table.authorOf[i]!);
    if (table.extras.get(i)?.channel !== undefined) perPostChannel[table.fileOf[i]!] = 1;
  }
  const decisions = new Map<number, ChannelDecision>();
  for (let file = 0; file < files; file++) {
    const input = corpus.channels.get(file);
    // A brand post with no named author is the input's own channel speaking: it names no other company.
    const named = [...companyAuthors[file]!].filter((a) => table.authors.value(a) !== UNNAMED_BRAND_AUTHOR);
    const others = named
      .filter((a) => !isHandle[a])
      .map((a) => table.authors.value(a))
      .sort()
      .slice(0, 5);
    let decision: ChannelDecision;
    if (input?.noBrandReplies) decision = { brands: false, rule: 'no-brand-replies', otherCompanies: [] };
    else if (perPostChannel[file]) decision = { brands: false, rule: 'per-post', otherCompanies: others };
    else if (input?.owner !== undefined) decision = { brands: wanted.has(normalizeHandle(input.owner)), rule: 'owner', otherCompanies: others };
    else if (input?.layout !== 'single-channel') decision = { brands: false, rule: 'multi-brand', otherCompanies: others };
    else if (named.length === 0) decision = { brands: true, rule: 'no-company-posts', otherCompanies: [] };
    else if (others.length === 0) decision = { brands: true, rule: 'own-inbox', otherCompanies: [] };
    else if (others.length < named.length) decision = { brands: false, rule: 'mixed-companies', otherCompanies: others };
    else decision = { brands: false, rule: 'other-company', otherCompanies: others };
    decisions.set(file, decision);
  }
  return decisions;
}

/** Whether post i sits on the brand's channel: its own `channel` field first, then its input's decision. */
function pageAsHandle(page: string): string {
  return normalizeHandle(page)
    .normalize('NFD')
    .replace(/[\u0300-\u036f\s]+/g, '');
}

export function postChannelTest(table: PostTable, channels: Map<number, ChannelDecision>, wanted: ReadonlySet<string>): (i: number) => boolean {
  const perPost = new Map<string, boolean>();
  return (i) => {
    const channel = table.extras.get(i)?.channel;
    if (channel !== undefined) {
      let brands = perPost.get(channel);
      // A page name may be written with spaces and accents ("Marca Energía") where the handle has neither.
      if (brands === undefined) perPost.set(channel, (brands = wanted.has(normalizeHandle(channel)) || wanted.has(pageAsHandle(channel))));
      return brands;
    }
    return channels.get(table.fileOf[i]!)?.brands ?? false;
  };
}

function resolveRoles(corpus: Corpus, wanted: ReadonlySet<string>, onBrandChannel: (i: number) => boolean): Uint8Array {
  const table = corpus.table;
  const brandAuthor = handleFlags(table, wanted);
  const roles = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) {
    if (brandAuthor[table.authorOf[i]!]) roles[i] = ROLE_BRAND;
    else if (table.declaredRoles[i] === DECLARED_BRAND) roles[i] = onBrandChannel(i) ? ROLE_BRAND : ROLE_OTHER;
    else roles[i] = ROLE_CUSTOMER;
  }
  return roles;
}

/**
 * Resolves `inReplyTo` per platform, looking in the post's own file first: two exports that both number
 * their rows 1, 2, 3 must not link into each other. Exact repeats (overlapping exports) are counted once;
 * a different post under an id its file already used is a `duplicate-id`.
 */
function linkReplies(
  table: PostTable,
  warn: (w: IngestWarning) => void,
  globalIds: Uint8Array,
): { parentOf: Int32Array; repeated: Uint8Array; replyLinks: { total: number; unresolved: number } } {
  const n = table.length;
  const indexes = table.platforms.values().map((_, platform) => IdIndex.build(table, platform));
  const repeated = new Uint8Array(n);
  // The copy a repeated post stands for (itself when kept): replies to any copy link to the kept one.
  const kept = new Int32Array(n).fill(-1);
  let repeats = 0;
  let firstRepeat = -1;
  let merged = 0;
  let firstMerged = -1;
  const canonical = (post: number): number => {
    let at = post;
    for (let hops = 0; repeated[at] && kept[at]! >= 0 && hops < 64; hops++) at = kept[at]!;
    return at;
  };
  for (let i = 0; i < n; i++) {
    const index = indexes[table.platformOf[i]!]!;
    const first = index.add(table.ids, i, table.fileOf[i]!);
    if (first === i) continue;
    if (table.times[first] === table.times[i] && table.authorOf[first] === table.authorOf[i] && table.text(first) === table.text(i)) {
      repeated[i] = 1;
      kept[i] = first;
      if (repeats++ === 0) firstRepeat = i;
    } else if (table.fileOf[first] !== table.fileOf[i] && globalIds[table.fileOf[first]!] && globalIds[table.fileOf[i]!]) {
      // The platform's own id in two exports is one post, whatever each export made of it (an X archive's
      // text-less placeholder beside the real tweet, v1 and v2 API texts): the fuller copy is kept.
      const current = canonical(first);
      const [keep, drop] = table.text(i).length > table.text(current).length ? [i, current] : [current, i];
      repeated[drop] = 1;
      kept[drop] = keep;
      if (merged++ === 0) firstMerged = drop;
    } else if (table.fileOf[first] === table.fileOf[i]) {
      const where = table.source(first);
      warnAt(
        table,
        i,
        warn,
        'duplicate-id',
        `id ${table.id(i)} was already used at ${where.file}${where.line ? `:${where.line}` : ''} by a different post; replies link to the first one`,
        { id: table.id(i), where: `${where.file}${where.line ? `:${where.line}` : ''}` },
      );
    }
  }
  if (merged > 0) {
    warnAt(
      table,
      firstMerged,
      warn,
      'same-post-in-inputs',
      `${merged} post${merged === 1 ? '' : 's'} appeared in more than one input with the same platform id (overlapping exports of one account or thread); each was counted once, the fuller copy kept`,
      { n: merged },
    );
  }
  if (repeats > 0) {
    warnAt(
      table,
      firstRepeat,
      warn,
      'repeated-post',
      `${repeats} post${repeats === 1 ? '' : 's'} appeared more than once with the same id, author, time and text (overlapping exports?); each was counted once`,
      { n: repeats },
    );
  }
  const parentOf = new Int32Array(n).fill(-1);
  const replyLinks = { total: 0, unresolved: 0 };
  for (let i = 0; i < n; i++) {
    if (repeated[i] || table.inReplyTo.numberAt(i) === -2) continue;
    replyLinks.total++;
    const found = indexes[table.platformOf[i]!]!.find(table.inReplyTo, i, table.fileOf[i]!);
    // A reply to a copy counted once links to the copy that is kept.
    const parent = found < 0 ? found : canonical(found);
    if (parent < 0) {
      replyLinks.unresolved++;
      warnAt(
        table,
        i,
        warn,
        'reply-to-missing',
        `post ${table.id(i)} replies to ${table.inReplyTo.get(i)}, which is not in the data; it starts its own thread`,
        { id: table.id(i), parent: table.inReplyTo.get(i) ?? '' },
      );
      continue;
    }
    if (parent === i) continue;
    parentOf[i] = parent;
    if (table.times[i]! < table.times[parent]!) {
      warnAt(
        table,
        i,
        warn,
        'reply-before-parent',
        `post ${table.id(i)} is dated before the post it replies to (${table.id(parent)}); its response time is not counted`,
        { id: table.id(i), parent: table.id(parent) },
      );
    }
  }
  return { parentOf, repeated, replyLinks };
}

/**
 * id → post index for one platform. A single file with renumbered ids (TWCS: 1, 2, 3…) gets a dense array,
 * ten times faster and smaller than a Map of 1.6 M strings; otherwise Maps keyed by the id text, one per
 * file (looked up first) and one for the whole platform (replies across files of one export).
 */
class IdIndex {
  private readonly perFile = new Map<number, Map<string, number>>();

  private constructor(
    private readonly dense: Int32Array | undefined,
    private readonly map: Map<string, number>,
    private readonly manyFiles: boolean,
  ) {}

  static build(table: PostTable, platform: number): IdIndex {
    let count = 0;
    let max = -1;
    let denseOk = true;
    let file = -1;
    let manyFiles = false;
    for (let i = 0; i < table.length; i++) {
      if (table.platformOf[i] !== platform) continue;
      count++;
      if (file < 0) file = table.fileOf[i]!;
      else if (file !== table.fileOf[i]) manyFiles = true;
      const value = table.ids.numberAt(i);
      if (value < 0) denseOk = false;
      else if (value > max) max = value;
    }
    const dense = denseOk && !manyFiles && count > 0 && max < count * 4 + 1024 ? new Int32Array(max + 1).fill(-1) : undefined;
    return new IdIndex(dense, new Map(), manyFiles);
  }

  /** Records post i under its id; returns the first post with that id in its file (or platform-wide). */
  add(ids: IdColumn, i: number, file: number): number {
    const number = ids.numberAt(i);
    if (this.dense && number >= 0) {
      const first = this.dense[number]!;
      if (first >= 0) return first;
      this.dense[number] = i;
      return i;
    }
    const key = ids.get(i)!;
    const global = this.map.get(key);
    if (global === undefined) this.map.set(key, i);
    if (!this.manyFiles) return global ?? i;
    let own = this.perFile.get(file);
    if (!own) this.perFile.set(file, (own = new Map()));
    const first = own.get(key);
    if (first !== undefined) return first;
    own.set(key, i);
    // An exact repeat in another file is still the same post (overlapping exports).
    return global ?? i;
  }

  /** The post whose id is `column`'s value at row i: in the same file first, then anywhere; -1 if none. */
  find(column: IdColumn, i: number, file: number): number {
    const number = column.numberAt(i);
    if (this.dense) return number >= 0 && number < this.dense.length ? this.dense[number]! : -1;
    const key = column.get(i)!;
    return this.perFile.get(file)?.get(key) ?? this.map.get(key) ?? -1;
  }
}

/** Posts with a thread id but no reply link (flat inbox exports) follow the previous post of their thread. */
function chainThreadOnlyPosts(table: PostTable, parentOf: Int32Array): void {
  const threads = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    const thread = table.threadIds.get(i);
    if (thread === undefined) continue;
    const key = `${table.platformOf[i]}\u0000${thread}`;
    const list = threads.get(key);
    if (list) list.push(i);
    else threads.set(key, [i]);
  }
  for (const posts of threads.values()) {
    if (posts.length < 2) continue;
    posts.sort((a, b) => table.times[a]! - table.times[b]! || a - b);
    for (let k = 1; k < posts.length; k++) {
      const post = posts[k]!;
      if (parentOf[post] === -1 && table.inReplyTo.numberAt(post) === -2) parentOf[post] = posts[k - 1]!;
    }
  }
}

function mentionPattern(handles: readonly string[]): RegExp | null {
  const names = handles.map(normalizeHandle).filter((h) => h !== '');
  if (names.length === 0) return null;
  const escaped = names.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Not inside an e-mail address (ayuda@marca.example) and not a longer handle (@MarcaAyudaES).
  return new RegExp(`(?<![\\p{L}\\p{N}_.])@(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

function warnAt(table: PostTable, i: number, warn: (w: IngestWarning) => void, code: string, message: string, data?: MessageData): void {
  const source = table.source(i);
  warn({ input: source.file, ...(source.line ? { line: source.line } : {}), code, message, ...(data ? { data } : {}) });
}
