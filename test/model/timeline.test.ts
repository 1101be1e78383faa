import { describe, it, expect } from 'vitest';
import { STATUS_ANSWERED, STATUS_IGNORED, STATUS_NOT_NEEDED, STATUS_PENDING, templateKey } from '../../src/model/timeline.js';
import { corpus, markerDetector, model, ms, type PostSpec } from '../helpers/corpus.js';

const T0 = '2026-10-01T10:00:00Z';
const MIN = 60_000;
const HOUR = 3_600_000;

const own = (posts: PostSpec[]) => corpus(posts, { ownChannel: true });

describe('status', () => {
  it('answered: a question with a human brand reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
        { id: 'b1', author: 'Marca', at: '+45m', replyTo: 'c1', text: 'Hola Lucía, sale hoy.' },
      ]),
    );
    expect(m.timeline.status[0]).toBe(STATUS_ANSWERED);
    expect(m.timeline.firstReply[0]).toBe(m.at('b1'));
    expect(m.timeline.firstResponseMs[0]).toBe(45 * MIN);
    expect(m.timeline.trigger[0]).toBe(m.at('c1'));
    expect(m.timeline.triggerReason[0]).toBe('question');
    expect(m.timeline.triggerCue[0]).toBe('¿Dónde está mi pedido?');
  });

  it('ignored: a complaint nobody answered, older than the grace window', () => {
    const m = model(own([{ id: 'c1', author: 'lucia', at: T0, text: 'Mi pedido no ha llegado' }]), { asOf: '2026-10-10T00:00:00Z' });
    expect(m.timeline.status[0]).toBe(STATUS_IGNORED);
    expect(m.timeline.firstReply[0]).toBe(-1);
    expect(m.timeline.firstResponseMs[0]).toBeNaN();
    expect(m.timeline.triggerReason[0]).toBe('complaint');
    expect(m.timeline.triggerCue[0]).toBe('no ha llegado');
  });

  it('pending: unanswered and opened less than the grace window before now', () => {
    const m = model(own([{ id: 'c1', author: 'lucia', at: T0, text: 'Mi pedido no ha llegado' }]), { asOf: '2026-10-02T10:00:00Z' });
    expect(m.timeline.status[0]).toBe(STATUS_PENDING);
  });

  it.each([
    ['1 ms inside the window', 72 * HOUR - 1, STATUS_PENDING],
    ['exactly at the 72 h boundary', 72 * HOUR, STATUS_IGNORED],
    ['1 ms past the window', 72 * HOUR + 1, STATUS_IGNORED],
    ['at the same instant', 0, STATUS_PENDING],
  ])('grace window: %s', (_label, age, expected) => {
    const m = model(own([{ id: 'c1', author: 'lucia', at: T0, text: '¿Hola? ¿Alguien?' }]), { asOf: new Date(ms(T0) + age).toISOString() });
    expect(m.timeline.status[0]).toBe(expected);
  });

  // Regression (fixed): pending is decided on the opener's age, not on the age of the post that made the conversation
  // need a reply. A greeting 5 days ago followed by a question 1 hour before "now" is counted as ignored,
  // although nobody could have answered it yet (peers.md §2.1 "Censoring": the denominator must be the
  // items that could have been answered). Input: c1 'Buenas' at T0, c2 '¿Tenéis la talla 42?' 5 d later, asOf 1 h after c2.
  it('pending follows the age of the post that needs the reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Buenas' },
        { id: 'c2', author: 'lucia', at: '+5d', replyTo: 'c1', text: '¿Tenéis la talla 42?' },
      ]),
      { asOf: new Date(ms(T0) + 5 * 24 * HOUR + HOUR).toISOString() },
    );
    expect(m.timeline.trigger[0]).toBe(m.at('c2'));
    expect(m.timeline.status[0]).toBe(STATUS_PENDING);
  });

  it('the grace window is configurable', () => {
    const c = own([{ id: 'c1', author: 'lucia', at: T0, text: '¿Hola?' }]);
    expect(model(c, { asOf: '2026-10-02T10:00:00Z', graceHours: 12 }).timeline.status[0]).toBe(STATUS_IGNORED);
    expect(model(c, { asOf: '2026-10-02T10:00:00Z', graceHours: 0 }).timeline.status[0]).toBe(STATUS_IGNORED);
  });

  it.each([['¡Muchas gracias!'], ['👍👍'], ['ok'], ['Buenos días'], ['Me encanta la nueva tienda']])('not needed: %j, answered or not', (text) => {
    const unanswered = model(own([{ id: 'c1', author: 'lucia', at: T0, text }]));
    expect(unanswered.timeline.status[0]).toBe(STATUS_NOT_NEEDED);
    expect(unanswered.timeline.trigger[0]).toBe(-1);
    expect(unanswered.timeline.triggerReason[0]).toBe('none');
    const answered = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text },
        { id: 'b1', author: 'Marca', at: '+5m', replyTo: 'c1', text: '¡Gracias a ti!' },
      ]),
    );
    expect(answered.timeline.status[0]).toBe(STATUS_NOT_NEEDED);
    // The reply is still recorded: speed rules only look at conversations that needed one.
    expect(answered.timeline.firstReply[0]).toBe(answered.at('b1'));
  });

  it('a later customer post before the first reply can make the conversation need one', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Buenas tardes' },
        { id: 'c2', author: 'lucia', at: '+2m', replyTo: 'c1', text: 'quiero cancelar mi suscripción' },
        { id: 'b1', author: 'Marca', at: '+1h', replyTo: 'c2', text: 'Hola Lucía, te escribimos por DM.' },
      ]),
    );
    expect(m.timeline.status[0]).toBe(STATUS_ANSWERED);
    expect(m.timeline.trigger[0]).toBe(m.at('c2'));
    expect(m.timeline.triggerReason[0]).toBe('request');
    expect(m.timeline.triggerCue[0]).toBe('quiero cancelar');
  });

  it('a customer post after the first reply does not change the status (it is a follow-up)', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Buenas tardes' },
        { id: 'b1', author: 'Marca', at: '+5m', replyTo: 'c1', text: '¡Hola Lucía!' },
        { id: 'c2', author: 'lucia', at: '+2m', replyTo: 'b1', text: '¿Cuándo abrís la tienda de Gràcia?' },
      ]),
    );
    expect(m.timeline.status[0]).toBe(STATUS_NOT_NEEDED);
    expect(m.timeline.followUps).toHaveLength(1);
  });

  it('a low-star review always needs a reply (the detector gets the rating)', () => {
    const m = model(own([{ id: 'r1', author: 'pepe', at: T0, text: 'Todo bien', rating: 2 }]));
    expect(m.timeline.status[0]).toBe(STATUS_IGNORED);
    expect(m.timeline.triggerReason[0]).toBe('low-rating');
    expect(m.timeline.triggerCue[0]).toBe('2★');
  });

  it('a customer reply by somebody else than the opener counts too', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Qué bonita la tienda nueva' },
        { id: 'c2', author: 'pepe', at: '+10m', replyTo: 'c1', text: '¿A qué hora abre?' },
      ]),
    );
    expect(m.timeline.trigger[0]).toBe(m.at('c2'));
    expect(m.timeline.status[0]).toBe(STATUS_IGNORED);
  });

  it("another company's reply does not answer the brand's conversation", () => {
    const m = model(
      corpus([
        { id: 'c1', author: 'lucia', at: T0, text: '@Marca ¿mi pedido?', role: 'customer' },
        { id: 'o1', author: 'OtraMarca', at: '+5m', replyTo: 'c1', text: 'Prueba con nosotros', role: 'brand' },
      ]),
    );
    expect(m.timeline.status[0]).toBe(STATUS_IGNORED);
  });
});

