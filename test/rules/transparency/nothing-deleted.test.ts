import { describe, it, expect } from 'vitest';
import { nothingDeleted } from '../../../src/rules/transparency/nothing-deleted.js';
import type { Corpus } from '../../../src/corpus/corpus.js';
import { audit, BRAND, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';
import { FALSE_FRIENDS, oneReplyEach, threads } from '../../helpers/threads.js';
import { ingest } from '../../ingest/helpers.js';

const RULE = 'nothing-deleted';

/**
 * The brand deleted one of its replies (t1) and two customer posts were hidden: an opening complaint (t2)
 * and a follow-up (t3). 100 − 25 × 1 − 10 × 2 = 55.
 */
const HAND: PostSpec[] = threads([
  {
    id: 't1',
    text: 'Quiero darme de baja ya',
    replies: [{ text: 'Mira, tío, ya te lo hemos explicado', deleted: true }, 'Hola, te tramitamos la baja hoy mismo'],
  },
  { id: 't2', text: 'Me cobrasteis dos veces y nadie responde. Sois unos ladrones', deleted: true, replies: ['Hola, lo revisamos ahora mismo'] },
  {
    id: 't3',
    text: 'Where is my order?',
    replies: ['Your order is on its way and should arrive tomorrow', { text: 'It never arrived, you are a joke', customer: true, deleted: true }],
  },
  { id: 't4', replies: ['Hola, tu pedido sale hoy y te llega el lunes sin falta'] },
]);

describe('nothing-deleted', () => {
  it('score = max(0, 100 − 25 × deleted brand posts − 10 × deleted or hidden customer posts)', () => {
    const { result } = runRuleDirect(nothingDeleted, corpus(HAND, { ownChannel: true }));
    expect(result.score).toBe(55);
    expect(result.metrics).toEqual({ deletedBrandPosts: 1, hiddenCustomerPosts: 2, deleteRequests: 0 });
    expect(result.findingCount).toBe(3);
  });

  it("findings: the brand's deletions first (error), then hidden customer posts (warning), with rank", () => {
    const { result } = runRuleDirect(nothingDeleted, corpus(HAND, { ownChannel: true }));
    expect(result.findings.map((f) => [f.messageId, f.threadId, f.postIds, f.severity, f.rank])).toEqual([
      ['brandDeleted', 't1', ['t1-r1'], 'error', 1],
      ['customerHidden', 't2', ['t2'], 'warning', 2],
      ['customerHidden', 't3', ['t3-c1'], 'warning', 3],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      'The brand deleted its own post',
      "A customer's post was deleted or hidden",
      "A customer's post was deleted or hidden",
    ]);
  });

  it('no input records deletions → null with a reason, whatever the brand said', () => {
    const posts = threads([{ id: 't1', text: 'Sois unos inútiles', replies: ['Mira, tío, ya te lo hemos explicado'] }]);
    const { result } = runRuleDirect(nothingDeleted, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: null, notApplicable: 'no input records deleted or hidden posts', findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ deletedBrandPosts: 0, hiddenCustomerPosts: 0, deleteRequests: 0 });
  });

  it("an input that records deletions and has none → 100 (false friends and customers' insults change nothing)", () => {
    const posts = [...oneReplyEach(FALSE_FRIENDS, { customer: 'Sois unos hijos de puta, votad a Vox' })];
    const { result } = runRuleDirect(nothingDeleted, corpus(posts, { ownChannel: true, tracksDeletion: true }));
    expect(result).toMatchObject({ score: 100, findings: [], findingCount: 0, metrics: { deletedBrandPosts: 0, hiddenCustomerPosts: 0 } });
  });

  it('the score never goes below 0', () => {
    const posts = oneReplyEach(['Uno', 'Dos', 'Tres', 'Cuatro']).map((p) => (p.author === BRAND ? { ...p, deleted: true } : p));
    const { result } = runRuleDirect(nothingDeleted, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toEqual({ deletedBrandPosts: 4, hiddenCustomerPosts: 0, deleteRequests: 0 });
    expect(result.score).toBe(0);
  });

  it("a deleted brand announcement counts; a deleted customer post outside the brand's conversations does not", () => {
    const posts: PostSpec[] = [
      { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '@Marca ¿dónde está mi pedido?' },
      { id: 'b1', author: BRAND, at: '+30m', replyTo: 'c1', text: 'Hola Lucía, sale hoy mismo.' },
      { id: 'a1', author: BRAND, at: '2026-10-02T10:00:00Z', text: '¡¡¡OFERTAS LOCAS ESTE FINDE!!!', deleted: true },
      { id: 'x1', author: 'pepe', at: '2026-10-03T10:00:00Z', text: 'Qué calor hace hoy en Sevilla', deleted: true }, // not addressed to the brand
    ];
    const { result } = runRuleDirect(nothingDeleted, corpus(posts));
    expect(result.metrics).toEqual({ deletedBrandPosts: 1, hiddenCustomerPosts: 0, deleteRequests: 0 });
    expect(result.score).toBe(75);
    expect(result.findings.map((f) => [f.threadId, f.postIds, f.severity])).toEqual([['a1', ['a1'], 'error']]);
  });

  describe('from a generic CSV', () => {
    const HEADER = 'id,author,created_at,text,in_reply_to';
    const ROWS = [
      ['1', 'lucia', '2026-10-01T10:00:00Z', '¿Dónde está mi pedido?', ''],
      ['2', 'Marca', '2026-10-01T10:30:00Z', 'Sale hoy mismo', '1'],
      ['3', 'pepe', '2026-10-02T10:00:00Z', 'Sois unos estafadores', ''],
      ['4', 'Marca', '2026-10-02T10:30:00Z', '"Hola Pepe, lo revisamos"', '3'],
    ];
    const csv = (deleted: string[] | undefined): string =>
      [deleted ? `${HEADER},deleted` : HEADER, ...ROWS.map((row, k) => (deleted ? [...row, deleted[k]!] : row).join(','))].join('\n');

    async function corpusOf(text: string): Promise<Corpus> {
      return (await ingest('export.csv', text, { adapterId: 'generic-csv' })).corpus;
    }

    it('a deleted column makes the rule score: one hidden customer post → 90', async () => {
      const result = audit(await corpusOf(csv(['false', '', 'true', 'false'])));
      expect(ruleReport(result, RULE)).toMatchObject({ score: 90, weight: 2, findingCount: 1, metrics: { deletedBrandPosts: 0, hiddenCustomerPosts: 1 } });
      expect(findingsOf(result, RULE)).toEqual([
        expect.objectContaining({
          threadId: '3',
          postIds: ['3'],
          severity: 'warning',
          evidence: [expect.objectContaining({ postId: '3', role: 'customer', text: 'Sois unos estafadores', source: 'export.csv:4' })],
        }),
      ]);
    });

    it('a deleted column where nothing was deleted → 100, not null', async () => {
      const result = audit(await corpusOf(csv(['false', 'false', 'no', ''])));
      expect(ruleReport(result, RULE)).toMatchObject({ score: 100, findingCount: 0 });
    });

    it('a Spanish header ("borrado") and values ("borrado", "oculto", "no") are read too', async () => {
      const text = csv(['no', 'borrado', 'oculto', 'no']).replace(',deleted', ',borrado');
      const result = audit(await corpusOf(text));
      // Brand post 2 deleted (25), customer post 3 hidden (10).
      expect(ruleReport(result, RULE)).toMatchObject({ score: 65, metrics: { deletedBrandPosts: 1, hiddenCustomerPosts: 1 } });
    });

    it('no deleted column → null with the reason', async () => {
      const result = audit(await corpusOf(csv(undefined)));
      expect(ruleReport(result, RULE)).toMatchObject({ score: null, notApplicable: 'no input records deleted or hidden posts' });
    });

    // Regression (fixed): tracking is decided per post in the JSONL adapter (`deleted: true` seen), and `ingest` omits
    // `deleted` when it is false (spec §7: absent optional keys omitted). So the normalized JSONL of a CSV
    // whose deleted column says nothing was deleted loses the fact that deletions were tracked: `audit` of
    // the CSV gives nothing-deleted 100, `audit` of its `ingest` output gives null. Same for a JSONL export
    // whose posts all carry "deleted": false.
    it('ingest → JSONL → audit keeps the tracking: nothing deleted is still 100', async () => {
      const run = await ingest('export.csv', csv(['false', 'false', 'false', 'false']), { adapterId: 'generic-csv' });
      expect(ruleReport(audit(run.corpus), RULE).score).toBe(100);
      // What `second-impression ingest` writes: "deleted": false too when the source tracks deletions.
      const table = run.corpus.table;
      const jsonl = Array.from({ length: table.length }, (_, i) => JSON.stringify(table.get(i, undefined, run.corpus.tracksDeletion))).join('\n');
      const back = await ingest('export.jsonl', jsonl, { adapterId: 'jsonl' });
      expect(ruleReport(audit(back.corpus), RULE).score).toBe(100);
    });
  });

  describe('in the audit', () => {
    it('evidence quotes the deleted post with its source', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const [first] = findingsOf(result, RULE);
      expect(first).toMatchObject({
        ruleId: RULE,
        category: 'transparency',
        severity: 'error',
        threadId: 't1',
        postIds: ['t1-r1'],
        messageId: 'brandDeleted',
        rank: 1,
      });
      expect(first!.evidence).toEqual([
        {
          postId: 't1-r1',
          author: BRAND,
          role: 'brand',
          createdAt: '2026-10-01T10:30:00Z',
          text: 'Mira, tío, ya te lo hemos explicado',
          source: 'inbox.jsonl:2',
        },
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 55, weight: 2, findingCount: 3 });
    });

    it('maxFindings caps the findings but not findingCount', () => {
      expect(runRuleDirect(nothingDeleted, corpus(HAND, { ownChannel: true }), { maxFindings: 1 }).result).toMatchObject({
        findingCount: 3,
        findings: [{ postIds: ['t1-r1'] }],
      });
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 2 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['t1-r1', 't2']);
      expect(ruleReport(result, RULE).findingCount).toBe(3);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      expect(findingsOf(result, RULE).map((f) => f.message)).toEqual([
        'La marca borró su propio mensaje',
        'Se borró u ocultó el mensaje de un cliente',
        'Se borró u ocultó el mensaje de un cliente',
      ]);
    });
  });
});

