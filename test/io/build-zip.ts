/**
 * Builds zip archives byte by byte for the tests, hostile ones included: names a normal writer refuses
 * (`../evil`, `/etc/passwd`), symbolic-link entries, lying sizes. Local headers, central directory and
 * end record as in PKWARE's APPNOTE (no zip64, no data descriptors).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data?: string | Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** Unix mode in the upper half of the external attributes (0o100644 file, 0o120777 symlink). */
  mode?: number;
  /** Overrides the uncompressed size written in both headers (a lying entry). */
  declaredSize?: number;
  /** Overrides the CRC-32 written in both headers. */
  crc?: number;
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const raw = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : Buffer.from(spec.data ?? new Uint8Array());
    const method = spec.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(spec.name, 'utf8');
    const crc = spec.crc ?? crc32(raw);
    const size = spec.declaredSize ?? raw.length;
    const common = Buffer.concat([
      u16(20), // version needed
      u16(0x0800), // flags: UTF-8 names
      u16(method),
      u16(0), // time
      u16(0x21), // date: 1980-01-01
      u32(crc),
      u32(body.length),
      u32(size),
      u16(name.length),
      u16(0), // extra length
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, name, body]);
    const mode = spec.mode ?? (spec.name.endsWith('/') ? 0o40755 : 0o100644);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16((3 << 8) | 20), // made by: Unix
      common,
      u16(0), // comment length
      u16(0), // disk
      u16(0), // internal attributes
      u32((mode << 16) >>> 0),
      u32(offset),
      name,
    ]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}
