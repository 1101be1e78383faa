/**
 * robots.txt (RFC 9309), parsed and matched without backtracking.
 *
 * - Groups: one or more `User-agent` lines followed by their rules; a `User-agent` line after a rule starts a
 *   new group. Rules before any `User-agent` line belong to no group and are ignored.
 * - The crawler's group: every group naming its product token (compared case-insensitively, only the
 *   token's letters, `-` and `_`: `second-impression/0.1` names `second-impression`), combined; when none
 *   does, every `*` group, combined; when there is neither, everything is allowed.
 * - Precedence: the rule with the longest pattern matching the path wins; between an `Allow` and a
 *   `Disallow` of the same length, `Allow`. An empty pattern matches nothing. `/robots.txt` is always allowed.
 * - Patterns: `*` is any run of characters, a `$` at the end anchors the pattern to the end of the path;
 *   otherwise a pattern matches a prefix of the path (path and query, percent-encoded as sent).
 * - Matching is linear in the lengths of the path and the pattern: a pattern is split at its `*`s and each
 *   literal piece is found with a Knuth–Morris–Pratt scan that never steps back.
 */

export interface RobotsRule {
  allow: boolean;
  /** The pattern, percent-encoding normalised. */
  pattern: string;
}

export interface RobotsGroup {
  /** Lower-cased product tokens, or `*`. */
  agents: string[];
  rules: RobotsRule[];
  /** `Crawl-delay` in seconds, when the group gives a valid one (not in RFC 9309, but widely written). */
  crawlDelay?: number;
}

export interface RobotsPolicy {
  groups: RobotsGroup[];
}

/** The bytes of a robots.txt read (RFC 9309 asks for at least 500 KiB): the rest is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export function parseRobots(text: string): RobotsPolicy {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | undefined;
  // True while User-agent lines follow each other: they share the group that is being opened.
  let collectingAgents = false;
  for (const rawLine of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const hash = rawLine.indexOf('#');
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent' || key === 'useragent' || key === 'user agent') {
      if (!collectingAgents || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      collectingAgents = true;
      const agent = value === '*' ? '*' : productToken(value);
      if (agent !== '') current.agents.push(agent);
      continue;
    }
    if (key === 'allow' || key === 'disallow') {
      collectingAgents = false;
      if (!current) continue;
      if (value === '') continue; // `Disallow:` with nothing allows everything: it adds no rule
      current.rules.push({ allow: key === 'allow', pattern: normalisePattern(value) });
      continue;
    }
    if (key === 'crawl-delay') {
      collectingAgents = false;
      if (!current) continue;
      const seconds = Number(value);
      if (/^\d+(?:\.\d+)?$/.test(value) && Number.isFinite(seconds)) current.crawlDelay = seconds;
    }
    // Sitemap and unknown keys neither belong to a group nor end the User-agent run (RFC 9309 §2.2.4).
  }
  return { groups };
}

/** `Second-Impression/0.1.0 (+offline audit)` → `second-impression`. */
export function productToken(userAgent: string): string {
  return (/^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? '').toLowerCase();
}

/** The rules and crawl delay that apply to a crawler: its own groups, else the `*` groups. */
export function groupFor(policy: RobotsPolicy, userAgent: string): { rules: RobotsRule[]; crawlDelay: number | undefined } {
  const token = productToken(userAgent);
  let chosen = token === '' ? [] : policy.groups.filter((g) => g.agents.includes(token));
  if (chosen.length === 0) chosen = policy.groups.filter((g) => g.agents.includes('*'));
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);
  return { rules: chosen.flatMap((g) => g.rules), crawlDelay: delays.length > 0 ? Math.max(...delays) : undefined };
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The rule that decided, when one did. */
  rule?: RobotsRule;
}

/**
 * Whether `userAgent` may fetch `pathAndQuery` (`/a/b?c=d`, as it goes on the request line).
 */
export function isAllowed(policy: RobotsPolicy, userAgent: string, pathAndQuery: string): RobotsVerdict {
  const target = normalisePath(pathAndQuery === '' ? '/' : pathAndQuery);
  if (target === '/robots.txt') return { allowed: true };
  let best: RobotsRule | undefined;
  for (const rule of groupFor(policy, userAgent).rules) {
    if (best && rule.pattern.length < best.pattern.length) continue;
    if (best && rule.pattern.length === best.pattern.length && (best.allow || !rule.allow)) continue;
    if (matches(rule.pattern, target)) best = rule;
  }
  return best ? { allowed: best.allow, rule: best } : { allowed: true };
}

/**
 * Whether a robots pattern matches the path: `*` any run, a final `$` the end, otherwise a prefix.
 * Leftmost matching of each literal piece is enough: `*` absorbs whatever lies between them.
 */
export function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const first = pieces[0]!;
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return anchored ? path.length === first.length : true;
  let at = first.length;
  const last = pieces.length - 1;
  for (let i = 1; i < last; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    const found = indexFrom(path, piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const tail = pieces[last]!;
  if (!anchored) return tail === '' || indexFrom(path, tail, at) >= 0;
  // Anchored: the last piece must end the path, after everything matched so far.
  return path.length - tail.length >= at && path.endsWith(tail);
}

/** Knuth–Morris–Pratt: the first index ≥ `from` where `needle` occurs in `text`, or -1. */
function indexFrom(text: string, needle: string, from: number): number {
  if (needle.length === 0) return from;
  const fail = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fail[k - 1]!;
    if (needle[i] === needle[k]) k++;
    fail[i] = k;
  }
  for (let i = from, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== needle[k]) k = fail[k - 1]!;
    if (text[i] === needle[k]) k++;
    if (k === needle.length) return i - needle.length + 1;
  }
  return -1;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * One spelling for paths and patterns: non-ASCII characters UTF-8 percent-encoded, `%xx` in upper case, and
 * percent-encoded unreserved characters (`%7E` → `~`) decoded, so `/caf%C3%A9` and `/café` compare equal.
 */
function canonical(text: string, keepWildcards: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      const hex = text.slice(i + 1, i + 3).toUpperCase();
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex}`;
      i += 2;
    } else if (keepWildcards && c === '*') out += c;
    else if (c === '$') out += '%24';
    else if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) <= 0x20) {
      const code = text.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      if (char.length === 2) i++;
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else out += c;
  }
  return out;
}

function normalisePattern(pattern: string): string {
  // A `$` anywhere but at the end is a literal character in the path.
  const anchored = pattern.endsWith('$');
  return canonical(anchored ? pattern.slice(0, -1) : pattern, true) + (anchored ? '$' : '');
}

function normalisePath(path: string): string {
  return canonical(path, false);
}
