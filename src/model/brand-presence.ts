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
  /**
   * Inputs that name the brand as their owner (a review page of this business, an archive of this account):
   * the brand is there even if it never posts, and a business that answers no review is a finding, not a typo.
   */
  ownedInputs: number;
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
  const channels = decideChannels(corpus, wanted);
  const onBrandChannel = postChannelTest(table, channels, wanted);
  // Only an input that names the brand counts (its owner, or a post's own channel value): a channel taken as
  // the brand's by default (an inbox export with no company posts) would hide a misspelt --brand.
  const owned = new Set<number>();
  for (const [file, decision] of channels) if (decision.rule === 'owner' && decision.brands) owned.add(file);
  for (let i = 0; i < table.length; i++) if (table.extras.get(i)?.channel !== undefined && onBrandChannel(i)) owned.add(table.fileOf[i]!);
  const ownedInputs = owned.size;
  const isBrandAuthor = handleFlags(table, wanted);
  let brandPosts = 0;
  for (let i = 0; i < table.length; i++) {
    if (isBrandAuthor[table.authorOf[i]!]) brandPosts++;
    else if (table.declaredRoles[i] === DECLARED_BRAND && onBrandChannel(i)) brandPosts++;
  }
  if (brandPosts > 0 || ownedInputs > 0) return { brandPosts, ownedInputs, mentions: 0, companies: [], suggestions: [] };
  const needles = [...wanted].map((h) => `@${h}`);
  let mentions = 0;
  for (let i = 0; i < table.length; i++) {
    const text = table.text(i);
    if (!text.includes('@')) continue;
    const lower = text.toLowerCase();
    if (needles.some((needle) => lower.includes(needle))) mentions++;
  }
  const companies = topAuthors(corpus, 5, true);
  return { brandPosts, ownedInputs, mentions, companies, suggestions: companies.length > 0 ? [] : topAuthors(corpus, 5, false) };
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
