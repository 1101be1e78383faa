import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import { expandInputs, openText, type InputFile, type TextSource } from '../../src/io/read-inputs.js';
import { cp1252, utf16le } from '../ingest/helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'si-read-inputs-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noStdin = (): AsyncIterable<Uint8Array> => {
  throw new Error('stdin must not be opened');
};

async function readAll(source: TextSource): Promise<{ text: string; chunks: number }> {
  let text = '';
  let chunks = 0;
  for await (const chunk of source.chunks) {
    text += chunk;
    chunks++;
  }
  return { text, chunks };
}

async function put(relative: string, content: string | Uint8Array): Promise<string> {
  const full = path.join(dir, relative);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  return full;
}

describe('expandInputs', () => {
  it('returns a named file as one explicit input with its size', async () => {
    const file = await put('single/hilos.csv', 'id,autor,fecha,texto\n1,ana,2024-01-01T10:00:00Z,hola\n');
    const inputs = await expandInputs([file], noStdin);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.name).toBe(file);
    expect(inputs[0]!.explicit).toBe(true);
    expect(inputs[0]!.size).toBe(Buffer.byteLength('id,autor,fecha,texto\n1,ana,2024-01-01T10:00:00Z,hola\n'));
  });

  it('walks nested folders in sorted order, skipping dotfiles, dot-folders, docs and images', async () => {
    // Written in an unsorted order on purpose.
    await put('tree/z/d.jsonl', '{}\n');
    await put('tree/b.csv', 'b\n');
    await put('tree/sub/c.tsv', 'c\n');
    await put('tree/a.csv', 'a\n');
    await put('tree/.hidden.csv', 'x\n');
    await put('tree/.git/config.csv', 'x\n');
    await put('tree/README.md', '# notas\n');
    await put('tree/sub/NOTES.MD', '# notas\n');
    await put('tree/logo.png', 'png');
    await put('tree/sub/Captura.PNG', 'png');
    await put('tree/sub/informe.pdf', 'pdf');
    const root = path.join(dir, 'tree');
    const inputs = await expandInputs([root], noStdin);
    expect(inputs.map((f) => path.relative(root, f.name))).toEqual(['a.csv', 'b.csv', path.join('sub', 'c.tsv'), path.join('z', 'd.jsonl')]);
    expect(inputs.every((f) => !f.explicit)).toBe(true);
    expect(inputs.map((f) => f.size)).toEqual([2, 2, 2, 3]);
    // Deterministic: a second walk gives the same list.
    const again = await expandInputs([root], noStdin);
    expect(again.map((f) => f.name)).toEqual(inputs.map((f) => f.name));
  });

  it('keeps the order of the arguments, folders expanded in place', async () => {
    const first = await put('order/2-segundo.csv', 'x\n');
    const last = await put('order/1-primero.csv', 'x\n');
    const folder = path.join(dir, 'order-folder');
    await put('order-folder/m.csv', 'x\n');
    const inputs = await expandInputs([first, folder, last], noStdin);
    expect(inputs.map((f) => f.name)).toEqual([first, path.join(folder, 'm.csv'), last]);
    expect(inputs.map((f) => f.explicit)).toEqual([true, false, true]);
  });

  it('rejects a missing path with a UsageError that names it', async () => {
    const missing = path.join(dir, 'no-existe', 'export.csv');
    const error = await expandInputs([missing], noStdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(missing);
    expect((error as UsageError).message).toMatch(/no such file/);
    expect((error as UsageError).hint).toMatch(/"-"/);
  });

  it('rejects a folder without data files, naming it', async () => {
    await put('only-docs/README.md', '# nada\n');
    await put('only-docs/.DS_Store', 'x');
    const folder = path.join(dir, 'only-docs');
    const error = await expandInputs([folder], noStdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(folder);
  });

  it('accepts "-" once as standard input and refuses it twice', async () => {
    const stdin = async function* (): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('id,text\n');
    };
    const inputs = await expandInputs(['-'], stdin);
    expect(inputs).toEqual([{ name: '-', size: undefined, explicit: true, open: stdin, siblings: [], openSibling: expect.any(Function) }]);
    const error = await expandInputs(['-', '-'], stdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/"-"/);
  });
});

