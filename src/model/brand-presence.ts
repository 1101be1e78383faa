/**
 * Is the brand in the data at all? A misspelt --brand would otherwise produce a confident report in
 * which every customer was "ignored". When it is absent, suggest the handles seen most often.
 */
import type { Corpus } from '../corpus/corpus.js';
import { normalizeHandle } from './conversations.js';
import { DECLARED_BRAND } from '../corpus/post-table.js';

export interface BrandPresence {
  brandPosts: number;
  mentions: number;
  suggestions: string[];
}

export function brandPresence(corpus: Corpus, handles: readonly string[]): BrandPresence {
  const table = corpus.table;
  const wanted = new Set(handles.map(normalizeHandle));
  const isBrandAuthor = table.authors.values().map((author) => wanted.has(normalizeHandle(author)));
  let brandPosts = 0;
  for (let i = 0; i < table.length; i++) {
    if (isBrandAuthor[table.authorOf[i]!]) brandPosts++;
    else if (table.declaredRoles[i] === DECLARED_BRAND && corpus.isSingleChannel(table.fileOf[i]!)) brandPosts++;
  }
  if (brandPosts > 0) return { brandPosts, mentions: 0, suggestions: [] };
  const needles = [...wanted].map((h) => `@${h}`);
  let mentions = 0;
  for (let i = 0; i < table.length; i++) {
    const text = table.text(i);
    if (!text.includes('@')) continue;
    const lower = text.toLowerCase();
    if (needles.some((needle) => lower.includes(needle))) mentions++;
  }
  return { brandPosts, mentions, suggestions: mentions > 0 ? [] : topAuthors(corpus, 5) };
}

/** Most frequent authors, companies (declared brand role) first. */
function topAuthors(corpus: Corpus, n: number): string[] {
  const table = corpus.table;
  const counts = new Map<number, { posts: number; declaredBrand: number }>();
  for (let i = 0; i < table.length; i++) {
    const author = table.authorOf[i]!;
    const entry = counts.get(author) ?? { posts: 0, declaredBrand: 0 };
    entry.posts++;
    if (table.declaredRoles[i] === DECLARED_BRAND) entry.declaredBrand++;
    counts.set(author, entry);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].declaredBrand - a[1].declaredBrand || b[1].posts - a[1].posts || a[0] - b[0])
    .slice(0, n)
    .map(([author, entry]) => `${table.authors.value(author)} (${entry.posts})`);
}
