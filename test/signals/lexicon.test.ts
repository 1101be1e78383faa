import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, it, expect } from 'vitest';
import { Lexicon, type LexiconEntry } from '../../src/signals/lexicon.js';
import { readLexiconFile as loadLexiconEntries } from '../../src/io/resources.js';
import { tokenize } from '../../src/signals/tokens.js';

const entry = (id: string, phrase: string, extra: Partial<LexiconEntry> = {}): LexiconEntry => ({
  id,
  phrase,
  kind: extra.kind ?? 'complaint',
  weight: 0.9,
  ...extra,
});

/** [entry id, quoted text] for each match. */
function run(lexicon: Lexicon, text: string): [string, string][] {
  return lexicon.match(tokenize(text)).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
}

describe('Lexicon.match', () => {
  const lexicon = new Lexicon([
    entry('no', 'no'),
    entry('no-me-ha-llegado', 'No me ha llegado'),
    entry('no-me', 'no me'),
    entry('llegado', 'llegado'),
    entry('sin-senal', 'sin señal'),
    entry('cuando', 'cuándo', { kind: 'question', start: true }),
    entry('problema', 'problema', { kind: 'problem', notAfter: ['sin', 'ningún', 'no hay'] }),
    entry('help', 'help', { kind: 'request', notAfter: ['thanks for the', 'thank you for your'] }),
  ]);

  it('takes the longest phrase at a position', () => {
    expect(run(lexicon, 'Hola, no me ha llegado el pedido')).toEqual([['no-me-ha-llegado', 'no me ha llegado']]);
  });

  it('falls back to a shorter phrase when the longer one does not fit', () => {
    expect(run(lexicon, 'no me ha escrito nadie')).toEqual([['no-me', 'no me']]);
    expect(run(lexicon, 'no me ha')).toEqual([['no-me', 'no me']]);
    expect(run(lexicon, 'no')).toEqual([['no', 'no']]);
  });

  it('returns non-overlapping matches left to right', () => {
    expect(run(lexicon, 'No me ha llegado, llegado nada, no')).toEqual([
      ['no-me-ha-llegado', 'No me ha llegado'],
      ['llegado', 'llegado'],
      ['no', 'no'],
    ]);
  });

  it('matches on folded tokens and quotes the original spelling', () => {
    expect(run(lexicon, 'NO ME HA LLEGADOOOO')).toEqual([['no-me-ha-llegado', 'NO ME HA LLEGADOOOO']]);
    expect(run(lexicon, 'Tres días SIN SEÑAL')).toEqual([['sin-senal', 'SIN SEÑAL']]);
  });

  it('does not match a phrase split by a masked mention or URL across the gap as if it were adjacent', () => {
    // The mention is masked: the tokens are adjacent again, which is what we want for "no @Marca me" → no.
    expect(run(lexicon, 'sin @Marca señal')).toEqual([['sin-senal', 'sin @Marca señal']]);
  });

  it('`start` entries only match at the first token', () => {
    expect(run(lexicon, '¿Cuándo llega?')).toEqual([['cuando', 'Cuándo']]);
    expect(run(lexicon, 'Avisadme cuándo llega')).toEqual([]);
  });

  it('`start` entries still match after a leading @mention (mentions are masked)', () => {
    expect(run(lexicon, '@Marca cuando llega mi pedido')).toEqual([['cuando', 'cuando']]);
  });

  it('`notAfter` phrases cancel the match right after them', () => {
    expect(run(lexicon, 'Sin problema, gracias')).toEqual([]);
    expect(run(lexicon, 'Ningún problema')).toEqual([]);
    expect(run(lexicon, 'no hay problema')).toEqual([['no', 'no']]); // "problema" is cancelled, the bare "no" entry is not
    expect(run(lexicon, 'Tengo un problema con la factura')).toEqual([['problema', 'problema']]);
    expect(run(lexicon, 'problema gordo')).toEqual([['problema', 'problema']]);
    expect(run(lexicon, 'Thanks for the help!')).toEqual([]);
    expect(run(lexicon, 'thank you for your help')).toEqual([]);
    expect(run(lexicon, 'I need help with my bill')).toEqual([['help', 'help']]);
    expect(run(lexicon, 'for the help')).toEqual([['help', 'help']]);
  });

  it('`notAfter` only looks right before the match, not anywhere earlier', () => {
    expect(run(lexicon, 'sin luz y con un problema')).toEqual([['problema', 'problema']]);
  });

  it('`notBefore` phrases cancel the match right before them', () => {
    const lex = new Lexicon([
      entry('coger', 'coger', { kind: 'profanity', notBefore: ['el autobús', 'el tren', 'el teléfono'] }),
      entry('cancel', 'cancel', { kind: 'request', notBefore: ['culture'] }),
    ]);
    expect(run(lex, 'Voy a coger el autobús')).toEqual([]);
    expect(run(lex, 'no podéis coger el TELÉFONO nunca')).toEqual([]);
    expect(run(lex, 'coger el coche')).toEqual([['coger', 'coger']]);
    expect(run(lex, 'coger')).toEqual([['coger', 'coger']]);
    expect(run(lex, 'cancel culture')).toEqual([]);
    expect(run(lex, 'I want to cancel')).toEqual([['cancel', 'cancel']]);
  });

  it('`notBefore` on a longer phrase falls back to a shorter entry', () => {
    const lex = new Lexicon([entry('no-va', 'no va'), entry('no-va-mal', 'no va mal', { notBefore: ['del todo'] }), entry('mal', 'mal')]);
    expect(run(lex, 'no va mal del todo')).toEqual([
      ['no-va', 'no va'],
      ['mal', 'mal'],
    ]);
    expect(run(lex, 'no va mal')).toEqual([['no-va-mal', 'no va mal']]);
  });

  it('case-sensitive entries match only the words as written', () => {
    const lex = new Lexicon([
      entry('vox', 'Vox', { kind: 'party', case: 'sensitive' }),
      entry('podemos', 'Podemos', { kind: 'party', case: 'sensitive' }),
      entry('mas-pais', 'Más País', { kind: 'party', case: 'sensitive' }),
    ]);
    const match = (text: string) => lex.match(tokenize(text), text).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    expect(match('Votad a Vox')).toEqual([['vox', 'Vox']]);
    expect(match('la vox populi')).toEqual([]);
    expect(match('VOX')).toEqual([]);
    expect(match('Mejor Podemos que nadie')).toEqual([['podemos', 'Podemos']]);
    expect(match('Votaré a Más País en el congreso')).toEqual([['mas-pais', 'Más País']]);
    // At the start of a sentence capitals prove nothing, so case-sensitive entries stay quiet there.
    expect(match('Más País en el congreso')).toEqual([]);
    expect(match('mas pais')).toEqual([]);
    // Without the text, a case-sensitive entry cannot be checked and never matches.
    expect(lex.match(tokenize('Votad a Vox'))).toEqual([]);
  });

  // Regression (was a design gap): case-sensitive matching is meant to tell the party "Podemos" from the verb, but a
  // sentence-initial verb is capitalised too, so the most common brand phrasing ("Podemos ayudarte por
  // DM", "¿Podemos cambiar la cita?") would be read as the party name.
  it('a sentence-initial capitalised verb is not the case-sensitive party name', () => {
    const lex = new Lexicon([entry('podemos', 'Podemos', { kind: 'party', case: 'sensitive' })]);
    for (const text of ['¿Podemos cambiar la cita?', 'Podemos ayudarte por DM.', 'Hola Ana. Podemos enviarlo mañana.']) {
      expect(lex.match(tokenize(text), text), text).toEqual([]);
    }
  });

  it('a case-sensitive phrase that is not plain words is rejected', () => {
    expect(() => new Lexicon([entry('x', 'Más-País', { case: 'sensitive' })])).toThrow(/x: a case-sensitive phrase must be plain words/);
  });

  // Regression (fixed): the "plain words" check only compares word counts, so a case-sensitive phrase with trailing
  // punctuation ("PP.") passes it but can never match: its word "PP." is compared with the token "PP".
  // Input: { phrase: 'PP.', case: 'sensitive' } and the text 'Votad al PP.' → no match and no error.
  it('a case-sensitive phrase with punctuation is either rejected or matches', () => {
    let lex: Lexicon;
    try {
      lex = new Lexicon([entry('pp', 'PP.', { kind: 'party', case: 'sensitive' })]);
    } catch {
      return;
    }
    const text = 'Votad al PP.';
    expect(lex.match(tokenize(text), text)).toHaveLength(1);
  });

  it('region is informative and does not change matching', () => {
    const lex = new Lexicon([entry('chafa', 'chafa', { region: ['es-MX'] })]);
    expect(run(lex, 'Está bien chafa')).toEqual([['chafa', 'chafa']]);
  });

  it('an entry with no words is rejected', () => {
    expect(() => new Lexicon([entry('x', '¿?')])).toThrow(/x has no words/);
  });

  it('an empty lexicon and an empty text match nothing', () => {
    expect(new Lexicon([]).match(tokenize('no funciona'))).toEqual([]);
    expect(lexicon.match([])).toEqual([]);
  });
});

