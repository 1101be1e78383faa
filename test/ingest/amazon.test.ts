import { describe, expect, it } from 'vitest';
import { brandFromByline, stripMarketplace } from '../../src/ingest/adapters/reviews/amazon.js';
import { detectAdapter } from '../../src/ingest/index.js';
import { brandPresence } from '../../src/model/brand-presence.js';
import { checkGolden, fixture } from './golden.js';
import { ingest, sourceFrom } from './helpers.js';

const SAVED_ES = '<!-- saved from url=(0060)https://www.amazon.es/product-reviews/B0FAKE1234/ref=cm_cr_dp -->\n';

const card = (id: string, inner: string): string => `<div id="${id}" data-hook="review" class="a-section review">${inner}</div>`;
const page = (body: string, head = SAVED_ES, title = ''): string =>
  `${head}<!DOCTYPE html><html lang="es-es"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const REVIEW = card(
  'R1FAKE0001',
  '<span class="a-profile-name">Lucía P.</span><i data-hook="review-star-rating"><span class="a-icon-alt">2,0 de 5 estrellas</span></i>' +
    '<a data-hook="review-title" href="/gp/customer-reviews/R1FAKE0001"><span>No carga</span></a>' +
    '<span data-hook="review-date">Revisado en España el 4 de noviembre de 2013</span>' +
    '<span data-hook="avp-badge">Compra verificada</span><span data-hook="review-body"><span>El cargador no funciona.</span></span>',
);

const detectedId = async (name: string, text: string): Promise<string | undefined> => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head })?.adapter.id;
};

describe('amazon', () => {
  it('reads the fixture pages into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('amazon');
  });

  it('cuts the marketplace phrase off the review date, in English and Spanish UIs', () => {
    expect(stripMarketplace('Reviewed in the United States on November 4, 2013')).toEqual({ date: 'November 4, 2013', country: 'United States' });
    expect(stripMarketplace('Revisado en España el 4 de noviembre de 2013')).toEqual({ date: '4 de noviembre de 2013', country: 'España' });
    expect(stripMarketplace('Reviewed in Spain on 20 April 2026')).toEqual({ date: '20 April 2026', country: 'Spain' });
    expect(stripMarketplace('Calificado en Estados Unidos 🇺🇸 el 4 de noviembre de 2013')).toEqual({
      date: '4 de noviembre de 2013',
      country: 'Estados Unidos',
    });
    expect(stripMarketplace('on November 4, 2013')).toEqual({ date: 'November 4, 2013' });
    expect(stripMarketplace('4 nov. 2013')).toEqual({ date: '4 nov. 2013' });
  });

  it('reads the dates it strips as days in the local zone', async () => {
    const dates = [
      'Reviewed in the United States on November 4, 2013',
      'Revisado en España el 4 de noviembre de 2013',
      'Reviewed in the United Kingdom on 4 November 2013',
    ];
    const body = dates
      .map((d, k) =>
        card(
          `R${k}FAKEDATE`,
          `<span class="a-profile-name">Tom ${k}</span><i data-hook="review-star-rating" class="a-star-1"></i><span data-hook="review-date">${d}</span><span data-hook="review-body">Broken on arrival ${k}.</span>`,
        ),
      )
      .join('');
    const { posts } = await ingest('p.html', page(body), { options: { timezone: 'UTC' } });
    expect(posts.map((p) => [p.createdAt, p.timePrecision, p.rating])).toEqual([
      ['2013-11-04T00:00:00Z', 'day', 1],
      ['2013-11-04T00:00:00Z', 'day', 1],
      ['2013-11-04T00:00:00Z', 'day', 1],
    ]);
  });

  it('takes the brand from the byline, else the product title, else the page title', async () => {
    expect(brandFromByline('Visit the TeleNova Store')).toBe('TeleNova');
    expect(brandFromByline('Visita la tienda de TeleNova')).toBe('TeleNova');
    expect(brandFromByline('Marca: TeleNova')).toBe('TeleNova');
    expect(brandFromByline('de TeleNova')).toBe('TeleNova');
    expect(brandFromByline('TeleNova')).toBe('TeleNova');
    expect(brandFromByline('')).toBeUndefined();

    const withTitle = await ingest('p.html', page(`<span id="productTitle">Cargador TeleNova 65 W</span>${REVIEW}`));
    expect(withTitle.summary.channel).toBe('Cargador TeleNova 65 W');
    const fromTitle = await ingest('p.html', page(REVIEW, SAVED_ES, 'Amazon.es:Opiniones de clientes: Cargador TeleNova 65 W'));
    expect(fromTitle.summary.channel).toBe('Cargador TeleNova 65 W');
    const detail = await ingest('p.html', page(REVIEW, SAVED_ES, 'Cargador TeleNova 65 W : Amazon.es: Informática'));
    expect(detail.summary.channel).toBe('Cargador TeleNova 65 W');
  });

  it('keeps the verified-purchase badge, helpful votes and "Read more" out of the text', async () => {
    const { posts } = await ingest('telenova-router-es.html', fixture('amazon', 'telenova-router-es.html'));
    for (const post of posts) expect(post.text).not.toMatch(/Compra verificada|útil|Leer más|Traducir/);
    // The foreign review keeps the customer's words, not Amazon's translation.
    expect(posts.find((p) => p.id === 'R1FAKEFOREIGN3')!.text).toBe(
      'Stopped working after a month\n\nThe 5 GHz band vanished after four weeks and the refund form keeps failing.',
    );
    // The star icon inside the newer title anchor is not title text.
    expect(posts.find((p) => p.id === 'R3FAKEREVIEW02')!.text.startsWith('Cobertura en toda la casa\n\n')).toBe(true);
  });

  it('says "page saved without reviews" for a captcha, and for a review list that never loaded', async () => {
    const captcha = page(
      '<h4>Introduce los caracteres que ves a continuación</h4><p>Lo sentimos, debemos asegurarnos de que no eres un robot.</p>' +
        '<form method="get" action="/errors/validateCaptcha"><input type="text" id="captchacharacters" name="field-keywords"></form>',
    );
    await expect(ingest('captcha.html', captcha)).rejects.toThrow(/page saved without reviews .*: it shows a captcha \(read as Amazon\)/);
    const lazy = page(
      '<div data-hook="total-review-count">12 reseñas</div><div id="cm_cr-review_list">' +
        '<div id="R0LAZY" data-hook="review" class="a-section review celwidget"></div><div data-hook="review" class="a-section review"></div></div>',
    );
    await expect(ingest('lazy.html', lazy)).rejects.toThrow(
      /page saved without reviews.*the page states 12 reviews but none is in the saved HTML \(read as Amazon\)/,
    );
  });

  it('is detected by its address or its data-hook markup, and leaves other sites alone', async () => {
    expect(await detectedId('p.html', page(REVIEW))).toBe('amazon');
    expect(await detectedId('p.html', page(REVIEW, ''))).toBe('amazon');
    expect(await detectedId('p.html', page('<p>Hola</p>', '<!-- saved from url=(0040)https://www.amazon.co.uk/dp/B0FAKE1234 -->\n'))).toBe('amazon');
    const canonical = `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.amazon.com/dp/B0FAKE1234"></head><body></body></html>`;
    expect(await detectedId('p.html', canonical)).toBe('amazon');
    const trustpilot =
      '<!-- saved from url=(0050)https://es.trustpilot.com/review/telenova.example -->\n<html><body><article data-service-review-card-paper></article></body></html>';
    expect(await detectedId('t.html', trustpilot)).toBe('trustpilot');
    expect(await detectedId('notamazon.html', '<html><body><div data-hook="review">hola</div></body></html>')).not.toBe('amazon');
  });

  it('puts every review on the brand channel with no brand post: an Amazon-only input has no brand to audit', async () => {
    const { corpus, posts, summary } = await ingest('brisa-kettle-com.html', fixture('amazon', 'brisa-kettle-com.html'));
    expect(summary.channel).toBe('Brisa Home');
    expect(posts.every((p) => p.role === 'customer' && p.channel === 'Brisa Home' && p.inReplyTo === undefined)).toBe(true);
    // The CLI refuses such an audit ("no post by @BrisaHome in the inputs"): nothing the brand wrote is here.
    expect(brandPresence(corpus, ['BrisaHome']).brandPosts).toBe(0);
  });

  it('skips a review whose date cannot be read, with a warning naming it', async () => {
    const body = card(
      'R1BAD',
      '<span class="a-profile-name">Ana</span><span data-hook="review-date">Revisado en España el día de Reyes</span><span data-hook="review-body">Gut.</span>',
    );
    const { posts, warnings } = await ingest('p.html', page(body + REVIEW));
    expect(posts.map((p) => p.id)).toEqual(['R1FAKE0001']);
    // The bare test page names no product either.
    expect(warnings.map((w) => w.code).sort()).toEqual(['bad-date', 'no-business-name']);
    expect(warnings.find((w) => w.code === 'bad-date')!.message).toContain('review by Ana');
  });
});
