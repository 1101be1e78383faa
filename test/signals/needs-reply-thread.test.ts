/**
 * The thread-aware needs-reply step (issue 9): the timeline hands the detector the brand's latest post
 * before each customer post, so an answer with the data the brand asked for needs the next reply. Posts
 * that do not answer a request, the opener, and thanks after a request are judged as before.
 */
import { describe, expect, it } from 'vitest';
import { corpus, model, type PostSpec } from '../helpers/corpus.js';

const T0 = '2026-10-01T10:00:00Z';
const own = (posts: PostSpec[]) => corpus(posts, { ownChannel: true });

describe('needs-reply in a thread', () => {
  it('an answer with the requested order number is a follow-up that needs the next reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Mi pedido no ha llegado' },
        { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Hola Lucía, ¿nos facilitas el número de pedido?' },
        { id: 'c2', author: 'lucia', at: '+5m', replyTo: 'b1', text: 'Es el 40021937' },
      ]),
    );
    expect(m.timeline.followUps.map((f) => m.ids([f.post])[0])).toEqual(['c2']);
    expect(m.timeline.followUps[0]!.reply).toBe(-1);
  });

  it('the same text without a request before it needs no reply', () => {
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Mi pedido no ha llegado' },
        { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Hola Lucía, ya está en reparto.' },
        { id: 'c2', author: 'lucia', at: '+5m', replyTo: 'b1', text: 'Es el 40021937' },
      ]),
    );
    expect(m.timeline.followUps).toEqual([]);
  });

  it('thanks after a request needs no reply, and one verdict is not reused for another thread', () => {
    const m = model(
      own([
        { id: 'c1', author: 'ana', at: T0, text: 'No tengo internet' },
        { id: 'b1', author: 'Marca', at: '+10m', replyTo: 'c1', text: '¿Nos indicas tu código postal?' },
        { id: 'c2', author: 'ana', at: '+5m', replyTo: 'b1', text: 'Gracias, ya va bien' },
        { id: 'c3', author: 'pablo', at: '+1h', text: 'Sigo sin luz' },
        { id: 'b2', author: 'Marca', at: '+10m', replyTo: 'c3', text: 'Lo sentimos, ya está resuelto en tu zona.' },
        { id: 'c4', author: 'pablo', at: '+5m', replyTo: 'b2', text: '28045' },
        { id: 'c5', author: 'rosa', at: '+1h', text: 'El router no enciende' },
        { id: 'b3', author: 'Marca', at: '+10m', replyTo: 'c5', text: '¿Nos das tu código postal para revisarlo?' },
        { id: 'c6', author: 'rosa', at: '+5m', replyTo: 'b3', text: '28045' },
      ]),
    );
    expect(m.timeline.followUps.map((f) => m.ids([f.post])[0])).toEqual(['c6']);
  });

  it('a custom detector that reads no context still works', () => {
    const calls: number[] = [];
    const m = model(
      own([
        { id: 'c1', author: 'lucia', at: T0, text: 'Hola' },
        { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: '¿Nos facilitas el número de pedido?' },
        { id: 'c2', author: 'lucia', at: '+5m', replyTo: 'b1', text: 'Es el 40021937' },
      ]),
      {
        detect: (text: string, rating?: number) => {
          calls.push(text.length);
          return { needsReply: text === 'Hola' && rating === undefined, reason: 'none' };
        },
      },
    );
    expect(m.timeline.followUps).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
  });
});
