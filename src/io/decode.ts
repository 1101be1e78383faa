/**
 * Bytes → text for every input. Exports come from Excel on Spanish Windows (Windows-1252), Excel's
 * "Texto Unicode" (UTF-16LE), "CSV UTF-8" (UTF-8 with BOM) and plain UTF-8: we sniff once from the
 * first bytes and then decode the rest as a stream, so a 200 MB file never becomes one string.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { MessageData } from '../contract/warning.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SniffedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip at the start. */
  bomLength: number;
  /** Why we chose it, for `--debug` and the report's input notes. */
  reason: 'bom' | 'nul-pattern' | 'valid-utf8' | 'invalid-utf8';
}

/** A problem found while decoding, with the byte offset where it was seen. */
export interface DecodeProblem {
  code: 'invalid-utf8';
  byteOffset: number;
  message: string;
  id?: string;
  data?: MessageData;
}

/** `wholeFile`: the bytes are the entire input, so a multi-byte character cut at the end is an error, not a chunk edge. */
export function sniffEncoding(head: Uint8Array, wholeFile = false): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };

  // UTF-16 without a BOM: text in Latin scripts has a NUL in every other byte.
  const sample = Math.min(head.length, 4096) & ~1;
  if (sample >= 16) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const pairs = sample / 2;
    if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0, reason: 'nul-pattern' };
    if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0, reason: 'nul-pattern' };
  }

  const utf8: SniffedEncoding = { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' };
  const cp1252: SniffedEncoding = { encoding: 'windows-1252', bomLength: 0, reason: 'invalid-utf8' };
  if (isUtf8(head)) return utf8;
  if (!isValidUtf8Prefix(head)) return cp1252;
  // Valid but for a sequence cut at the very end: a chunk edge, unless these bytes are the whole file. A whole
  // file then is either truncated UTF-8 or Windows-1252 whose only accented letter is the last byte. The
  // second is told by a single trailing byte that is a lowercase accented letter in Windows-1252 (café, está:
  // 0xE0–0xF4) with no other non-ASCII byte before it.
  if (!wholeFile) return utf8;
  const cut = completeLength(head);
  const lone = head.length - cut === 1 && head[cut]! >= 0xe0;
  return lone && !head.subarray(0, cut).some((b) => b >= 0x80) ? cp1252 : utf8;
}

/** Strict UTF-8 check of a prefix that may end in the middle of a multi-byte sequence. */
export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  // A cut in the middle of "ñ" at the end of the sample is not an error.
  return isUtf8(bytes.subarray(0, completeLength(bytes)));
}

/**
 * Streaming decoder for one input. UTF-8 is validated strictly (simdutf via `buffer.isUtf8`) and decoded
 * with Buffer#toString, which yields compact one-byte strings for Latin-1 text (TextDecoder returns
 * two-byte strings here, doubling the memory of every text kept). When invalid bytes turn up after the
 * sniff said UTF-8 (UTF-8 at the top, Windows-1252 further down), the rest is decoded leniently and the
 * problem is reported once with its byte offset, instead of failing the whole file.
 */
export class StreamDecoder {
  private readonly encoding: TextEncodingName;
  private bomToSkip: number;
  private lenient = false;
  private carry: Buffer | undefined;
  private other: ReturnType<typeof iconv.getDecoder> | undefined;
  private bytesSeen = 0;
  readonly problems: DecodeProblem[] = [];

  constructor(sniffed: SniffedEncoding) {
    this.encoding = sniffed.encoding;
    this.bomToSkip = sniffed.bomLength;
    if (this.encoding !== 'utf-8') this.other = iconv.getDecoder(this.encoding === 'windows-1252' ? 'win1252' : this.encoding, { stripBOM: false });
  }

  write(chunk: Uint8Array): string {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.bomToSkip > 0) {
      const skip = Math.min(this.bomToSkip, bytes.length);
      bytes = bytes.subarray(skip);
      this.bomToSkip -= skip;
      this.bytesSeen += skip;
    }
    if (this.other) {
      this.bytesSeen += bytes.length;
      return this.other.write(bytes);
    }
    const offset = this.bytesSeen - (this.carry?.length ?? 0);
    this.bytesSeen += bytes.length;
    const data = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    const cut = completeLength(data);
    this.carry = cut < data.length ? Buffer.from(data.subarray(cut)) : undefined;
    const complete = data.subarray(0, cut);
    if (!this.lenient && !isUtf8(complete)) {
      this.lenient = true;
      const at = offset + firstInvalidUtf8(complete);
      this.problems.push({
        code: 'invalid-utf8',
        byteOffset: at,
        message: `invalid UTF-8 at byte ${at}; such bytes are shown as � from there on (re-save the file as UTF-8)`,
        data: { byte: at },
      });
    }
    return complete.toString('utf8');
  }

  end(): string {
    if (this.other) return this.other.end() ?? '';
    if (!this.carry) return '';
    this.problems.push({
      code: 'invalid-utf8',
      byteOffset: this.bytesSeen,
      message: 'the file ends in the middle of a UTF-8 character (truncated file?)',
      id: 'invalid-utf8.truncated',
    });
    const tail = this.carry.toString('utf8');
    this.carry = undefined;
    return tail;
  }
}

/** Index of the first byte that breaks UTF-8 (run once per file, after the fast check failed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence (which continues in the next chunk). */
function completeLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b < 0xc2 || b > 0xf4) return end; // not a lead byte: nothing to wait for
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? end - back : end;
  }
  return end;
}

/** Decodes a whole buffer (small inputs and tests). */
export function decodeBuffer(bytes: Uint8Array): { text: string; encoding: TextEncodingName; problems: DecodeProblem[] } {
  const sniffed = sniffEncoding(bytes.subarray(0, 65536), bytes.length <= 65536);
  const decoder = new StreamDecoder(sniffed);
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: sniffed.encoding, problems: decoder.problems };
}
