/**
 * Signals must stay linear on hostile text. Each case would take minutes if a regex backtracked or a
 * loop went quadratic; the bound is generous so a slow machine never fails it, a regression always does.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/signals/language.js';
import { loadLanguageModel } from '../../src/io/resources.js';
import { detectNeedsReply } from '../../src/signals/needs-reply.js';
import { detectPromise } from '../../src/signals/promise.js';
import { detectRegister } from '../../src/signals/register.js';
import { detectShouting } from '../../src/signals/shouting.js';
import { detectApology, detectDenial, detectPolitics, detectTone, prepare } from '../../src/signals/text-signals.js';

const BOUND_MS = 5000;

function runAll(text: string): void {
  detectNeedsReply(text);
  detectNeedsReply(text.slice(0, 200), undefined, '¿Nos das tu número de pedido?');
  detectTone(prepare(text), text);
  const prepared = prepare(text);
  detectTone(prepared);
  detectApology(prepared);
  detectDenial(prepared);
  detectPolitics(prepared);
  detectShouting(text);
  detectRegister(text);
  detectLanguage(text);
  detectPromise(text, Date.parse('2026-03-10T10:00:00Z'), 60);
}

const HOSTILE: [string, string][] = [
  ['100k repeated letters', 'a'.repeat(100_000)],
  ['100k question marks', '?'.repeat(100_000)],
  ['10k mentions', '@cliente '.repeat(10_000)],
  ['10k mentions without spaces', '@a'.repeat(10_000)],
  ['an e-mail-like run', `${'a.'.repeat(50_000)}@x`],
  ['a megabyte post of promises', 'Te llamamos mañana. '.repeat(50_000)],
  ['a megabyte of shouting', 'NO VAMOS A DEVOLVER NADA '.repeat(40_000)],
  ['zero-width and bidi characters', '\u200b\u200e\u202eLo sentimos\u202c\u2066 '.repeat(20_000)],
  ['a URL without end', `https://${'x'.repeat(200_000)}`],
  ['combining marks', `a${'\u0301'.repeat(100_000)}`],
  ['20k asterisk-masked words', 'p*ta m**rda '.repeat(20_000)],
  ['a 100k run of asterisks and letters', `m${'*a'.repeat(50_000)}`],
  ['20k leetspeak words', '1d10t4 p3nd3j0 '.repeat(20_000)],
  ['10k camelCase hashtags', '#VotaPP #NoALaReforma '.repeat(10_000)],
  ['a hashtag of 100 capitals, 5k times', `#${'A'.repeat(100)}b `.repeat(5_000)],
  ['50k laughs and eye-rolls', 'jajaja 🙄 lol 😂 '.repeat(50_000)],
  ['20k insult frames and words', 'eres una foca sois unos cerdos you pig '.repeat(20_000)],
  ['20k scare quotes', "tu 'queja' your 'review' su \"queja ".repeat(20_000)],
  ['20k masks hiding more letters', 'gili*as m*da p***********a '.repeat(20_000)],
  ['10k political handles and hashtags', '@PSOE @realDonaldTrump #FueraMorena @x_y_z '.repeat(10_000)],
  ['20k subjects and actions', 'tu pedido llega sale your order ships will '.repeat(20_000)],
  ['20k "no" answers', 'no, sigue igual nope still '.repeat(20_000)],
  ['20k doubled last letters', 'putaa bitchh creee zoo '.repeat(20_000)],
  ['20k frames with intensifiers', 'eres muy tonto such a big loser sois muy muy cerdos '.repeat(20_000)],
];

describe('signals on hostile input', () => {
  it.each(HOSTILE)('%s stays fast', async (_name, text) => {
    await loadLanguageModel();
    const started = performance.now();
    runAll(text);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });

  it('still finds the signal at the start of a megabyte post', () => {
    const text = `Lo sentimos mucho, ha sido un error nuestro. ${'bla '.repeat(250_000)}`;
    expect(detectApology(prepare(text))).not.toBeNull();
  });
});