describe('first response time', () => {
  it('is measured from the earliest customer message of a burst, not from the one the brand answered', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Hola' },
        { id: 'c2', author: 'lucia', at: '+20m', replyTo: 'c1', text: '¿Hay alguien? Mi pedido no llega' },
        { id: 'c3', author: 'lucia', at: '+10m', replyTo: 'c2', text: '¿¿Hola??' },
        { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c3', text: 'Perdona la espera, Lucía.' },
      ]),
    );
    expect(m.timeline.firstReply[0]).toBe(m.at('b1'));
    expect(m.timeline.firstResponseMs[0]).toBe(60 * MIN);
  });

  it('a single fast reply is a human reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Abrís el domingo?' },
        { id: 'b1', author: 'Marca', at: '+5s', replyTo: 'c1', text: 'Sí, de 10 a 14 h.' },
      ]),
    );
    expect(m.timeline.automated[m.at('b1')]).toBe(0);
    expect(m.timeline.firstResponseMs[0]).toBe(5000);
    expect(m.timeline.status[0]).toBe(STATUS_ANSWERED);
  });

  it('automated replies (same text twice within 30 s) are not replies; the later human reply stops the clock', () => {
    const auto = 'Gracias por escribirnos. Te responderemos lo antes posible.';
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
        { id: 'a1', author: 'Marca', at: '+3s', replyTo: 'c1', text: auto },
        { id: 'b1', author: 'Marca', at: '+2h', replyTo: 'c1', text: 'Hola Lucía, sale mañana.' },
        { id: 'c2', author: 'pepe', at: '+1h', text: 'Quiero darme de baja' },
        { id: 'a2', author: 'Marca', at: '+30s', replyTo: 'c2', text: auto },
      ]),
    );
    const c1 = m.conversationOf('c1');
    const c2 = m.conversationOf('c2');
    expect(m.timeline.automated[m.at('a1')]).toBe(1);
    expect(m.timeline.automated[m.at('a2')]).toBe(1);
    expect(m.timeline.automated[m.at('b1')]).toBe(0);
    expect(m.timeline.firstReply[c1]).toBe(m.at('b1'));
    expect(m.timeline.firstResponseMs[c1]).toBe(2 * HOUR + 3000);
    expect(m.timeline.automatedReplies[c1]).toBe(1);
    expect(m.timeline.firstReply[c2]).toBe(-1);
    expect(m.timeline.status[c2]).toBe(STATUS_IGNORED);
    expect(m.timeline.automatedReplies[c2]).toBe(1);
  });

  it('auto-reply templates match ignoring @mentions, numbers and case', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
        { id: 'a1', author: 'Marca', at: '+2s', replyTo: 'c1', text: '@lucia Tu caso es el 4411. Te contestamos pronto.' },
        { id: 'c2', author: 'pepe', at: '+1h', text: '¿Mi factura?' },
        { id: 'a2', author: 'Marca', at: '+2s', replyTo: 'c2', text: '@Pepe_88 tu caso es el 97. te contestamos pronto.' },
      ]),
    );
    expect(m.timeline.automated[m.at('a1')]).toBe(1);
    expect(m.timeline.automated[m.at('a2')]).toBe(1);
  });

  it('the same text twice but slower than the window is human', () => {
    const text = 'Hola, te escribimos por DM.';
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
        { id: 'b1', author: 'Marca', at: '+31s', replyTo: 'c1', text },
        { id: 'c2', author: 'pepe', at: '+1h', text: '¿Mi factura?' },
        { id: 'b2', author: 'Marca', at: '+10m', replyTo: 'c2', text },
      ]),
    );
    expect(m.timeline.automated[m.at('b1')]).toBe(0);
    expect(m.timeline.automated[m.at('b2')]).toBe(0);
    expect(m.timeline.firstResponseMs[m.conversationOf('c1')]).toBe(31_000);
  });

  it('the window is inclusive (exactly 30 s) and configurable', () => {
    const text = 'Recibido. Un agente te atenderá en breve.';
    const c = own([
      { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
      { id: 'a1', author: 'Marca', at: '+30s', replyTo: 'c1', text },
      { id: 'c2', author: 'pepe', at: '+1h', text: '¿Mi factura?' },
      { id: 'a2', author: 'Marca', at: '+30s', replyTo: 'c2', text },
    ]);
    expect(model(c).timeline.automated[1]).toBe(1);
    expect(model(c, { autoReplySeconds: 29 }).timeline.automated[1]).toBe(0);
  });

  it('automated replies after the first human reply are counted too', () => {
    const auto = 'Gracias por tu mensaje, te respondemos enseguida.';
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
        { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Sale hoy, Lucía.' },
        { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¿Y el número de seguimiento?' },
        { id: 'a1', author: 'Marca', at: '+5s', replyTo: 'c2', text: auto },
        { id: 'c3', author: 'lucia', at: '+1h', replyTo: 'a1', text: '¿Hola?' },
        { id: 'a2', author: 'Marca', at: '+5s', replyTo: 'c3', text: auto },
      ]),
    );
    expect(m.timeline.automatedReplies[0]).toBe(2);
    expect(m.timeline.firstResponseMs[0]).toBe(20 * MIN);
    // The automated replies do not answer the follow-up either.
    expect(m.timeline.followUps).toEqual([expect.objectContaining({ post: m.at('c2'), reply: -1 })]);
  });

  it('a brand reply dated before the opener gives no first-response time', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
        { id: 'b1', author: 'Marca', at: '-15m', replyTo: 'c1', text: 'Sale hoy.' },
      ]),
    );
    expect(m.timeline.firstResponseMs[0]).toBeNaN();
  });

  // Regression (fixed): when the brand reply is dated before the opener, the member loop meets the brand post first and
  // stops, so the customer's question is never examined: the conversation is "not needed" (dropped from
  // the reply-rate denominator) and the opener itself is then listed as an unanswered follow-up.
  // Input: c1 '¿Dónde está mi pedido?' at 10:00, b1 (Marca, replyTo c1) at 09:45.
  it('a misdated brand reply still leaves the conversation answered, with no follow-up', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
        { id: 'b1', author: 'Marca', at: '-15m', replyTo: 'c1', text: 'Sale hoy.' },
      ]),
    );
    expect(m.timeline.status[0]).toBe(STATUS_ANSWERED);
    expect(m.timeline.followUps).toEqual([]);
  });

  it('a brand post in the thread before the customer opener (an announcement) is not a reply', () => {
    const m = model(
      corpus([
        { id: 'a1', author: 'Marca', at: T0, text: 'Hoy cerramos a las 18 h' },
        { id: 'c1', author: 'lucia', at: '+1h', replyTo: 'a1', text: '¿Y mañana?' },
      ]),
    );
    expect(m.timeline.firstReply[0]).toBe(-1);
    expect(m.timeline.status[0]).toBe(STATUS_IGNORED);
  });
});

