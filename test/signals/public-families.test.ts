/**
 * Issue 9, third round (real public text): the families added after reading the dev half of the public
 * labelled sets (scripts/eval-public.mjs --split dev). Every text here is written for this file, none is
 * copied from a dataset; each family has a case it must catch and a benign sense it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { needs, offensive, political } from '../helpers/eval-sets.js';

describe('profanity: bare vulgar words and slurs, with their benign senses guarded', () => {
  it.each([
    ['a plural vulgarism', 'those bitches at the counter ignored me'],
    ['a vulgar word for a woman', 'the manager is acting like a hoe'],
    ['a vulgar word for a coward', 'stop being a pussy and give me a refund'],
    ['a racial slur in banter', 'my nigga the shop was shut again'],
    ['a homophobic slur', 'get lost, faggot'],
    ['a Spanish homophobic slur', 'Cállate ya, bujarra'],
    ['a one-word "hijo de puta"', 'El hijodeputa del repartidor lo tiró'],
    ['"hijo de perra"', 'Ese hijo de perra me cobró de más'],
    ['a plural insult', 'Menuda panda de tarados'],
    ['"basura" aimed at people', 'Qué basura de persona es el encargado'],
    ['an Andean vulgarism', '¿Qué chucha pasa con mi envío?'],
    ['a doubled last letter', 'PUTAA madre, otra vez sin luz'],
    ['an addressed frame without an article', 'Eres tonta o te lo haces'],
    ['an intensifier between frame and word', 'Sois muy incompetentes'],
    ['an English intensifier', 'You are such a big loser'],
  ])('%s', (_name, text) => expect(offensive(text)).toBe(true));

  it.each([
    ['a garden hoe', 'The garden hoe arrived with a bent blade'],
    ['garden hoes and rakes', 'Do you stock hoes and rakes?'],
    ['a pet cat', 'My pussy cat loves the salmon flavour'],
    ['a plant', 'Pussy willow cuttings are back in stock'],
    ['a British cigarette', 'The driver stopped for a fag break'],
    ['British cigarettes', 'The corner shop sells cheap fags'],
    ['British meatballs', 'Faggots and peas on the menu tonight'],
    ['a fox', 'Vimos una zorra cerca del hotel rural'],
    ['"basura" about a product', 'El servicio es una basura'],
    ['a doubled letter that is no profanity', 'Creo que el zoo abre hoy'],
    ['"eres" before praise', 'Eres muy amable, gracias'],
  ])('not: %s', (_name, text) => expect(offensive(text)).toBe(false));
});

describe('needs-reply: problem statements without a question mark or accents', () => {
  it.each([
    ['"won\'t let me"', "the website won't let me change my seat"],
    ['"won\'t even open"', 'the app won’t even open since yesterday'],
    ['"fix your"', 'fix your checkout, it empties my basket'],
    ['a question without "?"', 'are you going to bring back the large size'],
    ['advice that failed', 'tried that already and still nothing'],
    ['feeling cheated', 'me siento estafada con la tarifa'],
    ['a lost bag, no accents', 'perdieron mi maleta y nadie contesta'],
    ['"no me permite"', 'la web no me permite cambiar la fecha'],
    ['an unpleasant experience', 'fue la peor experiencia que he tenido'],
    ['no solution', 'seguimos sin solucion desde el lunes'],
  ])('%s', (_name, text) => expect(needs(text)).toBe(true));

  it.each([
    ['advice that worked', 'Tried that and it worked, thanks!'],
    ['"nada desagradable"', 'Nada desagradable, todo perfecto, gracias'],
    ['praise', 'Great food tonight, thanks team'],
  ])('not: %s', (_name, text) => expect(needs(text)).toBe(false));
});

describe('politics: protest movements and governments as actors', () => {
  it.each([
    ['a protest movement', 'We march with Black Lives Matter this weekend'],
    ['a protest hashtag', 'Out on the street tonight #BlackLivesMatter'],
    ['defunding', 'They want to defund the police'],
    ['the government as an actor', 'Con el gobierno que tenemos no hay remedio'],
    ['who governs us', 'Los que nos gobiernan no escuchan'],
    ['a vote given', 'Jamás le daría mi voto a ese candidato'],
    ['unconstitutional', 'Esa ley es inconstitucional'],
  ])('%s', (_name, text) => expect(political(text)).toBe(true));

  it.each([
    ['protests alone', 'Despite protests from fans, the shirt changed colour'],
    ['a curfew at a campsite', 'The campsite has a curfew at 11pm'],
    ['a project losing money', 'They decided to defund the project next year'],
    ['"mi voto" in a contest', 'Mi voto para el sabor de fresa'],
  ])('not: %s', (_name, text) => expect(political(text)).toBe(false));
});
