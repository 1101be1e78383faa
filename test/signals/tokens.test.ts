import { describe, it, expect } from 'vitest';
import { MAX_ANALYSED_CHARS, phraseForms, tokenize } from '../../src/signals/tokens.js';

const forms = (text: string): string[] => tokenize(text).map((t) => t.form);
/** Each token's original spelling, sliced from the text by its offsets. */
const spans = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize: folding', () => {
  it('lowercases and folds accents', () => {
    expect(forms('Atención ÁÉÍÓÚ àèìòù Güey CAMIÓN')).toEqual(['atencion', 'aeiou', 'aeiou', 'guey', 'camion']);
  });

  it('keeps ñ (and folds Ñ to ñ): "año" never becomes "ano"', () => {
    expect(forms('año')).toEqual(['año']);
    expect(forms('AÑO')).toEqual(['año']);
    expect(forms('ano')).toEqual(['ano']);
    expect(forms('año')).not.toEqual(forms('ano'));
    expect(forms('Señal España')).toEqual(['señal', 'españa']);
  });

  it('folds Catalan/Portuguese/French letters customers use in Spain', () => {
    expect(forms('Gràcia Plaça Sant Martí')).toEqual(['gracia', 'placa', 'sant', 'marti']);
  });

  it('keeps digits as tokens', () => {
    expect(forms('pedido 12345, 48 h')).toEqual(['pedido', '12345', '48', 'h']);
  });

  it('splits on punctuation, ¿ ¡ and emoji', () => {
    expect(forms('¿Por qué?¡¡No jala!!')).toEqual(['por', 'que', 'no', 'jala']);
    expect(forms('hola👍👍adiós')).toEqual(['hola', 'adios']);
    expect(forms('👍🙏😡')).toEqual([]);
    expect(forms('')).toEqual([]);
    expect(forms('...!!! ??')).toEqual([]);
  });

  it('keeps apostrophes inside words (straight or curly) and drops quoting ones', () => {
    expect(forms("can't don’t 'hola'")).toEqual(["can't", "don't", 'hola']);
    expect(forms("doesn't work")).toEqual(phraseForms("doesn't work"));
  });

  // Regression (fixed): text in decomposed Unicode (NFD, common in macOS copies and some saved web pages) is not
  // normalised first, so a combining accent splits the word: "reclamación" → ["reclamacio", "n"], and
  // lexicon phrases such as "reclamacion" or "todavia no" never match.
  it('folds decomposed (NFD) accents like precomposed ones', () => {
    expect(forms('Reclamación'.normalize('NFD'))).toEqual(['reclamacion']);
    expect(forms('Todavía no'.normalize('NFD'))).toEqual(['todavia', 'no']);
  });
});

describe('tokenize: elongations', () => {
  it.each([
    ['graciaaaas', 'gracias'],
    ['Graciasssss', 'gracias'],
    ['siiiii', 'si'],
    ['holaaa', 'hola'],
    ['NOOOO', 'no'],
    ['porfaaaa', 'porfa'],
    ['pleeease', 'please'],
  ])('%s → %s', (input, expected) => {
    expect(forms(input)).toEqual([expected]);
  });

  it.each([['leer'], ['llamadme'], ['carro'], ['coordinar'], ['good'], ['arreglen'], ['accesso']])('a doubled letter is kept: %s', (word) => {
    expect(forms(word)).toEqual([word]);
  });

  it('digit runs are not squeezed', () => {
    expect(forms('4444 1000')).toEqual(['4444', '1000']);
  });

  it('offsets still cover the whole elongated word', () => {
    expect(spans('¡¡Graciaaaas!!')).toEqual(['Graciaaaas']);
  });
});

describe('tokenize: masking', () => {
  it('masks URLs, so a word inside one never matches', () => {
    expect(forms('mira https://tienda.example/pedido/no-funciona?id=1 ya')).toEqual(['mira', 'ya']);
    expect(forms('en www.marca.example/ayuda pone otra cosa')).toEqual(['en', 'pone', 'otra', 'cosa']);
    expect(forms('http://x.example/a')).toEqual([]);
  });

  it('masks e-mail addresses', () => {
    expect(forms('escribí a reclamaciones@marca.example sin respuesta')).toEqual(['escribi', 'a', 'sin', 'respuesta']);
  });

  it('masks @mentions and #hashtags, accents and ñ included', () => {
    expect(forms('@Marca_ES ayuda #NoFunciona #EspañaSinLuz hola @Iñaki')).toEqual(['ayuda', 'hola']);
  });

  it('a mask glued to a word ends the word', () => {
    expect(spans('pedido#123 roto')).toEqual(['pedido', 'roto']);
  });

  it('a bare @ or # is just punctuation', () => {
    expect(forms('a @ b # c')).toEqual(['a', 'b', 'c']);
  });
});

describe('tokenize: offsets', () => {
  it('map every token back to its original spelling', () => {
    const text = '@Marca ¡¡HOLAAA!! Mi pedido Nº 123 NO HA LLEGADO 😡 https://x.example/p?id=9 ¿Cuándo?';
    expect(spans(text)).toEqual(['HOLAAA', 'Mi', 'pedido', 'N' /* º is no letter */, '123', 'NO', 'HA', 'LLEGADO', 'Cuándo']);
    for (const token of tokenize(text)) {
      expect(token.start).toBeGreaterThanOrEqual(0);
      expect(token.end).toBeGreaterThan(token.start);
      expect(token.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('offsets are increasing and never overlap', () => {
    const tokens = tokenize('Hola @Marca, ya van tres días sin señal en Gràcia. lucia@correo.example');
    for (let k = 1; k < tokens.length; k++) expect(tokens[k]!.start).toBeGreaterThanOrEqual(tokens[k - 1]!.end);
  });

  it('analyses only the first MAX_ANALYSED_CHARS characters of a huge post', () => {
    const text = `${'a '.repeat(MAX_ANALYSED_CHARS)}final`;
    const tokens = tokenize(text);
    expect(tokens.every((t) => t.end <= MAX_ANALYSED_CHARS)).toBe(true);
    expect(tokens.some((t) => t.form === 'final')).toBe(false);
  });
});

describe('phraseForms', () => {
  it('folds a lexicon phrase the same way as text', () => {
    expect(phraseForms('No me ha llegado')).toEqual(['no', 'me', 'ha', 'llegado']);
    expect(phraseForms('sin señal')).toEqual(['sin', 'señal']);
    expect(phraseForms("what's going on")).toEqual(["what's", 'going', 'on']);
    expect(phraseForms('¿?')).toEqual([]);
  });
});
