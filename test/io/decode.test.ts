import { describe, it, expect } from 'vitest';
import { decodeBuffer, isValidUtf8Prefix, sniffEncoding, StreamDecoder, type SniffedEncoding } from '../../src/io/decode.js';
import { cp1252, utf16be, utf16le } from '../ingest/helpers.js';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts.map((p) => Buffer.from(p)));

/** Decodes `bytes` delivered as the given chunks (split points are byte offsets). */
function decodeInPieces(sniffed: SniffedEncoding, bytes: Uint8Array, cuts: number[]): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(sniffed);
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(from, cut));
    from = cut;
  }
  text += decoder.end();
  return { text, decoder };
}

const SPANISH = '¿Qué tal? Señor Núñez: el módem falla 😀, ¡ya! 5 € ñandú';

describe('sniffEncoding', () => {
  it('recognises the UTF-8 BOM (Excel "CSV UTF-8")', () => {
    expect(sniffEncoding(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), enc('id,autor\n')))).toEqual({ encoding: 'utf-8', bomLength: 3, reason: 'bom' });
  });

  it('recognises the UTF-16LE BOM (Excel "Texto Unicode")', () => {
    expect(sniffEncoding(utf16le('Fecha\tAutor\n'))).toEqual({ encoding: 'utf-16le', bomLength: 2, reason: 'bom' });
  });

  it('recognises the UTF-16BE BOM', () => {
    expect(sniffEncoding(utf16be('Fecha\tAutor\n'))).toEqual({ encoding: 'utf-16be', bomLength: 2, reason: 'bom' });
  });

  it('detects UTF-16LE without a BOM from NULs in odd positions', () => {
    const sniffed = sniffEncoding(utf16le('id,autor,fecha,texto\n1,lucia_pz,2024-10-15T10:40:00Z,Mi línea no funciona\n', false));
    expect(sniffed).toEqual({ encoding: 'utf-16le', bomLength: 0, reason: 'nul-pattern' });
  });

  it('detects UTF-16BE without a BOM from NULs in even positions', () => {
    const sniffed = sniffEncoding(utf16be('id,autor,fecha,texto\n1,lucia_pz,2024-10-15T10:40:00Z,Mi línea no funciona\n', false));
    expect(sniffed).toEqual({ encoding: 'utf-16be', bomLength: 0, reason: 'nul-pattern' });
  });

  it('takes valid UTF-8 (accents, ñ, ¿, emoji) as UTF-8', () => {
    expect(sniffEncoding(enc(`id,texto\n1,${SPANISH}\n`))).toEqual({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' });
    expect(sniffEncoding(enc('id,text\n1,plain ascii\n'))).toEqual({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Spanish Excel "CSV delimitado por comas")', () => {
    expect(sniffEncoding(cp1252('id;texto\n1;la reseña “top”\n'))).toEqual({ encoding: 'windows-1252', bomLength: 0, reason: 'invalid-utf8' });
  });

  // Regression (fixed): when the sample is the whole file, a trailing Windows-1252 letter is taken for a UTF-8 character
  // cut at the end of the sample (isValidUtf8Prefix drops it), so the file is sniffed as UTF-8, decoded to
  // "Per\ufffd" and reported as "the file ends in the middle of a UTF-8 character (truncated file?)".
  // Input: cp1252('id;texto\n1;Gracias, Perú') (no newline at the end, no other accented letter).
  it('reads a short Windows-1252 file whose only accented letter is its last byte as Windows-1252', () => {
    const result = decodeBuffer(cp1252('id;texto\n1;Gracias, Perú'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('id;texto\n1;Gracias, Perú');
    expect(result.problems).toEqual([]);
  });

  it('does not call a sample invalid because it is cut in the middle of a character', () => {
    const bytes = enc('id,texto\n1,España 😀');
    // Cut after the first byte of "ñ" and after 2 of the 4 bytes of the emoji.
    const inÑ = bytes.indexOf(0xc3) + 1;
    expect(sniffEncoding(bytes.subarray(0, inÑ)).encoding).toBe('utf-8');
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 2)).encoding).toBe('utf-8');
    expect(isValidUtf8Prefix(bytes.subarray(0, inÑ))).toBe(true);
    expect(isValidUtf8Prefix(Uint8Array.from([0x61, 0xf1, 0x61]))).toBe(false);
  });
});

