/**
 * Turns command-line input arguments (files, folders, "-") into decoded text sources. This is the only
 * place that reads input files; everything downstream receives text.
 */
import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AdapterInput, InputMetadata } from '../contract/adapter.js';
import type { IngestWarning } from '../contract/warning.js';
import { InputError, UsageError } from '../errors.js';
import { sniffEncoding, StreamDecoder, type DecodeProblem, type TextEncodingName } from './decode.js';
import { ArchiveError, expandZip, isZipName } from './zip.js';

/** One input file as the ingest layer sees it (the adapter contract's input), with io's own details. */
export interface TextSource extends AdapterInput {
  encoding: TextEncodingName;
  decodeProblems: DecodeProblem[];
  /** Why the metadata file beside the input was not used (unreadable, too large, not the expected JSON). */
  metadataProblem?: string;
}

export interface InputFile {
  name: string;
  size: number | undefined;
  /** True when the user named this file directly (not found by walking a folder). */
  explicit: boolean;
  open(): AsyncIterable<Uint8Array>;
  /** Other files of the same folder (names relative to it), for adapters that read several entries. */
  siblings: readonly string[];
  openSibling(name: string): InputFile | undefined;
}

const HEAD_BYTES = 64 * 1024;
const READ_CHUNK = 1 << 16;

/** A binary input is held whole in memory for its adapter: its cap. */
export const MAX_BINARY_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * A CARv1 file (a Bluesky repository export): named `.car`, or starting with its header, a length
 * then a CBOR map of two keys, "roots" first (DAG-CBOR sorts keys by length).
 */
export function isCarInput(name: string, head: Uint8Array): boolean {
  if (name.toLowerCase().endsWith('.car')) return true;
  const at = head[0]! >= 0x80 ? 2 : 1;
  return head.length > at + 6 && head[at] === 0xa2 && head[at + 1] === 0x65 && Buffer.from(head.subarray(at + 2, at + 7)).toString('latin1') === 'roots';
}

/** Files a folder walk passes over silently: documentation and media, never exports. */
export const NON_DATA_EXTENSIONS = new Set(['.md', '.markdown', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.pdf', '.mp4', '.mov', '.ico']);

/**
 * Fetch metadata: `page.html` may have `page.meta.json` beside it (the name without its last extension,
 * plus `.meta.json`), as `second-impression fetch` writes it. It is read with its input, never as one.
 */
export const METADATA_SUFFIX = '.meta.json';
const METADATA_MAX_BYTES = 64 * 1024;

export function isMetadataFile(name: string): boolean {
  return name.toLowerCase().endsWith(METADATA_SUFFIX);
}

/** `out/shop/page-1a2b.html` → `page-1a2b.meta.json` (a name in the same folder). */
export function metadataFileFor(name: string): string {
  const base = path.basename(name);
  const ext = path.extname(base);
  return `${ext ? base.slice(0, -ext.length) : base}${METADATA_SUFFIX}`;
}

/** A file a folder walk passed over, said as a warning. */
export type SkippedInput = Omit<IngestWarning, 'line'>;

export async function expandInputs(args: readonly string[], stdin: () => AsyncIterable<Uint8Array>, skipped: SkippedInput[] = []): Promise<InputFile[]> {
  const files: InputFile[] = [];
  let stdinUsed = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinUsed) throw new UsageError('"-" (standard input) can be given only once');
      stdinUsed = true;
      files.push({ name: '-', size: undefined, explicit: true, open: stdin, siblings: [], openSibling: () => undefined });
      continue;
    }
    let info: Stats;
    try {
      info = await stat(arg);
    } catch (error) {
      throw new UsageError(`cannot read input ${arg}: ${describeFsError(error)}`, 'check the path; use "-" to read standard input', {
        id: `error.cannot-read-input${fsErrorVariant(error)}`,
        data: { file: arg },
      });
    }
    if (info.isDirectory()) {
      const found = await walk(arg, skipped);
      if (found.length === 0) throw new UsageError(`input folder ${arg} holds no data files`);
      files.push(...found);
    } else if (isZipName(arg)) {
      // Entries are read out of the archive as streams, never unpacked to disk (io/zip.ts).
      const found = (await expandZip(arg, { explicit: true, skipped, ignoredExtensions: NON_DATA_EXTENSIONS })).filter((f) => !isMetadataFile(f.name));
      if (found.length === 0) throw new UsageError(`input archive ${arg} holds no data files`);
      files.push(...found);
    } else if (isMetadataFile(arg)) {
      // Read with its page (`audit out/host/*` names both): passed over, like in a folder.
    } else {
      files.push(fileInput(arg, info.size, true, await folderNeighbours(arg)));
    }
  }
  return files;
}