describe('follow-ups', () => {
  const base: PostSpec[] = [
    { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
    { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Sale hoy, Lucía.' },
  ];

  it('a burst of customer posts after the first reply is one turn, timed from its first post', () => {
    const m = model(
      own([
        ...base,
        { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¿Me pasáis el número de seguimiento?' },
        { id: 'c3', author: 'lucia', at: '+10m', replyTo: 'c2', text: '¿Hola?' },
        { id: 'c4', author: 'lucia', at: '+10m', replyTo: 'c3', text: 'Sigo esperando' },
        { id: 'b2', author: 'Marca', at: '+40m', replyTo: 'c4', text: 'Es el ES123456.' },
      ]),
    );
    expect(m.timeline.followUps).toEqual([{ conversation: 0, post: m.at('c2'), reply: m.at('b2'), ms: 60 * MIN, pending: false }]);
  });

  it('a customer post that needs no reply does not open a turn', () => {
    const m = model(own([...base, { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¡Genial, gracias!' }]));
    expect(m.timeline.followUps).toEqual([]);
  });

  it('a thanks first and a question later: the turn starts at the question', () => {
    const m = model(
      own([
        ...base,
        { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: 'Gracias' },
        { id: 'c3', author: 'lucia', at: '+1h', replyTo: 'c2', text: 'Perdón, ¿llega antes del viernes?' },
        { id: 'b2', author: 'Marca', at: '+15m', replyTo: 'c3', text: 'Sí' },
      ]),
    );
    expect(m.timeline.followUps).toEqual([{ conversation: 0, post: m.at('c3'), reply: m.at('b2'), ms: 15 * MIN, pending: false }]);
  });

  it('answered, unanswered and pending turns', () => {
    const c = own([
      ...base,
      { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¿Y la factura?' },
      { id: 'b2', author: 'Marca', at: '+2h', replyTo: 'c2', text: 'Te la enviamos por correo.' },
      { id: 'c3', author: 'lucia', at: '+1d', replyTo: 'b2', text: 'No me ha llegado el correo' },
    ]);
    const t3 = ms(T0) + 30 * MIN + HOUR + 2 * HOUR + 24 * HOUR;
    const old = model(c, { asOf: new Date(t3 + 72 * HOUR).toISOString() });
    expect(old.timeline.followUps).toEqual([
      { conversation: 0, post: old.at('c2'), reply: old.at('b2'), ms: 2 * HOUR, pending: false },
      { conversation: 0, post: old.at('c3'), reply: -1, ms: NaN, pending: false },
    ]);
    const recent = model(c, { asOf: new Date(t3 + 72 * HOUR - 1).toISOString() });
    expect(recent.timeline.followUps[1]).toEqual({ conversation: 0, post: recent.at('c3'), reply: -1, ms: NaN, pending: true });
  });

  it('several turns in one conversation are each timed', () => {
    const m = model(
      own([
        ...base,
        { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¿Y la factura?' },
        { id: 'b2', author: 'Marca', at: '+10m', replyTo: 'c2', text: 'Enviada.' },
        { id: 'c3', author: 'lucia', at: '+1h', replyTo: 'b2', text: 'No me deja descargarla' },
        { id: 'b3', author: 'Marca', at: '+3h', replyTo: 'c3', text: 'Te la reenviamos.' },
      ]),
    );
    expect(m.timeline.followUps.map((f) => [m.corpus.table.id(f.post), m.corpus.table.id(f.reply), f.ms])).toEqual([
      ['c2', 'b2', 10 * MIN],
      ['c3', 'b3', 3 * HOUR],
    ]);
  });

  it('two brand posts in a row close one turn only', () => {
    const m = model(
      own([
        ...base,
        { id: 'b1b', author: 'Marca', at: '+1m', replyTo: 'b1', text: 'Y te enviamos el número de seguimiento.' },
        { id: 'c2', author: 'lucia', at: '+1h', replyTo: 'b1b', text: '¿Cuál es?' },
        { id: 'b2', author: 'Marca', at: '+10m', replyTo: 'c2', text: 'ES123.' },
        { id: 'b3', author: 'Marca', at: '+10m', replyTo: 'c2', text: '¿Algo más?' },
      ]),
    );
    expect(m.timeline.followUps).toHaveLength(1);
    expect(m.timeline.followUps[0]!.reply).toBe(m.at('b2'));
  });

  it('no follow-ups without a first human reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
        { id: 'c2', author: 'lucia', at: '+1d', replyTo: 'c1', text: '¿Hola? Sigo esperando' },
      ]),
    );
    expect(m.timeline.followUps).toEqual([]);
  });

  it('uses the injected detector', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Q: pedido' },
        { id: 'b1', author: 'Marca', at: '+10m', replyTo: 'c1', text: 'ok' },
        { id: 'c2', author: 'lucia', at: '+10m', replyTo: 'b1', text: '¿Esto es una pregunta?' },
        { id: 'c3', author: 'lucia', at: '+10m', replyTo: 'c2', text: 'Q: factura' },
      ]),
      { detect: markerDetector },
    );
    expect(m.timeline.status[0]).toBe(STATUS_ANSWERED);
    expect(m.timeline.followUps.map((f) => m.corpus.table.id(f.post))).toEqual(['c3']);
  });
});

describe('templateKey', () => {
  it('drops mentions, masks numbers, squeezes spaces and lowercases', () => {
    expect(templateKey('  @Lucia_1 Tu caso   es el 4411. ')).toBe('tu caso es el #.');
    expect(templateKey('@pepe tu caso es el 7.')).toBe('tu caso es el #.');
  });
});

describe('cached needs-reply verdicts', () => {
  it("never quote another customer's @mention in the cue", async () => {
    const { corpus: build, model: run } = await import('../helpers/corpus.js');
    const { detectNeedsReply } = await import('../../src/signals/needs-reply.js');
    const m = run(
      build(
        [
          { id: 'a', author: 'ana', at: '2026-10-01T10:00:00Z', text: '@MarcaES ¿dónde está mi pedido?' },
          { id: 'b', author: 'luis', at: '2026-10-02T10:00:00Z', text: '@MarcaAyuda ¿dónde está mi pedido?' },
        ],
        { ownChannel: true },
      ),
      { detect: detectNeedsReply },
    );
    expect([...m.timeline.triggerCue]).toEqual(['¿dónde está mi pedido?', '¿dónde está mi pedido?']);
  });
});
