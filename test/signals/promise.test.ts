import { describe, expect, it } from 'vitest';
import { detectPromise } from '../../src/signals/promise.js';

// Tuesday 10 March 2026, 16:20 in Madrid (UTC+1).
const POSTED = Date.parse('2026-03-10T15:20:00Z');
const MADRID = 60;

describe("detectPromise: deadlines resolved in the brand's zone", () => {
  it.each([
    ['Te llamamos mañana para confirmarlo.', '2026-03-11'],
    ['Le enviaremos el reembolso en 48 horas.', '2026-03-12'],
    ['Pasado mañana te confirmamos la cita.', '2026-03-12'],
    ['Antes del viernes tendrás el router nuevo.', '2026-03-13'],
    ['Hoy mismo te hacemos el abono.', '2026-03-10'],
    ['En un máximo de 5 días laborables tendrás la tarjeta.', '2026-03-17'],
    ['Te llegará en 3 a 5 días laborables.', '2026-03-17'],
    ['La próxima semana te instalamos la fibra.', '2026-03-22'],
    ['Vamos a devolverte los 35 € antes del día 15.', '2026-03-15'],
    ["We'll get back to you by Friday.", '2026-03-13'],
    ['A specialist will call you within 24 hours.', '2026-03-11'],
    ['We will refund you by end of day.', '2026-03-10'],
    ['En 20 minutos te llama un asesor.', '2026-03-10'],
  ])('%s → %s', (text, deadline) => {
    expect(detectPromise(text, POSTED, MADRID)?.deadline).toBe(deadline);
  });

  it('a future stays a promise after something already done in the same sentence', () => {
    expect(detectPromise('Hemos registrado tu incidencia y te llamaremos mañana.', POSTED, MADRID)?.deadline).toBe('2026-03-11');
  });

  it('"el 31" said in a month without a 31st means the next month that has one', () => {
    expect(detectPromise('Te devolvemos el dinero el 31.', Date.parse('2026-04-10T10:00:00Z'), 120)?.deadline).toBe('2026-05-31');
  });

  it('"mañana" after 23:00 UTC is two days later in Madrid', () => {
    expect(detectPromise('Te llamamos mañana.', Date.parse('2026-03-10T23:30:00Z'), MADRID)?.deadline).toBe('2026-03-12');
  });

  it.each([
    'Lo revisamos y te decimos algo en breve.',
    'Si nos escribes mañana por privado, lo miramos.',
    '¿Quieres que te llamemos mañana?',
    'Ya te enviamos el reembolso el lunes.',
    'Abrimos mañana de 9 a 14.',
    'Recuerda que tienes hasta el viernes para pagar sin recargo.',
    'Te escribimos cuando tengamos novedades.',
    'We will look into it as soon as possible.',
  ])('no promise with a deadline: %s', (text) => {
    expect(detectPromise(text, POSTED, MADRID)).toBeNull();
  });

  it('quotes the commitment and the time words as written', () => {
    expect(detectPromise('Hola Ana: le enviaremos el abono en 48 horas.', POSTED, MADRID)).toEqual({
      commitment: 'le enviaremos',
      when: '48 horas',
      deadline: '2026-03-12',
      dueTime: '16:20',
      dueTimeKind: 'by',
      dueTimeWords: '48 horas',
    });
  });
});

