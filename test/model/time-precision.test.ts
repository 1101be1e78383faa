/**
 * Durations need times to the minute: a review dated by its day, or an owner response the page shows
 * without a date, still counts as answered but is never timed (and never looks automated).
 */
import { describe, expect, it } from 'vitest';
import { corpus, rawAudit } from '../helpers/corpus.js';

const REVIEW = 'Habitación sucia y nadie en recepción. 2 estrellas.';

describe('time precision and response times', () => {
  it('an undated owner response answers the review without a response time', () => {
    const result = rawAudit(
      corpus(
        [
          { id: 'r1', author: 'ana', at: '2026-10-01T00:00:00Z', text: REVIEW, rating: 2, timePrecision: 'day' },
          { id: 'r1-reply', author: 'Marca', at: '2026-10-01T00:00:00Z', replyTo: 'r1', text: 'Sentimos lo ocurrido, Ana.', timePrecision: 'unknown' },
        ],
        { ownChannel: true },
      ),
    );
    expect(result.metrics.answered).toBe(1);
    expect(result.metrics.repliedTo).toBe(1);
    expect(result.metrics.firstResponseMinutes.count).toBe(0);
    const frt = result.categories.speed.rules.find((r) => r.id === 'first-response-time')!;
    expect(frt.score).toBeNull();
    expect(frt.reason).toEqual({ code: 'reply-times-imprecise', data: { n: 1 } });
  });

  it('identical undated responses are not taken for an automated template', () => {
    const posts = [1, 2, 3].flatMap((k) => [
      { id: `r${k}`, author: `cliente${k}`, at: `2026-10-0${k}T00:00:00Z`, text: REVIEW, rating: 2, timePrecision: 'day' as const },
      {
        id: `r${k}-reply`,
        author: 'Marca',
        at: `2026-10-0${k}T00:00:00Z`,
        replyTo: `r${k}`,
        text: 'Gracias por tu opinión.',
        timePrecision: 'unknown' as const,
      },
    ]);
    const result = rawAudit(corpus(posts, { ownChannel: true }));
    expect(result.metrics.automatedReplies).toBe(0);
    expect(result.metrics.answered).toBe(3);
  });

  it('times to the minute are timed as before', () => {
    const result = rawAudit(
      corpus(
        [
          { id: 'c1', author: 'ana', at: '2026-10-01T09:00:00Z', text: '¿Dónde está mi pedido?', timePrecision: 'minute' },
          { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Hola Ana, sale hoy.' },
        ],
        { ownChannel: true },
      ),
    );
    expect(result.metrics.firstResponseMinutes.count).toBe(1);
    expect(result.metrics.firstResponseMinutes.median).toBe(30);
  });
});
