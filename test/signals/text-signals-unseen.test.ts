/**
 * Issue 9 ("text signals that hold on text nobody here wrote"): every new class of cue has a case it must
 * catch and a false friend it must leave alone. None of these texts is a row of fixtures/eval or
 * fixtures/eval/dev2 (the lexicon tests check the examples; these are written apart).
 */
import { describe, expect, it } from 'vitest';
import { detectNeedsReply } from '../../src/signals/needs-reply.js';
import { deLeet, isLaughter } from '../../src/signals/tone-cues.js';
import { denies, needs, offensive, political, promised, sarcastic } from '../helpers/eval-sets.js';

describe('profanity and insults as bare words', () => {
  it.each([
    ['an insult-word after a frame', 'El cajero es una rata'],
    ['an English insult-word after a frame', 'The receptionist is a fat cow'],
    ['a British put-down', 'Some numpty sent it to the wrong town'],
    ['an augmentative', 'Menudos pendejazos en soporte'],
    ['a diminutive', 'Sois unos gilipollitas'],
    ['an ableist noun', 'Me atendió una retrasada'],
    ['leetspeak', 'Sois unos 1d10t4s'],
    ['asterisk masking', 'Qué m**rda de servicio'],
    ['English asterisk masking', 'What the f**k is going on'],
    ['a mild oath', "For Christ's sake, pick up"],
    ['a Mexican classist insult', 'Qué nacos los del mostrador'],
  ])('catches %s: %s', (_name, text) => {
    expect(offensive(text)).toBe(true);
  });

  it.each([
    ['the animal without a frame', 'Vimos una rata en el metro y nos acordamos de vuestro anuncio'],
    ['food', 'Los cerdos ibéricos de la dehesa, a la venta'],
    ['"retrasado" as an adjective', 'Mi pedido va retrasado dos días'],
    ['a product code with one letter', 'El Galaxy A55 llegó perfecto'],
    ['digits that are not letters', 'Pedido 4G-2026 confirmado'],
    ['an asterisk that masks nothing profane', 'Precio final* sujeto a condiciones'],
    ['a stray asterisk in a word', 'Oferta válida en t*das las tiendas'],
    ['self-deprecation', 'Qué mensa soy, me equivoqué de talla'],
    ['"Oh my God" (DECISION: not an oath at anyone)', 'Oh my God, the cake is perfect'],
    ['"thank you" before an insult-word', 'Thank you clowns for the amazing party!'],
    ['coronation chicken is food, pig in a blanket too', 'Pigs in blankets are back for Christmas'],
  ])('leaves alone %s: %s', (_name, text) => {
    expect(offensive(text)).toBe(false);
  });

  it('reads leetspeak only when two letters or more come with the digits', () => {
    expect(deLeet('1d10t4')).toBe('idiota');
    expect(deLeet('a55')).toBeNull();
    expect(deLeet('b2b')).toBeNull();
    expect(deLeet('c6')).toBeNull();
  });
});