describe('StreamDecoder: chunk boundaries', () => {
  const utf8 = enc(SPANISH);

  it('decodes UTF-8 split at every byte position into two chunks', () => {
    for (let cut = 0; cut <= utf8.length; cut++) {
      const { text, decoder } = decodeInPieces({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' }, utf8, [cut]);
      expect(text, `cut at ${cut}`).toBe(SPANISH);
      expect(decoder.problems, `cut at ${cut}`).toEqual([]);
    }
  });

  it('decodes UTF-8 split at every pair of positions into three chunks', () => {
    for (let a = 0; a <= utf8.length; a++) {
      for (let b = a; b <= utf8.length; b++) {
        const { text, decoder } = decodeInPieces({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' }, utf8, [a, b]);
        if (text !== SPANISH || decoder.problems.length > 0) expect({ a, b, text, problems: decoder.problems }).toEqual({ a, b, text: SPANISH, problems: [] });
      }
    }
  });

  it('decodes UTF-8 delivered one byte at a time', () => {
    const cuts = Array.from({ length: utf8.length - 1 }, (_, i) => i + 1);
    const { text, decoder } = decodeInPieces({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' }, utf8, cuts);
    expect(text).toBe(SPANISH);
    expect(decoder.problems).toEqual([]);
  });

  it('strips a UTF-8 BOM even when the BOM itself is split across chunks', () => {
    const bytes = concat(Uint8Array.from([0xef, 0xbb, 0xbf]), enc(`id,texto\n1,${SPANISH}`));
    const sniffed = sniffEncoding(bytes);
    for (let cut = 0; cut <= 8; cut++) {
      const { text } = decodeInPieces(sniffed, bytes, [cut]);
      expect(text, `cut at ${cut}`).toBe(`id,texto\n1,${SPANISH}`);
    }
  });

  it('decodes UTF-16LE (with BOM) split at every byte position, surrogate pairs included', () => {
    const bytes = utf16le(SPANISH);
    const sniffed = sniffEncoding(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text } = decodeInPieces(sniffed, bytes, [cut]);
      expect(text, `cut at ${cut}`).toBe(SPANISH);
    }
  });

  it('decodes UTF-16BE (with BOM) split at every byte position', () => {
    const bytes = utf16be(SPANISH);
    const sniffed = sniffEncoding(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text } = decodeInPieces(sniffed, bytes, [cut]);
      expect(text, `cut at ${cut}`).toBe(SPANISH);
    }
  });

  it('decodes UTF-16LE without a BOM once the NUL pattern chose it', () => {
    const text = 'id\tautor\n1\tlucía\n2\tNúñez\n';
    const bytes = utf16le(text, false);
    const { text: out } = decodeInPieces(sniffEncoding(bytes), bytes, [5, 11]);
    expect(out).toBe(text);
  });
});

describe('StreamDecoder: broken input', () => {
  it('reports invalid UTF-8 further down once, shows it as U+FFFD and keeps decoding the rest', () => {
    const good = `id,texto\n${'1,la atención fue rápida\n'.repeat(200)}`;
    const bytes = concat(enc(good), enc('2,la rese'), Uint8Array.from([0xf1]), enc('a llegó tarde\n3,más ñ\n'), Uint8Array.from([0x93]), enc('fin\n'));
    const sniffed = sniffEncoding(bytes.subarray(0, 1024)); // the head is clean: UTF-8
    expect(sniffed.encoding).toBe('utf-8');
    const cuts: number[] = [];
    for (let at = 700; at < bytes.length; at += 700) cuts.push(at);
    const { text, decoder } = decodeInPieces(sniffed, bytes, cuts);
    expect(text.startsWith(good)).toBe(true);
    expect(text).toContain('2,la rese\ufffda llegó tarde\n3,más ñ\n\ufffdfin\n');
    expect(decoder.problems).toHaveLength(1);
    expect(decoder.problems[0]!.code).toBe('invalid-utf8');
    const badAt = enc(good).length + enc('2,la rese').length;
    // The offset points at or before the bad byte, never after it.
    expect(decoder.problems[0]!.byteOffset).toBeLessThanOrEqual(badAt);
    expect(decoder.problems[0]!.message).toMatch(/byte \d+/);
  });

  // Regression (fixed): the reported byteOffset is the start of the block (write() call) that held the bad byte, not the
  // bad byte itself. decodeBuffer() writes the whole file at once, so a Windows-1252 "ñ" at byte 100000
  // of a file is reported "in the block starting at byte 0": the user is told to look at the top of the
  // file. (openText does the same at 64 KiB granularity.) DecodeProblem documents "the byte offset where
  // it was seen".
  it('reports the byte offset of the first invalid byte itself', () => {
    const prefix = enc(`id,texto\n${'1,todo correcto por aquí\n'.repeat(4000)}`);
    const bytes = concat(prefix, enc('2,la rese'), Uint8Array.from([0xf1]), enc('a\n'));
    const { problems } = decodeBuffer(bytes);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.byteOffset).toBe(prefix.length + 9);
  });

  it('reports a file truncated in the middle of a character and keeps the text before it', () => {
    const whole = enc('id,texto\n1,canció'); // ends with the two bytes of "ó"
    const truncated = whole.subarray(0, whole.length - 1); // drops the second byte of "ó"
    const { text, decoder } = decodeInPieces(sniffEncoding(truncated), truncated, [4]);
    expect(text).toBe('id,texto\n1,canci\ufffd');
    expect(decoder.problems).toHaveLength(1);
    expect(decoder.problems[0]!.code).toBe('invalid-utf8');
    expect(decoder.problems[0]!.message).toMatch(/ends in the middle/);

    const emoji = enc('gracias 😀');
    const cut = emoji.subarray(0, emoji.length - 2);
    const result = decodeBuffer(cut);
    expect(result.text.startsWith('gracias ')).toBe(true);
    expect(result.text.endsWith('\ufffd')).toBe(true);
    expect(result.problems).toHaveLength(1);
  });

  it('treats a lone lead byte followed by ASCII in the next chunk as invalid, not as a pending character', () => {
    const bytes = concat(enc('hola '), Uint8Array.from([0xc3]), enc('bien'));
    const { text, decoder } = decodeInPieces({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' }, bytes, [6]);
    expect(text).toBe('hola \ufffdbien');
    expect(decoder.problems).toHaveLength(1);
    expect(decoder.problems[0]!.byteOffset).toBe(5);
  });
});

describe('Windows-1252', () => {
  it('maps 0x80–0x9F to €, curly quotes, dashes… and never to C1 control characters', () => {
    const text = 'la reseña “top” cuesta 5 € — ‘sí’… ¿Qué? ¡Olé! Œ š ™ •';
    const bytes = cp1252(text);
    expect(Array.from(bytes)).toContain(0x93);
    expect(Array.from(bytes)).toContain(0x94);
    expect(Array.from(bytes)).toContain(0xf1);
    const result = decodeBuffer(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe(text);
    expect(result.text).not.toMatch(/[\u0080-\u009f]/);
    expect(result.problems).toEqual([]);
  });

  it('decodes the formats-samples cp1252 fixture bytes exactly', () => {
    const bytes = Uint8Array.from([0x6c, 0x61, 0x20, 0x72, 0x65, 0x73, 0x65, 0xf1, 0x61, 0x20, 0x93, 0x74, 0x6f, 0x70, 0x94]);
    expect(decodeBuffer(bytes).text).toBe('la reseña “top”');
  });

  it('decodes the same Windows-1252 text byte by byte', () => {
    const text = 'Atención: “reembolso” de 20 € en 48 horas';
    const bytes = cp1252(text);
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(decodeInPieces(sniffEncoding(bytes), bytes, cuts).text).toBe(text);
  });
});

describe('decodeBuffer and BOMs', () => {
  it('strips the UTF-8 BOM so the first header is "id", not "\\ufeffid"', () => {
    const { text, encoding } = decodeBuffer(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), enc('id,autor,fecha,texto\n')));
    expect(encoding).toBe('utf-8');
    expect(text.split(',')[0]).toBe('id');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('strips the UTF-16LE BOM and decodes tab-separated "Texto Unicode"', () => {
    const text = 'Fecha\tAutor\tMensaje\n04/11/2013 10:00\tLucía\t¿Alguien me ayuda? 😀\n';
    const result = decodeBuffer(utf16le(text));
    expect(result.encoding).toBe('utf-16le');
    expect(result.text).toBe(text);
  });

  it('strips the UTF-16BE BOM', () => {
    const text = 'id,texto\n1,Señal perdida en Cádiz\n';
    const result = decodeBuffer(utf16be(text));
    expect(result.encoding).toBe('utf-16be');
    expect(result.text).toBe(text);
  });

  it('keeps double-encoded UTF-8 as text (repair is an ingest step, not a decoding one)', () => {
    const { text, encoding } = decodeBuffer(enc('Â¡Genial! la atenciÃ³n'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Â¡Genial! la atenciÃ³n');
  });

  it('decodes an empty input to an empty string without problems', () => {
    expect(decodeBuffer(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', problems: [] });
  });
});
