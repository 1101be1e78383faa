/**
 * A Mastodon account archive's `outbox.json`: one ActivityStreams `OrderedCollection` whose
 * `orderedItems` are the account's activities. `Create` activities carry the post (`Note`) itself;
 * `Announce` (boosts) carry only another post's address and are left out.
 *
 * Quirks handled: exports since 2024 repeat top-level keys (a second `@context`, and two
 * `orderedItems`, one of them an empty array). `JSON.parse` keeps only the last of each, so the items
 * are gathered from every top-level `orderedItems`. Content is HTML: tags are stripped, the hidden
 * parts of shortened links (`<span class="invisible">`) dropped, entities decoded. The owner is the
 * archive's `actor.json` (`preferredUsername`), else the last part of the activities' actor address.
 */
import type { AdapterInput, IngestAdapter } from '../../contract/adapter.js';
import type { PostRecord, Visibility } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { clip, decodeHtmlEntities } from '../text-cleanup.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const PUBLIC_SHORT = new Set([PUBLIC, 'as:Public', 'Public']);
const POST_TYPES = new Set(['Note', 'Question', 'Article']);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
}

async function readText(input: AdapterInput): Promise<string> {
  let text = '';
  for await (const chunk of input.chunks) text += chunk;
  return text;
}

/**
 * The raw JSON text of every value of `key` in the top-level object, in order. Duplicate keys are
 * legal JSON text that `JSON.parse` collapses to the last one; this scan sees them all.
 */
export function topLevelValues(text: string, key: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let valueStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      if (depth === 1 && valueStart < 0) {
        let k = j + 1;
        while (k < text.length && /\s/.test(text[k]!)) k++;
        if (text[k] === ':' && JSON.parse(text.slice(i, j + 1)) === key) {
          valueStart = k + 1;
          i = k;
          continue;
        }
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth === 1 && valueStart >= 0) {
        out.push(text.slice(valueStart, i));
        valueStart = -1;
      }
      depth--;
    } else if (c === 0x2c /* , */ && depth === 1 && valueStart >= 0) {
      out.push(text.slice(valueStart, i));
      valueStart = -1;
    }
  }
  return out;
}

