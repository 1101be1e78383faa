/**
 * Is the brand in the data at all? A brand is its handles: a misspelt --brand, or the placeholder of
 * `init`, would otherwise give a confident report in which every customer was "ignored". A brand with
 * no post in the inputs is an error; the hint names the authors the inputs mark as a company, then the
 * handles seen most often.
 */
import type { Corpus } from '../corpus/corpus.js';
import { decideChannels, handleFlags, normalizeHandle, postChannelTest } from './conversations.js';
import { DECLARED_BRAND } from '../corpus/post-table.js';

export interface BrandPresence {
  brandPosts: number;
  /** Posts that @-mention the brand (when it never posts itself). */
  mentions: number;
  /** Authors the inputs mark as a company's (`role=brand`, TWCS inbound=False), with their post counts, most first. */
  companies: string[];
  /** The authors seen most often, when no company is marked. */
  suggestions: string[];
}

export function brandPresence(corpus: Corpus, handles: readonly string[]): BrandPresence {
  const table = corpus.table;
  const wanted = new Set(handles.map(normalizeHandle));
  const onBrandChannel = postChannelTest(table, decideChannels(corpus, wanted), wanted);
  const isBrandAuthor = handleFlags(table, wanted);
  let brandPosts = 0;
  for (let i = 0; i < table.length; i++) {
    if (isBrandAuthor[table.authorOf[i]!]) brandPosts++;
    else if (table.declaredRoles[i] === DECLARED_BRAND && onBrandChannel(i)) brandPosts++;
  }
  if (brandPosts > 0) return { brandPosts, mentions: 0, companies: [], suggestions: [] };
  const needles = [...wanted].map((h) => `@${h}`);
  let mentions = 0;
  for (let i = 0; i < table.length; i++) {
    const text = table.text(i);
    if (!text.includes('@')) continue;
    const lower = text.toLowerCase();
    if (needles.some((needle) => lower.includes(needle))) mentions++;
  }
  const companies = topAuthors(corpus, 5, true);
  return { brandPosts, mentions, companies, suggestions: companies.length > 0 ? [] : topAuthors(corpus, 5, false) };
}

/** Most frequent authors: only those marked as a company's when `companiesOnly`. */
function topAuthors(corpus: Corpus, n: number, companiesOnly: boolean): string[] {
  const table = corpus.table;
  const counts = new Map<number, number>();
  for (let i = 0; i < table.length; i++) {
    if (companiesOnly && table.declaredRoles[i] !== DECLARED_BRAND) continue;
    counts.set(table.authorOf[i]!, (counts.get(table.authorOf[i]!) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, n)
    .map(([author, posts]) => `${table.authors.value(author)} (${posts})`);
}