describe('detectPromise: a stated hour is kept as dueTime (local wall time on the deadline day)', () => {
  const read = (text: string, posted = POSTED, offset = MADRID) => {
    const hit = detectPromise(text, posted, offset);
    return hit ? [hit.deadline, hit.dueTime ?? null, hit.dueTimeKind ?? null] : null;
  };

  it.each([
    // es-ES
    ['Te llamamos mañana antes de las 12:00.', '2026-03-11', '12:00', 'by'],
    ['Le llamamos hoy a las 17h.', '2026-03-10', '17:00', 'at'],
    ['Le llamamos mañana a las 17.00 h para cerrar la incidencia.', '2026-03-11', '17:00', 'at'],
    ['Te enviamos la factura mañana antes de las 14.30.', '2026-03-11', '14:30', 'by'],
    ['Mañana a las 9 de la mañana te llama el técnico.', '2026-03-11', '09:00', 'at'],
    ['Te llamamos mañana a las 5 de la tarde.', '2026-03-11', '17:00', 'at'],
    ['Te escribimos mañana a las 10 de la noche, cuando cierre el turno.', '2026-03-11', '22:00', 'at'],
    ['Mañana a mediodía te llamamos.', '2026-03-11', '12:00', 'at'],
    ['Te llamamos mañana antes del mediodía.', '2026-03-11', '12:00', 'by'],
    ['Te escribimos hoy hasta las 20 h.', '2026-03-10', '20:00', 'by'],
    ['Te llamamos el viernes a más tardar a las 12.', '2026-03-13', '12:00', 'by'],
    ['Te llamamos mañana a las cinco y media.', '2026-03-11', '17:30', 'at'],
    ['Te llamamos el lunes a la una.', '2026-03-16', '13:00', 'at'],
    ['Te lo mandamos mañana a las 08:00.', '2026-03-11', '08:00', 'at'],
    ['Esta tarde antes de las 8 te llamamos.', '2026-03-10', '20:00', 'by'],
    ['Te llamamos mañana, antes de las 12.', '2026-03-11', '12:00', 'by'],
    ['Te llamamos mañana entre las 10 y las 12.', '2026-03-11', '12:00', 'by'],
    ['Te llamamos mañana de las 10 a las 12.', '2026-03-11', '12:00', 'by'],
    ['Te llamaremos en 2 horas.', '2026-03-10', '18:20', 'by'],
    // en
    ["We'll call you tomorrow by 5pm.", '2026-03-11', '17:00', 'by'],
    ["We'll call you by 5 p.m. tomorrow.", '2026-03-11', '17:00', 'by'],
    ["We'll email you the label tomorrow by 5:30 pm.", '2026-03-11', '17:30', 'by'],
    ["We'll call you tomorrow before 10am.", '2026-03-11', '10:00', 'by'],
    ["We'll send it over tomorrow by noon.", '2026-03-11', '12:00', 'by'],
    ["We'll get back to you today by 17:00.", '2026-03-10', '17:00', 'by'],
    ["We'll call you tomorrow at 9.", '2026-03-11', '09:00', 'at'],
    ["We'll call you tomorrow at 3 in the afternoon.", '2026-03-11', '15:00', 'at'],
    ["We'll call you at 8 tonight.", '2026-03-10', '20:00', 'at'],
    ["We'll call you tomorrow from 9 to 11.", '2026-03-11', '11:00', 'by'],
    ['A specialist will call you within 3 hours.', '2026-03-10', '19:20', 'by'],
  ])('%s → %s %s (%s)', (text, deadline, dueTime, kind) => {
    expect(read(text)).toEqual([deadline, dueTime, kind]);
  });

  it.each([
    // es-MX (UTC−6): a bare 1–7 is read as p.m.; an hour in a window is the window's end.
    ['Hoy antes de las 6 te mandamos el número de guía.', '2026-03-10', '18:00', 'by'],
    ['Mañana te marcamos a las 4.', '2026-03-11', '16:00', 'at'],
    ['El técnico pasará el jueves entre 9 y 14 h.', '2026-03-12', '14:00', 'by'],
    ['Ahorita mismo te marcamos, antes de las 13:00.', '2026-03-10', '13:00', 'by'],
  ])('es-MX: %s → %s %s (%s)', (text, deadline, dueTime, kind) => {
    expect(read(text, Date.parse('2026-03-10T16:00:00Z'), -360)).toEqual([deadline, dueTime, kind]);
  });

  it("hours from now are postedAt + N h, rounded up to the minute, in the post's offset (and across midnight)", () => {
    expect(read('Te llamamos en 2 horas.', Date.parse('2026-03-10T15:20:30Z'))).toEqual(['2026-03-10', '18:21', 'by']);
    expect(read('We will call you back within 3 hours.', Date.parse('2026-03-11T02:30:00Z'), -240)).toEqual(['2026-03-11', '01:30', 'by']);
    expect(read('En 20 minutos te marca un asesor.', Date.parse('2026-03-11T05:50:00Z'), -360)).toEqual(['2026-03-11', '00:10', 'by']);
  });

  it('"entre 2 y 3 h" is an amount (up to 3 hours from now), "entre 9 y 14 h" a window', () => {
    expect(read('Te llamaremos hoy entre 2 y 3 h.')).toEqual(['2026-03-10', '19:20', 'by']);
    expect(read('Te llamaremos hoy entre 9 y 14 h.')).toEqual(['2026-03-10', '14:00', 'by']);
  });

  it('business hours give a day, not a wall time', () => {
    expect(read('Le enviaremos el abono en 48 horas laborables.')).toEqual(['2026-03-12', null, null]);
  });

  it('quotes the hour as written', () => {
    expect(detectPromise('Te llamamos mañana antes de las 12:00.', POSTED, MADRID)?.dueTimeWords).toBe('antes de las 12:00');
    expect(detectPromise("We'll call you by 5 p.m. tomorrow.", POSTED, MADRID)?.dueTimeWords).toBe('by 5 p.m.');
    expect(detectPromise('Te llamamos mañana entre las 10 y las 12.', POSTED, MADRID)?.dueTimeWords).toBe('entre las 10 y las 12');
  });

  it.each([
    // An hour of another clause (opening hours) does not bind the promise: the deadline stays, no dueTime.
    ['Te llamamos mañana, abrimos a las 9.', '2026-03-11'],
    ['Mañana abrimos a las 9 y te llamamos.', '2026-03-11'],
    ['Te llamamos mañana; la tienda cierra a las 20 h.', '2026-03-11'],
    // A start or an approximate hour is no bound.
    ['Te llamamos mañana a partir de las 10.', '2026-03-11'],
    ['Te llamamos mañana sobre las 10.', '2026-03-11'],
    ["We'll call you tomorrow after 3pm.", '2026-03-11'],
    ["We'll call you tomorrow around 10.", '2026-03-11'],
    // Midnight is the end of the day; numbers that are not hours stay what they were.
    ["We'll refund you by midnight today.", '2026-03-10'],
    ['Te escribimos mañana a las 12 de la noche.', '2026-03-11'],
    ['Te devolvemos 14.30 € mañana.', '2026-03-11'],
    ['Mañana te enviamos el pedido a las dos direcciones.', '2026-03-11'],
    ["Tomorrow we'll send the parcel to 3 addresses.", '2026-03-11'],
    ["We'll refund you tomorrow by 5 euros.", '2026-03-11'],
    ['Te lo enviamos antes del 15.', '2026-03-15'],
    ['Te llegará en 3 a 5 días laborables.', '2026-03-17'],
    ['Te llega entre 3 y 5 días laborables.', '2026-03-17'],
  ])('no dueTime: %s → %s', (text, deadline) => {
    expect(read(text)).toEqual([deadline, null, null]);
  });

  it.each([
    'Nuestro horario es de 9 a 18 h.',
    'Hoy abrimos hasta las 20:00.',
    '¿Te llamamos mañana a las 10?',
    'Si nos escribes antes de las 14:00, te llega mañana.',
  ])('an hour does not make a promise: %s', (text) => {
    expect(detectPromise(text, POSTED, MADRID)).toBeNull();
  });

  it('"a las 17h" is a time of day, not an amount of 17 hours', () => {
    // Before, "17h" was read like "24h" and pushed the deadline to the next day.
    expect(detectPromise('Le llamamos hoy a las 17h.', POSTED, MADRID)?.deadline).toBe('2026-03-10');
  });

  it.each([
    ['clock times', 'Te llamamos mañana a las 17:00. '.repeat(50_000)],
    ['one endless sentence of hours', `Te llamamos mañana, ${'a las 5 y las 6 entre las 7 '.repeat(20_000)}`],
    ['dots between digits', `Te llamamos mañana ${'1.2.'.repeat(100_000)}`],
    ['p.m. without end', `We'll call you tomorrow ${'5 p.m. '.repeat(50_000)}`],
  ])('stays linear on %s', (_name, text) => {
    const started = performance.now();
    detectPromise(text, POSTED, MADRID);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