/** Mastodon's HTML content as plain text: paragraphs and line breaks kept, link padding hidden as on screen. */
export function htmlToText(html: string): string {
  return decodeHtmlEntities(
    html
      .replace(/<span\b[^>]*\bclass="[^"]*\binvisible\b[^"]*"[^>]*>[^<]*<\/span>/gi, '')
      .replace(/<span\b[^>]*\bclass="[^"]*\bellipsis\b[^"]*"[^>]*>([^<]*)<\/span>/gi, '$1…')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p\b[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

/** `…#Public` in `to` is public, in `cc` unlisted (still public to read); the followers only is private; the rest direct. */
function visibilityOf(to: string[], cc: string[], followers: string | undefined): Visibility {
  if (to.some((a) => PUBLIC_SHORT.has(a)) || cc.some((a) => PUBLIC_SHORT.has(a))) return 'public';
  const isFollowers = (a: string): boolean => a === followers || a.endsWith('/followers');
  if (to.some(isFollowers) || cc.some(isFollowers)) return 'private';
  return 'direct';
}

/** The last path part of an actor address: https://masto.example/users/telenova → telenova. */
function handleFromUrl(url: string): string | undefined {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1).replace(/^@/, '');
  return last === '' || last.includes(':') ? undefined : last;
}

export const mastodonOutboxAdapter: IngestAdapter = {
  id: 'mastodon-outbox',
  title: 'Mastodon account archive (outbox.json)',
  detection:
    'a JSON ActivityStreams "OrderedCollection" with "orderedItems" (a Mastodon archive\'s outbox.json); its actor.json is read beside it, likes.json and bookmarks.json are recognised and passed over',
  yields:
    "the account's own posts and replies (boosts left out) with exact times, content warnings and who could see each; the posts it answered are on other servers and not in the archive",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{')) return { confidence: 0 };
    const base = baseName(name);
    const activityStreams = start.includes('https://www.w3.org/ns/activitystreams');
    const collection = /"type"\s*:\s*"OrderedCollection"/.test(start);
    if (collection && (base === 'likes.json' || base === 'bookmarks.json')) {
      return {
        confidence: 0.9,
        exportPart: true,
        unsupported: `Mastodon archive ${base}: other people's posts the account liked or saved, nothing to audit; read outbox.json`,
      };
    }
    if (base === 'actor.json' && activityStreams && /"type"\s*:\s*"(?:Person|Service|Organization|Application|Group)"/.test(start)) {
      return { confidence: 0.9, exportPart: true, unsupported: 'Mastodon archive actor.json: the profile, read together with outbox.json beside it' };
    }
    if (collection && /"orderedItems"\s*:/.test(start)) return { confidence: activityStreams || base === 'outbox.json' ? 0.95 : 0.6 };
    return { confidence: 0 };
  },
  async parse(input, sink, options) {
    const text = await readText(input);
    let doc: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      doc = parsed as Record<string, unknown>;
    } catch {
      throw new InputError(`${input.name}: not valid JSON (a Mastodon outbox.json is one JSON object)`);
    }
    // Every top-level "orderedItems", not only the last one JSON.parse kept.
    let items: unknown[] = Array.isArray(doc.orderedItems) ? doc.orderedItems : [];
    const raw = text.indexOf('"orderedItems"') === text.lastIndexOf('"orderedItems"') ? [] : topLevelValues(text, 'orderedItems');
    if (raw.length > 1) {
      items = raw.flatMap((value) => {
        const parsed: unknown = JSON.parse(value);
        return Array.isArray(parsed) ? parsed : [];
      });
      sink.note(`outbox.json has ${raw.length} "orderedItems" keys (a known Mastodon export fault): the posts were read from all of them`, {
        id: 'mastodon.repeated-items',
        data: { n: raw.length },
      });
    }
    if (!Array.isArray(doc.orderedItems) && raw.length === 0) throw new InputError(`${input.name}: an ActivityStreams collection without "orderedItems"`);

    // The owner: actor.json's preferredUsername, else the activities' actor address.
    let owner: string | undefined;
    let followers: string | undefined;
    if (input.siblings.includes('actor.json')) {
      const file = await input.openSibling('actor.json');
      if (file) {
        try {
          const actor = JSON.parse(await readText(file)) as Record<string, unknown>;
          owner = str(actor.preferredUsername) ?? (str(actor.id) ? handleFromUrl(actor.id as string) : undefined);
          followers = str(actor.followers);
        } catch {
          sink.warn({
            code: 'bad-actor',
            message: 'actor.json beside outbox.json is not valid JSON; the owner was taken from the activities',
            id: 'mastodon.bad-actor',
          });
        }
      }
    }
    const firstActor = items.map((item) => (item as { actor?: unknown } | null)?.actor).find((a): a is string => typeof a === 'string');
    owner ??= firstActor ? handleFromUrl(firstActor) : undefined;
    if (!owner) throw new InputError(`${input.name}: the account is unknown: no actor.json beside it and no "actor" in its activities`);
    sink.channelOwner(owner);

    let boosts = 0;
    let other = 0;
    const counts = { public: 0, private: 0, direct: 0 };
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const entry = k + 1;
      if (typeof item !== 'object' || item === null) {
        other++;
        continue;
      }
      const activity = item as Record<string, unknown>;
      if (activity.type === 'Announce') {
        boosts++;
        continue;
      }
      const object = activity.object;
      if (activity.type !== 'Create' || typeof object !== 'object' || object === null || !POST_TYPES.has(String((object as { type?: unknown }).type))) {
        other++;
        continue;
      }
      const note = object as Record<string, unknown>;
      const id = str(note.id);
      const published = str(note.published) ?? str(activity.published);
      const parsedTime = published ? parseFlexibleDate(published, 'day-first', options.timezone) : null;
      if (!id || !parsedTime?.hasOffset) {
        sink.warn({
          line: entry,
          code: id ? 'bad-date' : 'bad-id',
          message: id
            ? `item ${entry}: "published" "${clip(published ?? '')}" is not ISO 8601 with an offset; skipped`
            : `item ${entry}: the post has no "id"; skipped`,
          ...(id ? { id: 'mastodon.bad-date', data: { entry, value: clip(published ?? '') } } : { id: 'mastodon.no-id', data: { entry } }),
        });
        continue;
      }
      const to = list(note.to ?? activity.to);
      const cc = list(note.cc ?? activity.cc);
      const visibility = visibilityOf(to, cc, followers);
      counts[visibility]++;
      const contentMap = note.contentMap as Record<string, unknown> | undefined;
      const lang = contentMap && typeof contentMap === 'object' ? Object.keys(contentMap)[0] : undefined;
      const html = str(note.content) ?? (lang ? str(contentMap![lang]) : undefined) ?? '';
      const warning = str(note.summary);
      const body = htmlToText(html);
      const record: PostRecord = {
        id,
        platform: 'mastodon',
        author: owner,
        time: parsedTime.ms,
        text: warning ? `CW: ${decodeHtmlEntities(warning)}\n\n${body}` : body,
        inReplyTo: str(note.inReplyTo),
        threadId: str(note.conversation),
        url: str(note.url) ?? id,
        lang,
        role: 'brand',
        visibility,
        timePrecision: 'exact',
        line: entry,
      };
      if (str(note.updated)) record.edited = true;
      sink.post(record);
    }
    const cw = items.filter((item) => str(((item as { object?: { summary?: unknown } } | null)?.object as { summary?: unknown } | undefined)?.summary)).length;
    if (cw > 0)
      sink.note(`${cw} post${cw === 1 ? ' has' : 's have'} a content warning: its text is put first, as "CW: …"`, {
        id: 'mastodon.content-warnings',
        data: { n: cw },
      });
    if (counts.private + counts.direct > 0) {
      sink.note(
        `${counts.direct} direct and ${counts.private} followers-only post${counts.private === 1 ? '' : 's'} are marked by visibility; the rest are public`,
        { id: 'mastodon.visibility', data: { direct: counts.direct, private: counts.private } },
      );
    }
    if (boosts > 0)
      sink.note(`${boosts} boost${boosts === 1 ? '' : 's'} (Announce) left out: they are other people's posts`, { id: 'mastodon.boosts', data: { n: boosts } });
    if (other > 0)
      sink.note(`${other} other activit${other === 1 ? 'y' : 'ies'} (not a post) left out`, { id: 'mastodon.other-activities', data: { n: other } });
    if (counts.public + counts.private + counts.direct > 0) {
      sink.note("a Mastodon archive holds only the account's own posts: the posts it replied to are on their servers and not in the data", {
        id: 'mastodon.own-posts-only',
      });
    }
  },
};
