/**
 * Test helpers for the ingest layer: turn a string or bytes into a TextSource through the real io path
 * (`openText` on an in-memory InputFile, the same shape `expandInputs` gives stdin), and run one source
 * through an adapter into a fresh Corpus.
 */
import { openText, type InputFile, type TextSource } from '../../src/io/read-inputs.js';
import { adapterById, Corpus, detectAdapter, ingestSource, type InputSummary } from '../../src/ingest/index.js';
import type { IngestOptions } from '../../src/contract/adapter.js';
import { noteText, type IngestWarning } from '../../src/contract/warning.js';
import type { Post } from '../../src/contract/post.js';

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** An InputFile whose bytes come from memory, delivered in chunks of `chunkSize` bytes (all at once by default). */
export function memoryFile(name: string, data: string | Uint8Array, chunkSize?: number): InputFile {
  const bytes = toBytes(data);
  return {
    name,
    size: bytes.length,
    explicit: true,
    siblings: [],
    openSibling: () => undefined,
    open: async function* () {
      const step = chunkSize ?? Math.max(1, bytes.length);
      for (let i = 0; i < bytes.length; i += step) yield bytes.slice(i, i + step);
    },
  };
}

export async function sourceFrom(name: string, data: string | Uint8Array, chunkSize?: number): Promise<TextSource> {
  return openText(memoryFile(name, data, chunkSize));
}

export async function readAll(source: TextSource): Promise<string> {
  let text = '';
  for await (const chunk of source.chunks) text += chunk;
  return text;
}

export const DEFAULT_OPTIONS: IngestOptions = { timezone: 'Europe/Madrid', dateOrder: undefined, columnMap: {} };

/** An input summary whose notes are their English sentences (what most tests check). */
export type TextSummary = Omit<InputSummary, 'notes'> & { notes: string[] };

export function textSummary(summary: InputSummary): TextSummary {
  return { ...summary, notes: summary.notes.map(noteText) };
}

export interface IngestRun {
  corpus: Corpus;
  summary: TextSummary;
  /** The notes with their catalogue keys. */
  keyedNotes: InputSummary['notes'];
  posts: Post[];
  warnings: IngestWarning[];
}

/**
 * Ingests `data` as file `name` with the adapter `adapterId` (detected when omitted; the test fails if
 * detection finds nothing). Returns the posts in table order as their JSON contract shape.
 */
export async function ingest(
  name: string,
  data: string | Uint8Array,
  opts: { adapterId?: string; options?: Partial<IngestOptions>; chunkSize?: number; corpus?: Corpus } = {},
): Promise<IngestRun> {
  const source = await sourceFrom(name, data, opts.chunkSize);
  const adapter = opts.adapterId ? adapterById(opts.adapterId) : detectAdapter({ name, head: source.head })?.adapter;
  if (!adapter) throw new Error(`no adapter for ${name} (${opts.adapterId ?? 'detected'})`);
  const corpus = opts.corpus ?? new Corpus();
  const before = corpus.table.length;
  const summary = await ingestSource(corpus, source, adapter, { ...DEFAULT_OPTIONS, ...opts.options });
  const posts: Post[] = [];
  for (let i = before; i < corpus.table.length; i++) posts.push(corpus.table.get(i));
  return { corpus, summary: textSummary(summary), keyedNotes: summary.notes, posts, warnings: corpus.warnings.list().filter((w) => w.input === name) };
}

/** Encodes a JS string as UTF-16LE, with a BOM unless told otherwise. */
export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** Encodes a JS string as UTF-16BE, with a BOM unless told otherwise. */
export function utf16be(text: string, bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

/** Windows-1252 reverse table for the 0x80–0x9F block; everything else must be Latin-1. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Encodes a JS string as Windows-1252 bytes (throws on characters the code page lacks). */
export function cp1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const high = CP1252_HIGH[ch];
    if (high !== undefined) out.push(high);
    else {
      const code = ch.codePointAt(0)!;
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in Windows-1252: ${ch}`);
      out.push(code);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes read as Windows-1252 once: the classic "atenciÃ³n" mojibake, built from the real text. */
export function mojibake(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const reverse = new Map(Object.entries(CP1252_HIGH).map(([ch, byte]) => [byte, ch]));
  let out = '';
  for (const byte of bytes) out += reverse.get(byte) ?? String.fromCharCode(byte);
  return out;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
