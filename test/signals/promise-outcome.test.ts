import { describe, expect, it } from 'vitest';
import { detectBrokenPromiseAdmission, detectStillWaiting } from '../../src/signals/promise-outcome.js';

type Case = [variant: 'es-ES' | 'es-MX' | 'en', text: string, quote: string];
type Guard = [variant: 'es-ES' | 'es-MX' | 'en', text: string];

describe('detectBrokenPromiseAdmission: a brand admits a promise was not kept', () => {
  it.each<Case>([
    ['es-ES', 'Tienes razón, Marta: no cumplimos lo que te dijimos.', 'no cumplimos lo'],
    ['es-ES', 'Sentimos no haberte llamado ayer, ha sido un fallo nuestro.', 'no haberte llamado'],
    ['es-ES', 'Perdona, no te llamamos como quedamos. ¿Te va bien hoy a las 17h?', 'no te llamamos como'],
    ['es-ES', 'Se nos pasó llamarte el martes, mil perdones.', 'Se nos pasó'],
    ['es-ES', 'Se nos olvidó devolverte la llamada, lo sentimos.', 'Se nos olvidó'],
    ['es-ES', 'Vemos que todavía no te hemos llamado, disculpa la espera.', 'no te hemos llamado'],
    ['es-ES', 'Esta vez te fallamos con la cita del técnico.', 'te fallamos'],
    ['es-ES', 'Hemos incumplido el plazo de reembolso y lo sentimos.', 'Hemos incumplido'],
    ['es-ES', 'Sentimos no haberte llamado, ¿te va bien mañana por la tarde?', 'no haberte llamado'],
    ['es-MX', 'Una disculpa por no haberle marcado como quedamos.', 'no haberle marcado'],
    ['es-MX', 'Una disculpa, no te marcamos como te dijimos.', 'no te marcamos como'],
    ['es-MX', 'Una disculpa, no te regresamos la llamada.', 'no te regresamos la llamada'],
    ['es-MX', 'Al final no llegamos a llamarle, disculpe usted.', 'no llegamos a llamarle'],
    ['en', "We still haven't called you back, sorry about that.", "We still haven't"],
    ['en', "Sorry, we didn't manage to call you yesterday.", "we didn't manage to"],
    ['en', 'We failed to get back to you as promised.', 'We failed to'],
    ['en', "Sorry we didn't call you back, that's on us.", "we didn't call"],
    ['en', 'Apologies for not getting back to you sooner.', 'Apologies for not'],
    ['en', 'We dropped the ball on your callback.', 'We dropped the ball'],
  ])('%s: %s', (_variant, text, quote) => {
    expect(detectBrokenPromiseAdmission(text)).toEqual({ quote });
  });

  it.each<Guard>([
    ['es-ES', 'No te preocupes, te llamamos mañana.'],
    ['es-ES', 'Ya te hemos llamado esta mañana, revisa el buzón de voz.'],
    ['es-ES', 'Si no te llamamos como quedamos, escríbenos por aquí.'],
    ['es-ES', 'Si no cumplimos el plazo, el envío te sale gratis.'],
    ['es-ES', '¿No te hemos llamado todavía?'],
    ['es-ES', 'Nunca te fallamos con una entrega, y esta vez tampoco.'],
    ['es-ES', 'No hemos incumplido ningún plazo: el pedido salió el lunes.'],
    ['es-ES', 'Te llamamos ayer, pero no contestaste.'],
    ['es-ES', 'Para que no se nos olvide, te llamamos mañana a primera hora.'],
    ['es-MX', 'No te preocupes, mañana te marcamos sin falta.'],
    ['es-MX', 'Ya le marcamos hace un rato, ¿pudo contestar?'],
    ['es-MX', 'Si no te marcamos como quedamos, mándanos DM.'],
    ['en', "Don't worry, we'll call you tomorrow."],
    ['en', 'We already called you this morning.'],
    ['en', "We still haven't received your documents, could you resend them?"],
    ['en', "We tried twice but we didn't manage to reach you."],
    ['en', "If we didn't call by 5pm, give us a shout."],
    ['en', "We won't let you down this time."],
    ['en', "I see you still haven't received it, let me check."],
  ])('%s guard: %s', (_variant, text) => {
    expect(detectBrokenPromiseAdmission(text)).toBeNull();
  });

  it('ignores @mentions and reads a megabyte post on its start, fast', () => {
    expect(detectBrokenPromiseAdmission('@ana_23 se nos pasó llamarte, perdona')).toEqual({ quote: 'se nos pasó' });
    const text = `Sentimos no haberte llamado. ${'bla '.repeat(250_000)}`;
    const started = performance.now();
    expect(detectBrokenPromiseAdmission(text)).toEqual({ quote: 'no haberte llamado' });
    expect(detectBrokenPromiseAdmission('¿se nos pasó? '.repeat(70_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('detectStillWaiting: a customer says what was promised never came', () => {
  it.each<Case>([
    ['es-ES', 'Nadie me ha llamado todavía y ya es jueves.', 'Nadie me ha llamado'],
    ['es-ES', 'Sigo esperando la llamada que me prometisteis.', 'Sigo esperando'],
    ['es-ES', 'Todavía no me han llamado.', 'no me han llamado'],
    ['es-ES', 'Aún nada, ni llamada ni correo.', 'Aún nada'],
    ['es-ES', 'y la llamada?', 'y la llamada'],
    ['es-ES', '¿Y la llamada que me prometisteis ayer?', 'Y la llamada'],
    ['es-ES', 'Me dijisteis que el martes y no me habéis llamado.', 'no me habéis llamado'],
    ['es-ES', 'Sigo sin noticias del técnico.', 'Sigo sin noticias'],
    ['es-ES', 'Quedaron en llamarme y a día de hoy nada.', 'a día de hoy nada'],
    ['es-MX', 'Nadie me marcó y ya pasaron tres días.', 'Nadie me marcó'],
    ['es-MX', 'Ya es viernes y no me han marcado.', 'no me han marcado'],
    ['es-MX', '¿Qué pasó con la llamada que me iban a hacer?', 'Qué pasó con la llamada'],
    ['es-MX', 'Nadie se comunicó conmigo como me dijeron.', 'Nadie se comunicó'],
    ['en', 'Still waiting for the callback you promised.', 'Still waiting'],
    ['en', 'You said Tuesday and nobody called.', 'nobody called'],
    ['en', 'No one got back to me after the chat.', 'No one got back to me'],
    ['en', 'Sent the form last week and never heard back.', 'never heard back'],
    ['en', 'And the call?', 'And the call'],
    ['en', 'Friday now and still no call.', 'still no call'],
  ])('%s: %s', (_variant, text, quote) => {
    expect(detectStillWaiting(text)).toEqual({ quote });
  });

  it.each<Guard>([
    ['es-ES', 'Sigo esperando con ganas el lanzamiento.'],
    ['es-ES', 'Ya me han llamado, gracias.'],
    ['es-ES', 'Gracias por el correo y la llamada.'],
    ['es-ES', 'Y la llamada fue muy útil, gracias.'],
    ['es-ES', 'Nunca me han llamado tan rápido, ¡gracias!'],
    ['es-ES', 'Sigo sin creerme lo rápido que llegó.'],
    ['es-ES', 'De momento nada más, gracias.'],
    ['es-ES', 'Aún nada mal para ser lunes.'],
    ['es-ES', 'Seguimos esperando con ilusión la nueva colección.'],
    ['es-MX', 'Ya me marcaron, todo bien.'],
    ['es-MX', 'Me marcó un asesor en la mañana y quedó resuelto.'],
    ['es-MX', 'Sigo esperando que saquen la edición de colección.'],
    ['en', 'Still waiting for the launch, so excited!'],
    ['en', 'Someone called me this morning, all sorted.'],
    ['en', 'Nobody called it better than you.'],
    ['en', 'Still nothing beats your coffee.'],
    ['en', 'Thanks for the email and the call.'],
    ['en', 'Got a callback within ten minutes, great service.'],
    ['en', 'Never heard of this brand before, love it.'],
  ])('%s guard: %s', (_variant, text) => {
    expect(detectStillWaiting(text)).toBeNull();
  });

  it('reads a megabyte post on its start, fast', () => {
    const started = performance.now();
    expect(detectStillWaiting(`Sigo esperando. ${'bla '.repeat(250_000)}`)).toEqual({ quote: 'Sigo esperando' });
    // Every match is a question-only entry whose clause ends in a comma: none counts, each looks a bounded way.
    expect(detectStillWaiting('y la llamada, '.repeat(80_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