describe('sarcasm and mockery in a brand reply', () => {
  it.each([
    ['eye-roll emoji', 'Está en la web 🙄'],
    ['laughter + refusal', 'jajaja nope'],
    ['laughter + a mocking word', 'Jajaja qué dramática, es un día de retraso'],
    ['shrug + a curt word', '🤷 ni idea'],
    ['a whole-reply dismissal', 'Vale. Pues vale'],
    ['resignation thrown back', 'Se ha roto, qué le vamos a hacer'],
    ['"don\'t hold your breath"', 'El abono? Espera sentada'],
    ['mock sympathy about a wait', 'Three days, nobody died'],
    ['an English reply ending in "whatever"', 'Read the terms or whatever'],
  ])('catches %s: %s', (_name, text) => {
    expect(sarcastic(text)).toBe(true);
  });

  it.each([
    ['laughing with the customer', 'Jajaja nos pillaste, somos fans también'],
    ['laughter with thanks', 'lol thanks, we needed that'],
    ['emoji in a friendly reply to praise', '😂 nos encanta, gracias por contarlo'],
    ['a sincere "pues vale la pena"', 'Pues vale la pena probar el nuevo menú'],
    ['a sincere "sí, claro" with content', 'Sí, claro, mañana te lo cambiamos'],
    ['"thanks anyway"', 'Sorry we could not find it, thanks anyway'],
    ['horror films', 'Our horror movie night is on Friday'],
    ['laughter in a long friendly reply', 'Jaja, qué buena idea, se la pasamos al equipo de producto'],
    ['"ni modo que" (no way)', 'Ni modo que te quedes sin él, te lo reenviamos'],
  ])('leaves alone %s: %s', (_name, text) => {
    expect(sarcastic(text)).toBe(false);
  });

  it('bare laughter is mockery only when it answers a post that needed a reply', () => {
    expect(sarcastic('jajajaja', 'Me cobrasteis dos veces y nadie contesta')).toBe(true);
    expect(sarcastic('jajajaja', 'Mi gato ha decidido que la caja es suya 😹')).toBe(false);
    expect(sarcastic('jajajaja')).toBe(false);
    expect(sarcastic('🤣', 'The app crashed during checkout')).toBe(true);
  });

  it('knows laughter tokens', () => {
    for (const form of ['jaja', 'jajajaj', 'jejeje', 'hahaha', 'lol', 'lmao', 'xd', 'jsjsjs']) expect(isLaughter(form)).toBe(true);
    for (const form of ['java', 'jefe', 'haha1', 'hola', 'xdd1']) expect(isLaughter(form)).toBe(false);
  });
});

describe('needs-reply without a question mark', () => {
  it.each([
    ['a utility outage told as a fact', 'Cuarto día sin calefacción en el bloque'],
    ['a missing part', 'La bici llegó sin el sillín'],
    ['an unanswered follow-up', 'Mandé las fotos el martes y nada'],
    ['an indirect request', 'Me gustaría saber si abrís el festivo'],
    ['a start cue after a greeting', 'buenas tardes xq no me deja pagar'],
    ['English no-show', 'The plumber you sent never showed up'],
    ['English indirect question', 'Would like to know if the offer is still on'],
    ['an angry emoji alone', 'Pedido 55012 😡'],
    ['a complaint after the resolved part', 'Ya funciona, pero me habéis cobrado dos veces'],
  ])('catches %s: %s', (_name, text) => {
    expect(needs(text)).toBe(true);
  });

  it.each([
    ['a problem told as resolved', 'El wifi fallaba, ya va bien, gracias'],
    ['English problem solved', 'The app was crashing but all sorted now, cheers'],
    ['praise with "llevo"', 'Llevo años comprando aquí, sois los mejores'],
    ['"nothing missing"', 'Parcel here, nothing missing, thank you'],
    ['"quick help"', 'Thanks for the speedy help today'],
    ['never without water', 'Nunca me he quedado sin luz con vosotros'],
    ['"viene sin un rasguño"', 'El sofá vino sin un rasguño, perfecto'],
    ['"me echa una mano"', 'Mi hermano me echa una mano con el montaje, gracias'],
  ])('leaves alone %s: %s', (_name, text) => {
    expect(needs(text)).toBe(false);
  });

  it('an answer with the data the brand asked for needs the next reply (thread)', () => {
    expect(needs('900123456', '¿Nos indicas el número de teléfono de la línea?')).toBe(true);
    expect(needs('pepa@example.org', 'Could you confirm your email address?')).toBe(true);
    expect(detectNeedsReply('Es el 7712', undefined, '¿Nos pasas el número de pedido?')).toMatchObject({
      reason: 'request',
      entryId: 'cue.needs-reply.answers-brand-request',
    });
  });

  it('but not data without a request, thanks after a request, or data in a long post', () => {
    expect(needs('900123456')).toBe(false);
    expect(needs('900123456', '¡Gracias por escribirnos!')).toBe(false);
    expect(needs('Perfecto, gracias', '¿Nos pasas el número de pedido?')).toBe(false);
    expect(needs('Ok', 'Could you confirm your postcode?')).toBe(false);
  });
});

