import { describe, expect, it } from 'vitest';
import { detectPromise } from '../../src/signals/promise.js';

// Tuesday 10 March 2026, 16:20 in Madrid (UTC+1).
const POSTED = Date.parse('2026-03-10T15:20:00Z');
const MADRID = 60;

describe('detectPromise: deadlines resolved in the brand\'s zone', () => {
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
    expect(detectPromise('Hola Ana: le enviaremos el abono en 48 horas.', POSTED, MADRID)).toEqual({ commitment: 'le enviaremos', when: '48 horas', deadline: '2026-03-12' });
  });
});
