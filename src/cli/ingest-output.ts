/**
 * `ingest`: the brand's conversations as normalized JSON Lines (spec §7), in input order. Posts by other
 * companies in a multi-brand dataset are left out (the contract's roles are brand and customer); a reply
 * to one of them points to the nearest ancestor kept, so `audit` of this output (with the same --as-of)
 * sees the same conversations as `audit` of the original files.
 */
import { once } from 'node:events';
import { buildConversations, ROLE_BRAND, ROLE_CUSTOMER } from '../model/conversations.js';
import type { Corpus } from '../corpus/corpus.js';
import type { IngestWarning } from '../contract/warning.js';
import { writeFileAtomically } from './output.js';

/** Every post read, in input order, as the contract's JSON Lines: `ingest` as a format converter. */
export async function writeAllPosts(corpus: Corpus, file: string | undefined): Promise<void> {
  const { table } = corpus;
  table.seal();
  await writeLines(table.length, (i) => JSON.stringify(table.get(i, undefined, corpus.tracksDeletion)), file);
}

/** Writes `count` lines to stdout (honouring back-pressure) or, atomically, to a file. */
async function writeLines(count: number, line: (i: number) => string | undefined, file: string | undefined): Promise<void> {
  const parts: string[] = [];
  const out = process.stdout;
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const text = line(i);
    if (text === undefined) continue;
    buffer += `${text}\n`;
    if (buffer.length > 1 << 20) {
      if (file !== undefined) parts.push(buffer);
      else if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (file !== undefined) await writeFileAtomically(file, parts.join('') + buffer);
  else if (buffer) out.write(buffer);
}

export async function writeIngestOutput(corpus: Corpus, handles: string[], asOf: number, file: string | undefined): Promise<IngestWarning[]> {
  const warnings: IngestWarning[] = [];
  const conversations = buildConversations(corpus, { handles, asOf, since: -Infinity, until: Infinity }, (w) => warnings.push(w));
  const { table, roles, parentOf, conversationOf, openers, excluded } = conversations;
  const keep = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) {
    if (excluded[i] || table.times[i]! > asOf) continue;
    // The brand's conversations, and every post of the brand (its announcements are judged too).
    if ((conversationOf[i]! >= 0 && (roles[i] === ROLE_BRAND || roles[i] === ROLE_CUSTOMER)) || roles[i] === ROLE_BRAND) keep[i] = 1;
  }
  // Keep the brand post a conversation answers (a comment under the brand's own post), as context.
  for (const opener of openers) {
    const parent = parentOf[opener]!;
    if (parent >= 0 && roles[parent] === ROLE_BRAND) keep[parent] = 1;
  }
  // To a file: built whole and written atomically (an ingest output is a fraction of its inputs).
  await writeLines(
    table.length,
    (i) => {
      if (!keep[i]) return undefined;
      const post = table.get(i, roles[i] === ROLE_BRAND ? 'brand' : roles[i] === ROLE_CUSTOMER ? 'customer' : undefined, corpus.tracksDeletion);
      if (post.inReplyTo !== undefined && parentOf[i]! >= 0) {
        let parent = parentOf[i]!;
        while (parent >= 0 && !keep[parent]) parent = parentOf[parent]!;
        if (parent >= 0) post.inReplyTo = table.id(parent);
        else delete post.inReplyTo;
      }
      return JSON.stringify(post);
    },
    file,
  );
  return warnings;
}