async function walk(dir: string, skipped: SkippedInput[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  // Sorted so that the same folder always yields the same input order (and the same report bytes).
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const siblings = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      // Never followed: a link could lead out of the folder the user named, or loop.
      skipped.push({
        input: full,
        code: 'symlink-skipped',
        message: 'a symbolic link inside a folder is not followed; name its target directly to read it',
        data: {},
      });
      continue;
    }
    if (entry.isDirectory()) out.push(...(await walk(full, skipped)));
    else if (entry.isFile() && isZipName(entry.name)) {
      try {
        out.push(...(await expandZip(full, { explicit: false, skipped, ignoredExtensions: NON_DATA_EXTENSIONS })).filter((f) => !isMetadataFile(f.name)));
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        skipped.push({ input: full, code: 'unreadable-archive', message: `${error.reason}; archive skipped` });
      }
    } else if (entry.isFile() && !NON_DATA_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !isMetadataFile(entry.name)) {
      const info = await stat(full);
      out.push(
        fileInput(
          full,
          info.size,
          false,
          siblings.filter((name) => name !== entry.name),
        ),
      );
    }
  }
  return out;
}

/** The other plain files beside a file the user named (an X archive's account.js next to tweets.js). */
async function folderNeighbours(file: string): Promise<string[]> {
  try {
    const entries = await readdir(path.dirname(file), { withFileTypes: true });
    const own = path.basename(file);
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== own)
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function fileInput(name: string, size: number | undefined, explicit: boolean, siblings: readonly string[] = []): InputFile {
  return {
    name,
    size,
    explicit,
    siblings,
    open: () => createReadStream(name, { highWaterMark: READ_CHUNK }),
    // Only names the folder listing returned: an adapter cannot walk out of the folder with "../".
    openSibling: (sibling) => (siblings.includes(sibling) ? fileInput(path.join(path.dirname(name), sibling), undefined, false) : undefined),
  };
}

/** Reads the first bytes to sniff the encoding, then streams the rest through one decoder. */
export async function openText(file: InputFile): Promise<TextSource> {
  const iterator = file.open()[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let bufferedBytes = 0;
  let done = false;
  while (bufferedBytes < HEAD_BYTES) {
    let step: IteratorResult<Uint8Array>;
    try {
      step = await iterator.next();
    } catch (error) {
      throw new UsageError(`cannot read input ${file.name}: ${describeFsError(error)}`);
    }
    if (step.done) {
      done = true;
      break;
    }
    buffered.push(step.value);
    bufferedBytes += step.value.length;
  }
  const headBytes = Buffer.concat(buffered);
  const sniffed = sniffEncoding(headBytes.subarray(0, HEAD_BYTES), done && headBytes.length <= HEAD_BYTES);
  const headDecoder = new StreamDecoder(sniffed);
  const head = headDecoder.write(headBytes.subarray(0, HEAD_BYTES));

  const decoder = new StreamDecoder(sniffed);
  const decodeProblems = decoder.problems;
  const { metadata, problem: metadataProblem } = await readMetadata(file);
  // The next bytes after the head: a read error is the user's (a file that vanished, a dropped share).
  async function nextBytes(): Promise<IteratorResult<Uint8Array>> {
    try {
      return await iterator.next();
    } catch (error) {
      throw new UsageError(`cannot read input ${file.name}: ${describeFsError(error)}`);
    }
  }
  async function* chunks(): AsyncGenerator<string> {
    const first = decoder.write(headBytes);
    if (first) yield first;
    if (!done) {
      for (;;) {
        const step = await nextBytes();
        if (step.done) break;
        const text = decoder.write(step.value);
        if (text) yield text;
      }
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  // Either the decoded chunks or the raw bytes are read: both draw on the one stream.
  async function bytes(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [headBytes];
    let total = headBytes.length;
    while (!done) {
      const step = await nextBytes();
      if (step.done) break;
      total += step.value.length;
      if (total > MAX_BINARY_INPUT_BYTES) {
        await iterator.return?.();
        throw new InputError(`${file.name}: larger than ${MAX_BINARY_INPUT_BYTES / 1024 / 1024} MiB, the most a binary input is read whole`);
      }
      parts.push(step.value);
    }
    done = true;
    return Buffer.concat(parts);
  }
  const car = isCarInput(file.name, headBytes);
  return {
    name: file.name,
    // A CAR is not decoded as a whole; the texts inside its CBOR blocks are UTF-8 by definition.
    encoding: car ? 'utf-8' : sniffed.encoding,
    head,
    chunks: chunks(),
    ...(car ? { bytes } : {}),
    decodeProblems,
    size: file.size,
    siblings: file.siblings,
    openSibling: async (name) => {
      const sibling = file.openSibling(name);
      return sibling ? openText(sibling) : undefined;
    },
    metadata,
    ...(metadataProblem !== undefined ? { metadataProblem } : {}),
  };
}

/**
 * The metadata file beside an input, when there is one: `{url, finalUrl, status, fetchedAt}` become the
 * input's address (after redirects), HTTP status and save time (what "hace 2 semanas" is relative to).
 * A file that is too large, unreadable or not that JSON is not used, and the problem is returned.
 */
async function readMetadata(file: InputFile): Promise<{ metadata: InputMetadata | undefined; problem?: string }> {
  if (file.name === '-' || isMetadataFile(file.name)) return { metadata: undefined };
  const name = metadataFileFor(file.name);
  const sibling = file.openSibling(name);
  if (!sibling) return { metadata: undefined };
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of sibling.open()) {
      total += chunk.length;
      if (total > METADATA_MAX_BYTES) return { metadata: undefined, problem: `${name} is larger than ${METADATA_MAX_BYTES / 1024} kB: not used` };
      parts.push(chunk);
    }
  } catch (error) {
    return { metadata: undefined, problem: `${name} cannot be read: ${describeFsError(error)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(Buffer.concat(parts)).replace(/^\ufeff/, ''));
  } catch {
    return { metadata: undefined, problem: `${name} is not valid JSON: not used` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { metadata: undefined, problem: `${name} is not a JSON object: not used` };
  const record = data as Record<string, unknown>;
  const metadata: InputMetadata = {};
  const problems: string[] = [];
  const address = typeof record.finalUrl === 'string' ? record.finalUrl : typeof record.url === 'string' ? record.url : undefined;
  if (address !== undefined && /^https?:\/\//i.test(address) && URL.canParse(address)) metadata.url = address;
  else if (address !== undefined) problems.push('its url is not an http(s) address');
  if (typeof record.status === 'number' && Number.isInteger(record.status) && record.status >= 100 && record.status <= 599) metadata.status = record.status;
  const savedAt = typeof record.fetchedAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(record.fetchedAt) ? Date.parse(record.fetchedAt) : Number.NaN;
  if (Number.isFinite(savedAt)) metadata.savedAt = savedAt;
  else problems.push('its fetchedAt is not an ISO 8601 date');
  const problem = problems.length > 0 ? `${name}: ${problems.join('; ')}` : undefined;
  if (metadata.url === undefined && metadata.savedAt === undefined && metadata.status === undefined)
    return { metadata: undefined, ...(problem ? { problem } : {}) };
  return { metadata, ...(problem ? { problem } : {}) };
}

/** The catalogue variant of a file-system error the user can act on ("" for any other, said in English). */
function fsErrorVariant(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' ? '.missing' : code === 'EACCES' || code === 'EPERM' ? '.denied' : '';
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