describe('nothing-deleted: asking to delete criticism', () => {
  it('counts on any input, quoted: 100 − 10 per request, even where deletions are not recorded', () => {
    const posts = oneReplyEach(
      ['Por favor, borra ese tuit y te llamamos hoy', 'We have hidden your comment as it broke our rules', 'Gracias por avisar, lo miramos'],
      {
        customer: 'Llevo una semana sin línea',
      },
    );
    const { result } = runRuleDirect(nothingDeleted, corpus(posts, { ownChannel: true }));
    expect(result.score).toBe(80);
    expect(result.metrics).toEqual({ deletedBrandPosts: 0, hiddenCustomerPosts: 0, deleteRequests: 2 });
    expect(result.findings.map((f) => [f.messageId, f.data.quote, f.severity])).toEqual([
      ['deleteRequest', 'borra ese tuit', 'warning'],
      ['deleteRequest', 'We have hidden your comment', 'warning'],
    ]);
  });

  it('does not take deleting an app, an account or personal data for a request to delete criticism', () => {
    const posts = oneReplyEach(['Borra la app y vuelve a instalarla', 'You can delete your account from Settings', 'No hace falta borrar tu comentario'], {
      customer: 'No me funciona',
    });
    const { result } = runRuleDirect(nothingDeleted, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: null, findings: [] });
  });
});
