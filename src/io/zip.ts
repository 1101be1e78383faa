/**
 * Zip archives as inputs: an X archive as downloaded, or any zip of supported exports. Entries are
 * streamed out of the archive (never written to disk) and reach the adapters as inputs named
 * `archive.zip!data/tweets.js`, whose siblings are the other entries of the same folder inside the zip.
 *
 * Reader: yauzl, which reads the central directory (the archive's own index) with random access and
 * already refuses absolute names, `..` and backslash tricks, and stops a stream that inflates past its
 * declared size. On top of it, before any entry is inflated: a cap on the number of entries, on the
 * declared size of everything that would be read, and on each entry's compression ratio (zip bombs).
 * Symbolic-link entries are never followed; a zip inside the zip is opened (in memory), a zip inside
 * that one is not. Every entry is checked against its CRC-32 as it is read (yauzl does not check it).
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { UsageError } from '../errors.js';
import type { InputFile, SkippedInput } from './read-inputs.js';

export interface ZipLimits {
  /** Entries in one archive, nested ones included (its index is read whole). */
  maxEntries: number;
  /** Declared uncompressed bytes of every entry that could be read, nested archives included. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size allowed for one entry… */
  maxRatio: number;
  /** …once it is bigger than this (small files of repeated text compress well and are harmless). */
  ratioFloorBytes: number;
  /** The whole archive's uncompressed ÷ compressed size is held to `maxRatio` too, past this many bytes (many small bomb entries). */
  archiveRatioFloorBytes: number;
  /** A zip inside the zip is held in memory: its size cap. */
  maxNestedBytes: number;
  /** How many zips deep: 1 opens a zip inside the zip, never a zip inside that one. */
  maxDepth: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  archiveRatioFloorBytes: 64 * 1024 ** 2,
  maxNestedBytes: 512 * 1024 ** 2,
  maxDepth: 1,
};

/** An archive that cannot be read, or is refused; `reason` is the message without the archive's name. */
export class ArchiveError extends UsageError {
  constructor(
    readonly archive: string,
    readonly reason: string,
    hint?: string,
  ) {
    super(`${archive}: ${reason}`, hint);
  }
}

export interface ZipOptions {
  /** The user named the archive (an entry that is the only data file in it is then explicit too). */
  explicit: boolean;
  /** Entries passed over (symbolic links, encrypted, too deep), said as warnings. */
  skipped: SkippedInput[];
  /** Extensions of files that are never exports (media, documents): listed as nothing, never read. */
  ignoredExtensions: ReadonlySet<string>;
  limits?: ZipLimits;
}

export function isZipName(name: string): boolean {
  return path.extname(name).toLowerCase() === '.zip';
}

const YAUZL_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false };
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const STORED = 0;
const DEFLATED = 8;

interface Budget {
  entries: number;
  bytes: number;
}

/** The entries of a zip file on disk as inputs. Throws ArchiveError when the archive is unreadable or refused. */
export async function expandZip(file: string, options: ZipOptions): Promise<InputFile[]> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, YAUZL_OPTIONS);
  } catch (error) {
    throw new ArchiveError(file, describeOpenError(error), 'download or copy the archive again: it may be incomplete');
  }
  const inputs = await listArchive(zip, file, 0, limits, { entries: 0, bytes: 0 }, options);
  const data = inputs.filter((input) => !input.nested);
  if (options.explicit && data.length === 1) data[0]!.explicit = true;
  return inputs;
}

function describeOpenError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'no such file';
  if ((error as NodeJS.ErrnoException).code === 'EACCES') return 'permission denied';
  return `not a readable zip archive (truncated or corrupt: ${message})`;
}

function describeListError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(message);
  if (name) return `refused: entry "${name[1]}" names a place outside the archive (an absolute path or "..")`;
  return `not a readable zip archive (truncated or corrupt: ${message})`;
}

type ListedInput = InputFile & { nested?: boolean };

