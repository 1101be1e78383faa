/**
 * The inputs' content hash: SHA-256 over the normalized posts the audit read (spec §7 fields, in input
 * order, without their source file and line) and over each input's format and declared channel. It is what
 * the audit saw, not the bytes: the same export saved under another name, in another encoding or with
 * other line endings (in the file or inside a post) is the same content; a post added, edited or re-dated is not. Read from standard
 * input or from files alike.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/corpus.js';

export function corpusContentHash(corpus: Corpus): string {
  const hash = createHash('sha256');
  const { table } = corpus;
  table.seal();
  hash.update(`inputs ${corpus.inputs.length}\n`);
  for (const input of corpus.inputs) hash.update(`${JSON.stringify([input.format, input.channel ?? null])}\n`);
  hash.update(`posts ${table.length}\n`);
  let buffer = '';
  for (let i = 0; i < table.length; i++) {
    const { source: _source, ...post } = table.get(i, undefined, corpus.tracksDeletion);
    // A line break inside a post is one, whatever the file wrote (CRLF from Excel, LF elsewhere).
    post.text = post.text.replace(/\r\n?/g, '\n');
    buffer += `${JSON.stringify(post)}\n`;
    if (buffer.length > 1 << 20) {
      hash.update(buffer);
      buffer = '';
    }
  }
  hash.update(buffer);
  return hash.digest('hex');
}
