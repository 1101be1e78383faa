import { describe, it, expect } from 'vitest';
import { clip, decodeHtmlEntities, repairMojibake, unwrapSpreadsheetCell } from '../../src/ingest/text-cleanup.js';
import { mojibake } from './helpers.js';

describe('decodeHtmlEntities', () => {
  it('decodes the entities X/Twitter escapes', () => {
    expect(decodeHtmlEntities('Tarifa 5G &amp; fibra: &lt;30 € &gt; 20 €')).toBe('Tarifa 5G & fibra: <30 € > 20 €');
    expect(decodeHtmlEntities('&quot;urgente&quot; y &apos;ya&apos;')).toBe('"urgente" y \'ya\'');
  });

  it('decodes decimal and hexadecimal numeric entities, astral characters included', () => {
    expect(decodeHtmlEntities('It&#39;s broken')).toBe("It's broken");
    expect(decodeHtmlEntities('Gracias &#x1F600; &#128077;')).toBe('Gracias 😀 👍');
    expect(decodeHtmlEntities('&#X1f600;')).toBe('😀');
    expect(decodeHtmlEntities('&#241;o&#xF1;o')).toBe('ñoño');
  });

  it('decodes the Spanish named entities of saved pages', () => {
    expect(decodeHtmlEntities('&iquest;Qu&eacute; tal? &iexcl;Espa&ntilde;a! &euro;5 &hellip;')).toBe('¿Qué tal? ¡España! €5 …');
  });

  it('leaves invalid or unknown entities alone', () => {
    for (const text of ['&#0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#99999999;', '&#;', '&#x;', '&noexiste;', '& amp;', 'AT&T', '&amp', 'a & b']) {
      expect(decodeHtmlEntities(text), text).toBe(text);
    }
  });

  it('decodes one level only ("&amp;lt;" is the text "&lt;")', () => {
    expect(decodeHtmlEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('returns text without "&" untouched', () => {
    const text = 'Hola, ¿me ayudáis? 😀';
    expect(decodeHtmlEntities(text)).toBe(text);
  });
});

describe('repairMojibake', () => {
  it('repairs the TWCS brand reply "â€˜Mensajeâ€™"', () => {
    expect(mojibake('‘Mensaje’')).toBe('â€˜Mensajeâ€™');
    expect(repairMojibake('@118001 Lo sentimos, pulsa â€˜Mensajeâ€™ en nuestro perfil y lo vemos ^JM')).toBe(
      '@118001 Lo sentimos, pulsa ‘Mensaje’ en nuestro perfil y lo vemos ^JM',
    );
  });

  it('repairs Latin-1 style mojibake of Spanish letters', () => {
    expect(repairMojibake('atenciÃ³n')).toBe('atención');
    expect(repairMojibake('Â¡Genial! la atenciÃ³n')).toBe('¡Genial! la atención');
    expect(repairMojibake('Â¿DÃ³nde estÃ¡ mi pedido? SeÃ±or NÃºÃ±ez')).toBe('¿Dónde está mi pedido? Señor Núñez');
  });

  it('repairs mojibake of emoji and of characters whose bytes Windows-1252 leaves undefined', () => {
    expect(repairMojibake(mojibake('Gracias 😀'))).toBe('Gracias 😀');
    expect(repairMojibake(mojibake('ÁLVARO'))).toBe('ÁLVARO'); // "Á" is C3 81: 0x81 is undefined in Windows-1252
  });

  it('round-trips a corpus of care messages: repair(mojibake(s)) is s and repair(s) is s', () => {
    const messages = [
      'Hola, ¿me ayudáis con la factura?',
      'Llevo una semana sin línea y nadie contesta 😡',
      'Te escribimos por MD – disculpa la espera /AB',
      '“Lo prometido es deuda”: os llamamos mañana',
      'Reembolso de 20 € en 48 horas, ¿vale?',
      'Ñandú, pingüino, acción, corazón ❤️',
      "We'll get back to you by Friday — thanks!",
      'Señora Muñoz: su incidencia nº 12345 está resuelta 👍🏽',
    ];
    for (const message of messages) {
      expect(repairMojibake(mojibake(message)), message).toBe(message);
      expect(repairMojibake(message), message).toBe(message);
    }
  });

  it('leaves correct text alone, even when it looks a little like mojibake', () => {
    for (const text of ['café ya', 'qué…', 'Más “barato”', 'mañana®', 'São Paulo', 'ÑOÑO', 'Gracias 😀 por la atención', 'é€']) {
      expect(repairMojibake(text), text).toBe(text);
    }
  });

  it('does not repair a string that mixes mojibake with correct accents (the bytes would not be UTF-8)', () => {
    expect(repairMojibake('atenciÃ³n rápida')).toBe('atenciÃ³n rápida');
  });
});

describe('unwrapSpreadsheetCell', () => {
  it('strips Excel ="…" wrappers that protect long ids', () => {
    expect(unwrapSpreadsheetCell('="1846128913281982466"')).toBe('1846128913281982466');
    expect(unwrapSpreadsheetCell('="007"')).toBe('007');
    expect(unwrapSpreadsheetCell('=""')).toBe('');
  });

  it("strips the apostrophe of formula-injection guards ('= '+ '- '@)", () => {
    expect(unwrapSpreadsheetCell("'=SUMA(A1:A3)")).toBe('=SUMA(A1:A3)');
    expect(unwrapSpreadsheetCell("'+34 600 000 000")).toBe('+34 600 000 000');
    expect(unwrapSpreadsheetCell("'-1")).toBe('-1');
    expect(unwrapSpreadsheetCell("'@marta_rg")).toBe('@marta_rg');
  });

  it('leaves ordinary cells alone', () => {
    for (const value of ['1846128913281982466', "'hola", "l'Hospitalet", '=', '="', '=A1', 'fb_1001', '']) {
      expect(unwrapSpreadsheetCell(value), value).toBe(value);
    }
  });
});

describe('clip', () => {
  it('flattens whitespace and shortens long values for messages', () => {
    expect(clip('hola\n  mundo')).toBe('hola mundo');
    expect(clip('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
    expect(clip('abcdef', 3)).toBe('abc…');
  });
});