async function listArchive(zip: yauzl.ZipFile, label: string, depth: number, limits: ZipLimits, budget: Budget, options: ZipOptions): Promise<ListedInput[]> {
  // A stream error after the listing must not become an unhandled 'error' event.
  zip.on('error', () => {});
  const refuse = (reason: string): never => {
    zip.close();
    throw new ArchiveError(label, reason, 'this does not look like an export; unpack it yourself if you trust it');
  };
  if (budget.entries + zip.entryCount > limits.maxEntries) {
    refuse(`refused: ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
  }
  budget.entries += zip.entryCount;

  const files = new Map<string, yauzl.Entry>();
  const nested: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      const where = `${label}!${name}`;
      if (name.endsWith('/')) continue; // a folder
      const parts = name.split('/');
      if (parts[0] === '__MACOSX' || parts.some((part) => part.startsWith('.') || part === '')) continue;
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        options.skipped.push({
          input: where,
          code: 'symlink-skipped',
          message: 'a symbolic link inside an archive is not followed',
          id: 'symlink-skipped.archive',
        });
        continue;
      }
      if (options.ignoredExtensions.has(path.extname(name).toLowerCase())) continue;
      if (entry.isEncrypted()) {
        options.skipped.push({
          input: where,
          code: 'encrypted-entry',
          message: 'an encrypted entry cannot be read; unpack it with its password and name the file',
          data: {},
        });
        continue;
      }
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
        options.skipped.push({
          input: where,
          code: 'unsupported-compression',
          message: `compression method ${entry.compressionMethod} is not supported (only stored and deflated entries); unpack it and name the file`,
          data: { method: entry.compressionMethod },
        });
        continue;
      }
      if (files.has(name) || nested.some((n) => n.fileName === name)) {
        options.skipped.push({ input: where, code: 'duplicate-entry', message: 'the archive holds this name twice; the first entry was read', data: {} });
        continue;
      }
      const size = entry.uncompressedSize;
      if (size > limits.ratioFloorBytes && size > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
        refuse(`refused: entry "${name}" would inflate ${Math.round(size / Math.max(entry.compressedSize, 1))} times (over ${limits.maxRatio}): a zip bomb?`);
      }
      budget.bytes += size;
      if (budget.bytes > limits.maxTotalBytes) {
        refuse(`refused: its entries would unpack to more than ${formatBytes(limits.maxTotalBytes)}: a zip bomb?`);
      }
      if (isZipName(name)) nested.push(entry);
      else files.set(name, entry);
    }
    const declared = [...files.values(), ...nested].reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > limits.archiveRatioFloorBytes && declared > Math.max(zip.fileSize, 1) * limits.maxRatio) {
      refuse(
        `refused: its entries would inflate ${Math.round(declared / Math.max(zip.fileSize, 1))} times the archive's size (over ${limits.maxRatio}): a zip bomb?`,
      );
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    zip.close();
    throw new ArchiveError(label, describeListError(error), 'download or copy the archive again: it may be incomplete');
  }

  const out: ListedInput[] = [];
  const byPath = new Map<string, ListedInput>();
  const folders = new Map<string, string[]>();
  for (const name of files.keys()) {
    const dir = folderOf(name);
    let list = folders.get(dir);
    if (!list) folders.set(dir, (list = []));
    list.push(name.slice(dir.length));
  }
  for (const list of folders.values()) list.sort(compare);
  for (const [name, entry] of [...files].sort(([a], [b]) => compare(a, b))) {
    const dir = folderOf(name);
    const siblings = folders.get(dir)!.filter((other) => other !== name.slice(dir.length));
    const input: ListedInput = {
      name: `${label}!${name}`,
      size: entry.uncompressedSize,
      explicit: false,
      siblings,
      open: () => entryBytes(zip, entry),
      // Only names of the same folder inside the archive: no way out with "../".
      openSibling: (sibling) => (siblings.includes(sibling) ? byPath.get(dir + sibling) : undefined),
    };
    byPath.set(name, input);
    out.push(input);
  }

  for (const entry of nested) {
    const inner = `${label}!${entry.fileName}`;
    if (depth + 1 > limits.maxDepth) {
      options.skipped.push({
        input: inner,
        code: 'nested-archive-skipped',
        message: `a zip inside a zip inside a zip is not opened (${limits.maxDepth} level at most)`,
        id: 'nested-archive-skipped.depth',
        data: { max: limits.maxDepth },
      });
      continue;
    }
    if (entry.uncompressedSize > limits.maxNestedBytes) {
      options.skipped.push({
        input: inner,
        code: 'nested-archive-skipped',
        message: `a zip inside the archive is opened in memory, up to ${formatBytes(limits.maxNestedBytes)}; unpack the outer one to read it`,
        id: 'nested-archive-skipped.size',
        data: { max: formatBytes(limits.maxNestedBytes) },
      });
      continue;
    }
    try {
      const chunks: Uint8Array[] = [];
      for await (const chunk of entryBytes(zip, entry)) chunks.push(chunk);
      let innerZip: yauzl.ZipFile;
      try {
        innerZip = await yauzl.fromBufferPromise(Buffer.concat(chunks), YAUZL_OPTIONS);
      } catch (error) {
        throw new ArchiveError(inner, describeOpenError(error));
      }
      const found = await listArchive(innerZip, inner, depth + 1, limits, budget, options);
      for (const input of found) input.nested = true;
      out.push(...found);
    } catch (error) {
      // The outer archive's own limits were already passed; an inner archive that fails is passed over.
      if (!(error instanceof ArchiveError)) {
        options.skipped.push({ input: inner, code: 'unreadable-archive', message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      options.skipped.push({ input: inner, code: 'unreadable-archive', message: `${error.reason}; skipped` });
    }
  }
  return out;
}

/** The bytes of one entry, streamed; its CRC-32 is checked at its end. */
async function* entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Uint8Array> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new Error(`the zip entry cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw new Error(`the zip entry is corrupt or truncated (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    stream.destroy();
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error('the zip entry is corrupt (its CRC-32 does not match)');
}

function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(0)} GiB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(0)} MiB` : `${bytes} bytes`;
}
