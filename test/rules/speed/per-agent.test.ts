import { describe, expect, it } from 'vitest';
import { detectSignature } from '../../../src/signals/signature.js';
import { audit, corpus, ruleReport, type PostSpec } from '../../helpers/corpus.js';

describe('detectSignature', () => {
  it.each([
    ['@300117 Lo revisamos ahora mismo ^AL', 'AL'],
    ['Te escribimos por MD /AB', 'AB'],
    ['Sorry about that, we are on it *SR', 'SR'],
    ['Thanks for waiting! -Becky', 'Becky'],
    ['Ya está solucionado. Un saludo, Laura', 'Laura'],
    ['Cheers, Sam', 'Sam'],
  ])('%s → %s', (text, agent) => {
    expect(detectSignature(text)).toBe(agent);
  });

  it.each(['Hola, ¿nos escribes por MD?', 'Gracias por avisar', 'The router is a TP-Link', 'Llámanos al 900 100 200'])('no signature in %s', (text) => {
    expect(detectSignature(text)).toBeUndefined();
  });
});

describe('per-agent', () => {
  const thread = (id: string, day: string, reply: string, text: string): PostSpec[] => [
    { id, author: `c-${id}`, at: `2026-10-${day}T10:00:00Z`, text: '¿Dónde está mi pedido?' },
    { id: `${id}-r`, author: 'Marca', at: reply, replyTo: id, text },
  ];

  it('breaks replies, first-reply times and tone issues down by signature; informative, no score', () => {
    const c = corpus(
      [
        ...thread('a', '01', '+10m', 'Sale hoy mismo ^AL'),
        ...thread('b', '02', '+30m', 'Lo miramos ^AL'),
        ...thread('c', '03', '+5h', 'Tranqui tío, ya lo miramos -Becky'),
        ...thread('d', '04', '+20m', 'Sin firma, pero respondido'),
      ],
      { ownChannel: true },
    );
    const report = ruleReport(audit(c), 'per-agent');
    expect(report.score).toBeNull();
    expect(report.weight).toBe(0);
    expect(report.metrics).toMatchObject({
      replies: 4,
      signedReplies: 3,
      agents: [
        { agent: 'AL', replies: 2, firstReplies: 2, medianFirstReplyMinutes: 20, toneIssues: 0 },
        { agent: 'Becky', replies: 1, firstReplies: 1, medianFirstReplyMinutes: 300, toneIssues: 1 },
      ],
    });
  });
});