describe('politics and religion in brand posts', () => {
  it.each([
    ['monarchy', 'Desde aquí, viva el Rey'],
    ['seat of government', 'Que alguien en la Moncloa lea esto'],
    ['election call', 'Mañana, salid a votar'],
    ['law under debate', 'Nos oponemos a la ley mordaza'],
    ['ideology word', 'Los chairos otra vez quejándose'],
    ['blessing to the public', 'Dios bendiga a nuestra ciudad'],
    ['camelCase hashtag', 'Este domingo #VotaPP'],
    ['party handle', 'Gracias @PSOE por la visita'],
    ['English election call', 'Get out and vote on Thursday'],
    ['English ideology', 'We will never go woke'],
    ['English monarchy', 'God save the King'],
  ])('catches %s: %s', (_name, text) => {
    expect(political(text)).toBe(true);
  });

  it.each([
    ['blessing to one customer (DECISION)', 'Gracias, Marta, Dios bendiga a tu familia'],
    ['the Madrid station', 'Nueva tienda junto al intercambiador de la Moncloa'],
    ['"una casa blanca"', 'Pintamos una casa blanca preciosa en Cádiz'],
    ['a brand hashtag', 'Llévate dos por uno #VeranoFresco'],
    ['an e-mail domain', 'Escríbenos a ayuda@podemosayudarte.es'],
    ['coronation chicken', 'Coronation chicken sandwich of the week'],
    ['"gracias a Dios" (DECISION: set phrase)', 'Gracias a Dios que abrís los domingos'],
  ])('leaves alone %s: %s', (_name, text) => {
    expect(political(text)).toBe(false);
  });
});

describe('denial and deflection', () => {
  it.each([
    ['records + done', 'Según el sistema, el paquete fue entregado a las 12'],
    ['English records + done', 'Tracking shows it was signed for on Friday'],
    ['"next time" blame', 'La próxima vez lee la ficha del producto'],
    ['English "next time"', 'Next time make sure the address is right'],
    ["blame on the customer's equipment", 'El problema es tu router, no la red'],
    ['franchise deflection', 'Eso es cosa de la franquicia'],
    ['"not us"', 'Talk to the airline, not us'],
    ['flat denial of a charge', 'The charge is valid, sorry'],
  ])('catches %s: %s', (_name, text) => {
    expect(denies(text)).toBe(true);
  });

  it.each([
    ['records + done, but the brand keeps the case', 'Según el sistema fue entregado, pero lo revisamos con la agencia'],
    ['English records + done with ownership', "Our records show it was delivered, we'll look into it with the driver"],
    ['records alone', 'Según nuestros registros, tu reembolso sale mañana'],
    ['"no es un error de tu parte"', 'No es un error de tu parte, lo corregimos ya'],
    ['"if not us"', 'If not us, who? Happy to help'],
    ['a problem in the area, owned', 'El problema es tu zona: hay una avería y ya estamos en ello'],
  ])('leaves alone %s: %s', (_name, text) => {
    expect(denies(text)).toBe(false);
  });
});

describe('promises with a deadline', () => {
  it.each([
    ['end of the day, Spanish', 'Antes de que termine el día te enviamos la factura', '2026-03-10'],
    ['a passive result', 'Queda solucionado antes del viernes', '2026-03-13'],
    ['a technician in the present', 'El técnico pasa el jueves', '2026-03-12'],
    ['an English order subject', 'Your parcel ships on Thursday', '2026-03-12'],
    ['"it\'ll arrive"', "It'll arrive by Friday", '2026-03-13'],
    ['an imperative "expect"', 'Expect your refund within 3 business days', '2026-03-13'],
  ])('resolves %s: %s', (_name, text, deadline) => {
    expect(promised(text)).toBe(deadline);
  });

  it.each([
    ['a negated guarantee', 'No podemos prometerte que llegue el viernes'],
    ['English negated promise', "We can't guarantee it will arrive by Friday"],
    ['"en cuanto" (a condition)', 'En cuanto recibamos el producto te devolvemos el dinero en 48 horas'],
    ['"as soon as" + the customer', "As soon as you send the photo we'll refund you within 24 hours"],
    ['an estimate, "we expect"', 'We expect the parcel on Friday'],
  ])('does not promise on %s: %s', (_name, text) => {
    expect(promised(text)).toBeNull();
  });
});