describe('loadLexiconEntries', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'si-lexicon-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): URL => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return pathToFileURL(full);
  };

  it('reads one entry per line and skips blank lines', () => {
    const url = file('ok.jsonl', '{"id":"es.t.a","phrase":"a","kind":"complaint","weight":1}\n\n{"id":"es.t.b","phrase":"b","kind":"request","weight":0.5}\n');
    expect(loadLexiconEntries(url).map((e) => e.id)).toEqual(['es.t.a', 'es.t.b']);
  });

  it('names the line of invalid JSON', () => {
    const url = file('bad.jsonl', '{"id":"es.t.a","phrase":"a","kind":"complaint","weight":1}\n{"id": oops}\n');
    expect(() => loadLexiconEntries(url)).toThrow(/:2: not valid JSON/);
  });

  it('names the line of an entry without the required fields', () => {
    const url = file('missing.jsonl', '{"id":"es.t.a","phrase":"a","kind":"complaint"}\n');
    expect(() => loadLexiconEntries(url)).toThrow(/:1: an entry needs id, phrase, kind and weight/);
  });

  it('loads the shipped lexicons', () => {
    expect(loadLexiconEntries('es/needs-reply.jsonl').length).toBeGreaterThan(50);
    expect(loadLexiconEntries('en/needs-reply.jsonl').length).toBeGreaterThan(50);
  });
});