/** UTF-8 text > 192 KiB whose multi-byte characters straddle every 64 KiB boundary. */
function bigSpanishText(): string {
  const straddlers = ['ñ', '€', '😀', '¿', 'é'];
  let text = 'id,autor,fecha,texto\n';
  let bytes = Buffer.byteLength(text);
  let row = 1;
  for (let k = 1; k <= 5; k++) {
    const boundary = k * 65536;
    // Fill with rows, then pad so that the straddling character starts one byte before the boundary.
    for (;;) {
      const line = `${row},cliente_${row},2024-10-15T10:40:00+02:00,"¿Me ayudáis con la factura nº ${row}? Gracias 😀"\n`;
      if (bytes + Buffer.byteLength(line) > boundary - 200) break;
      text += line;
      bytes += Buffer.byteLength(line);
      row++;
    }
    const pad = boundary - 1 - bytes;
    text += `${'x'.repeat(pad) + straddlers[k - 1]!}\n`;
    bytes += pad + Buffer.byteLength(straddlers[k - 1]!) + 1;
  }
  return text;
}

describe('openText', () => {
  it('streams a big UTF-8 file as exactly the text read whole, multi-byte characters at 64 KiB edges intact', async () => {
    const text = bigSpanishText();
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 65536);
    const file = await put('big/utf8.csv', text);
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.encoding).toBe('utf-8');
    expect(source.name).toBe(file);
    expect(text.startsWith(source.head)).toBe(true);
    expect(source.head.length).toBeGreaterThan(60000);
    const { text: streamed, chunks } = await readAll(source);
    expect(chunks).toBeGreaterThan(1);
    expect(streamed).toBe(await readFile(file, 'utf8'));
    expect(streamed).not.toContain('\ufffd');
    expect(source.decodeProblems).toEqual([]);
  });

  it('drops the UTF-8 BOM from both the head and the streamed text', async () => {
    const text = bigSpanishText();
    const file = await put('big/bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.head.startsWith('id,autor')).toBe(true);
    expect((await readAll(source)).text).toBe(text);
  });

  it('streams a big UTF-16LE "Texto Unicode" file', async () => {
    const text = bigSpanishText().replace(/,/g, '\t');
    const file = await put('big/utf16.txt', utf16le(text));
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.encoding).toBe('utf-16le');
    expect(source.head.startsWith('id\tautor')).toBe(true);
    expect((await readAll(source)).text).toBe(text);
  });

  it('decodes a Windows-1252 file with its own table', async () => {
    const text = 'id;autor;fecha;texto\n1;Lucía;04/11/2013 10:00;la reseña “top” de 5 €\n';
    const file = await put('cp1252/resenas.csv', cp1252(text));
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.encoding).toBe('windows-1252');
    expect((await readAll(source)).text).toBe(text);
  });

  it('records invalid UTF-8 found after the head as one decode problem while the rest is still read', async () => {
    const clean = bigSpanishText();
    const tail = Buffer.concat([
      Buffer.from('999,ana,2024-10-15T10:40:00+02:00,la rese'),
      Buffer.from([0xf1]),
      Buffer.from('a\n1000,ana,2024-10-15T10:41:00+02:00,sigue bien ñ\n'),
    ]);
    const file = await put('big/late-cp1252.csv', Buffer.concat([Buffer.from(clean), tail]));
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.encoding).toBe('utf-8');
    expect(source.decodeProblems).toEqual([]); // filled while streaming
    const { text } = await readAll(source);
    expect(text.startsWith(clean)).toBe(true);
    expect(text.endsWith('la rese\ufffda\n1000,ana,2024-10-15T10:41:00+02:00,sigue bien ñ\n')).toBe(true);
    expect(source.decodeProblems).toHaveLength(1);
    expect(source.decodeProblems[0]!.code).toBe('invalid-utf8');
  });

  it('gives an empty head and no text for an empty file', async () => {
    const file = await put('empty/vacio.csv', '');
    const [input] = await expandInputs([file], noStdin);
    const source = await openText(input!);
    expect(source.head).toBe('');
    expect((await readAll(source)).text).toBe('');
  });

  it('reads standard input delivered in odd-sized chunks', async () => {
    const text = 'id,texto\n1,¿Dónde está mi pedido? 😀\n'.repeat(50);
    const bytes = Buffer.from(text);
    const stdin = async function* (): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    };
    const [input] = await expandInputs(['-'], stdin);
    const source = await openText(input!);
    expect(source.name).toBe('-');
    expect(source.head).toBe(text);
    expect((await readAll(source)).text).toBe(text);
  });

  it('turns a file that vanished after expansion into a UsageError naming it', async () => {
    const file = await put('vanish/borrado.csv', 'id,texto\n');
    const [input] = await expandInputs([file], noStdin);
    await unlink(file);
    const error = await openText(input as InputFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(file);
  });
});
