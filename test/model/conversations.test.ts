import { describe, it, expect } from 'vitest';
import { normalizeHandle, ROLE_BRAND, ROLE_CUSTOMER, ROLE_OTHER } from '../../src/model/conversations.js';
import { STATUS_ANSWERED, STATUS_IGNORED } from '../../src/model/timeline.js';
import { corpus, model, type PostSpec } from '../helpers/corpus.js';

const T0 = '2026-10-01T10:00:00Z';

describe('normalizeHandle', () => {
  it.each([
    ['@Marca', 'marca'],
    ['marca', 'marca'],
    ['  @MARCA_es ', 'marca_es'],
    ['@@marca', '@marca'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHandle(input)).toBe(expected);
  });
});

describe('role resolution', () => {
  const posts: PostSpec[] = [
    { id: 'c1', author: 'lucia', at: T0, text: '¿Dónde está mi pedido?' },
    { id: 'b1', author: 'marca', at: '+10m', replyTo: 'c1', text: 'Hola Lucía, te escribimos por DM.' },
    { id: 'b2', author: '@MARCA', at: '+10m', replyTo: 'c1', text: 'Ya está enviado.' },
    { id: 'b3', author: 'Marca', at: '+10m', replyTo: 'c1', text: 'Saludos.' },
  ];

  it.each([['Marca'], ['@marca'], ['MARCA'], ['  @Marca ']])('brand handle %j matches authors case-insensitively, with or without @', (handle) => {
    const m = model(corpus(posts, { ownChannel: true }), { handles: [handle] });
    const { roles } = m.conversations;
    expect(roles[m.at('c1')]).toBe(ROLE_CUSTOMER);
    expect(roles[m.at('b1')]).toBe(ROLE_BRAND);
    expect(roles[m.at('b2')]).toBe(ROLE_BRAND);
    expect(roles[m.at('b3')]).toBe(ROLE_BRAND);
    expect(m.conversations.brandPosts).toBe(3);
  });

  it("any of several handles makes a post the brand's", () => {
    const m = model(
      corpus([
        { id: 'c1', author: 'lucia', at: T0, text: '@MarcaAyuda ¿me ayudáis?' },
        { id: 'b1', author: 'MarcaAyuda', at: '+10m', replyTo: 'c1', text: 'Claro' },
        { id: 'b2', author: 'MarcaES', at: '+10m', replyTo: 'c1', text: 'Te escribimos' },
      ]),
      { handles: ['@MarcaES', 'marcaayuda'] },
    );
    expect(m.conversations.roles[m.at('b1')]).toBe(ROLE_BRAND);
    expect(m.conversations.roles[m.at('b2')]).toBe(ROLE_BRAND);
  });

  it('a handle that only shares a prefix is not the brand', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: 'Hola' },
          { id: 'x1', author: 'MarcaFans', at: '+10m', replyTo: 'c1', text: 'Somos fans' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.roles[m.at('x1')]).toBe(ROLE_CUSTOMER);
  });

  it("a declared brand role is the brand on a channel the input says is the brand's", () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '¿Abrís el domingo?', role: 'customer' },
          { id: 'b1', author: 'Agente Ana', at: '+20m', replyTo: 'c1', text: 'Sí, de 10 a 14 h.', role: 'brand' },
        ],
        { ownChannel: true, owner: 'Marca' },
      ),
    );
    expect(m.conversations.roles[m.at('b1')]).toBe(ROLE_BRAND);
    expect(m.conversations.brandPosts).toBe(1);
    expect(m.timeline.firstReply[m.conversationOf('c1')]).toBe(m.at('b1'));
  });

  it('a declared brand role is another company ("other") on a multi-brand input', () => {
    const m = model(
      corpus([
        { id: 'c1', author: '115712', at: T0, text: '@Marca @OtraTeleco ¿alguien sabe por qué no hay internet?', role: 'customer' },
        { id: 'o1', author: 'OtraTeleco', at: '+5m', replyTo: 'c1', text: 'Hola, escríbenos por DM.', role: 'brand' },
      ]),
    );
    expect(m.conversations.roles[m.at('o1')]).toBe(ROLE_OTHER);
    expect(m.conversations.brandPosts).toBe(0);
    const c = m.conversationOf('c1');
    expect(c).toBeGreaterThanOrEqual(0);
    // Another company's reply is not the brand's reply.
    expect(m.timeline.firstReply[c]).toBe(-1);
  });

  it('the brand handle wins over a declared customer role', () => {
    const m = model(
      corpus([
        { id: 'c1', author: 'lucia', at: T0, text: '@Marca hola', role: 'customer' },
        { id: 'b1', author: 'Marca', at: '+5m', replyTo: 'c1', text: 'Hola', role: 'customer' },
      ]),
    );
    expect(m.conversations.roles[m.at('b1')]).toBe(ROLE_BRAND);
  });

  it('own channel is decided per input file', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: 'Hola', file: 'inbox.csv' },
          { id: 'b1', author: 'Agente', at: '+5m', replyTo: 'c1', text: 'Hola', role: 'brand', file: 'inbox.csv' },
          { id: 'c2', author: 'pepe', at: T0, text: 'Hola', file: 'twcs.csv' },
          { id: 'b2', author: 'Agente', at: '+5m', replyTo: 'c2', text: 'Hola', role: 'brand', file: 'twcs.csv' },
        ],
        { ownChannel: ['inbox.csv'], owner: { 'inbox.csv': 'Marca' } },
      ),
    );
    expect(m.conversations.roles[m.at('b1')]).toBe(ROLE_BRAND);
    expect(m.conversations.roles[m.at('b2')]).toBe(ROLE_OTHER);
  });

  it("role=brand says the author speaks for a brand, not for the audited one: another company's inbox is not merged", () => {
    const posts = [
      { id: 'c1', author: 'lucia', at: T0, text: '¿Abrís el domingo?', file: 'marca.csv' },
      { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Sí, de 10 a 14 h.', role: 'brand' as const, file: 'marca.csv' },
      { id: 'c2', author: 'pepe', at: T0, text: 'Sigo sin luz desde ayer', file: 'otra.csv' },
      { id: 'o1', author: 'OtraEnergia', at: '+2h', replyTo: 'c2', text: 'Lo revisamos', role: 'brand' as const, file: 'otra.csv' },
      { id: 'c3', author: 'rosa', at: T0, text: '¿Y mi factura?', file: 'otra.csv' },
    ];
    const m = model(corpus(posts, { ownChannel: true }));
    expect(m.conversations.channels.get(m.corpus.table.files.values().indexOf('marca.csv'))).toMatchObject({ brands: true, rule: 'own-inbox' });
    expect(m.conversations.channels.get(m.corpus.table.files.values().indexOf('otra.csv'))).toMatchObject({
      brands: false,
      rule: 'other-company',
      otherCompanies: ['OtraEnergia'],
    });
    expect(m.conversations.roles[m.at('o1')]).toBe(ROLE_OTHER);
    expect(m.openerIds()).toEqual(['c1']);
  });

  it("an inbox whose company posts are by the brand and by someone else is several companies' conversations", () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '@Marca ¿abrís?' },
          { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Sí', role: 'brand' },
          { id: 'c2', author: 'pepe', at: T0, text: '@Otra ¿abrís?' },
          { id: 'o1', author: 'Otra', at: '+20m', replyTo: 'c2', text: 'No', role: 'brand' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.channels.get(0)).toMatchObject({ brands: false, rule: 'mixed-companies' });
    expect(m.openerIds()).toEqual(['c1']);
  });

  it("a post's own channel field decides before its input", () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: 'Hola, ¿abrís?', channel: 'Marca' },
          { id: 'c2', author: 'pepe', at: T0, text: 'Hola, ¿abrís?', channel: 'Otra' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.openerIds()).toEqual(['c1']);
  });
});

describe('reply links', () => {
  it('are resolved per platform: the same id on two platforms does not collide', () => {
    const m = model(
      corpus(
        [
          { id: '100', author: 'lucia', at: T0, platform: 'x', text: '¿Hacéis envíos a Canarias?' },
          { id: '100', author: 'pepe', at: '+1m', platform: 'facebook', text: '¿Tenéis la talla M?' },
          { id: '200', author: 'Marca', at: '+1h', platform: 'facebook', replyTo: '100', text: 'Sí, Pepe, quedan dos.' },
          { id: '201', author: 'Marca', at: '+2h', platform: 'x', replyTo: '100', text: 'Sí, Lucía, en 72 h.' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings.filter((w) => w.code === 'duplicate-id')).toEqual([]);
    expect(m.conversations.parentOf[m.at('200', 'facebook')]).toBe(m.at('100', 'facebook'));
    expect(m.conversations.parentOf[m.at('201', 'x')]).toBe(m.at('100', 'x'));
    expect(m.conversations.count).toBe(2);
    expect(m.conversationOf('200', 'facebook')).toBe(m.conversationOf('100', 'facebook'));
    expect(m.conversationOf('201', 'x')).toBe(m.conversationOf('100', 'x'));
    expect(m.conversationOf('100', 'x')).not.toBe(m.conversationOf('100', 'facebook'));
  });

  it('a reply on one platform never links to a post on another', () => {
    const m = model(
      corpus([
        { id: 'p1', author: 'lucia', at: T0, platform: 'instagram', text: '@Marca ¿precio?' },
        { id: 'p2', author: 'Marca', at: '+1h', platform: 'facebook', replyTo: 'p1', text: '20 €' },
      ]),
    );
    expect(m.conversations.parentOf[m.at('p2')]).toBe(-1);
    expect(m.warnings.map((w) => w.code)).toEqual(['reply-to-missing']);
  });

  it('posts that only carry a thread id are chained in time order inside their thread', () => {
    // Input order is scrambled on purpose; a flat inbox export has no reply links.
    const m = model(
      corpus(
        [
          { id: 'm3', author: 'lucia', at: '2026-10-01T12:00:00Z', thread: 'T1', text: 'Vale, gracias' },
          { id: 'm1', author: 'lucia', at: '2026-10-01T10:00:00Z', thread: 'T1', text: 'Mi pedido no ha llegado' },
          { id: 'n1', author: 'pepe', at: '2026-10-01T10:30:00Z', thread: 'T2', text: 'Quiero cancelar' },
          { id: 'm2', author: 'Marca', at: '2026-10-01T11:00:00Z', thread: 'T1', text: 'Lo revisamos, Lucía' },
        ],
        { ownChannel: true },
      ),
    );
    const { parentOf } = m.conversations;
    expect(parentOf[m.at('m1')]).toBe(-1);
    expect(parentOf[m.at('m2')]).toBe(m.at('m1'));
    expect(parentOf[m.at('m3')]).toBe(m.at('m2'));
    expect(parentOf[m.at('n1')]).toBe(-1);
    expect(m.conversations.count).toBe(2);
    expect(m.memberIds(m.conversationOf('m1'))).toEqual(['m1', 'm2', 'm3']);
    expect(m.memberIds(m.conversationOf('n1'))).toEqual(['n1']);
  });

  it('the same thread id on two platforms is two threads', () => {
    const m = model(
      corpus(
        [
          { id: 'a1', author: 'lucia', at: T0, thread: 'T1', platform: 'x', text: 'Hola' },
          { id: 'a2', author: 'pepe', at: '+1m', thread: 'T1', platform: 'facebook', text: 'Hola' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.parentOf[m.at('a2')]).toBe(-1);
    expect(m.conversations.count).toBe(2);
  });

  it('a thread-only post after one with a reply link still chains to it', () => {
    const m = model(
      corpus(
        [
          { id: 'm1', author: 'lucia', at: T0, thread: 'T1', text: 'No me llega el código' },
          { id: 'm2', author: 'Marca', at: '+1h', thread: 'T1', replyTo: 'm1', text: 'Te lo reenviamos' },
          { id: 'm3', author: 'lucia', at: '+1h', thread: 'T1', text: 'Sigo sin recibirlo' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.parentOf[m.at('m2')]).toBe(m.at('m1'));
    expect(m.conversations.parentOf[m.at('m3')]).toBe(m.at('m2'));
  });
});

describe('conversations', () => {
  it('a brand announcement with two customer comments is two conversations; a brand reply under one comment belongs to it', () => {
    const m = model(
      corpus([
        { id: 'a1', author: 'Marca', at: T0, text: '¡Nueva colección de otoño ya disponible!' },
        { id: 'c1', author: 'lucia', at: '+10m', replyTo: 'a1', text: '¿Hay talla XL?' },
        { id: 'c2', author: 'pepe', at: '+20m', replyTo: 'a1', text: 'Mi pedido de septiembre sigue sin llegar' },
        { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Sí, Lucía, en todas las prendas.' },
      ]),
    );
    expect(m.conversations.count).toBe(2);
    expect(m.openerIds()).toEqual(['c1', 'c2']);
    expect(m.conversationOf('a1')).toBe(-1);
    expect(m.memberIds(m.conversationOf('c1'))).toEqual(['c1', 'b1']);
    expect(m.memberIds(m.conversationOf('c2'))).toEqual(['c2']);
    expect(m.timeline.firstReply[m.conversationOf('c1')]).toBe(m.at('b1'));
    expect(m.timeline.firstReply[m.conversationOf('c2')]).toBe(-1);
  });

  it("a customer reply under the brand's reply stays in the same conversation", () => {
    const m = model(
      corpus([
        { id: 'c1', author: 'lucia', at: T0, text: '@Marca ¿cuándo llega mi pedido?' },
        { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Mañana, Lucía.' },
        { id: 'c2', author: 'lucia', at: '+5m', replyTo: 'b1', text: '¿Por la mañana o por la tarde?' },
      ]),
    );
    expect(m.conversations.count).toBe(1);
    expect(m.memberIds(0)).toEqual(['c1', 'b1', 'c2']);
  });

  describe('on a multi-brand input (ownChannel false)', () => {
    it("a customer thread that never mentions the brand is not the brand's", () => {
      const m = model(
        corpus([
          { id: 'c1', author: 'lucia', at: T0, text: 'Otra vez el tren con retraso, qué desastre' },
          { id: 'c2', author: 'pepe', at: '+5m', replyTo: 'c1', text: 'Lo mismo me pasa a mí' },
          { id: 'c3', author: 'ana', at: T0, text: '@OtraMarca mi pedido no ha llegado' },
        ]),
      );
      expect(m.conversations.count).toBe(0);
      expect(m.conversationOf('c1')).toBe(-1);
      expect(m.conversationOf('c2')).toBe(-1);
    });

    it("it is the brand's when the brand replied in it", () => {
      const m = model(
        corpus([
          { id: 'c1', author: 'lucia', at: T0, text: 'Otra vez sin internet en casa' },
          { id: 'b1', author: 'Marca', at: '+2h', replyTo: 'c1', text: 'Hola Lucía, ¿nos escribes por DM?' },
        ]),
      );
      expect(m.conversations.count).toBe(1);
      expect(m.memberIds(0)).toEqual(['c1', 'b1']);
    });

    it("it is the brand's when the brand replied deep in the thread", () => {
      const m = model(
        corpus([
          { id: 'c1', author: 'lucia', at: T0, text: 'Otra vez sin internet en casa' },
          { id: 'c2', author: 'pepe', at: '+1h', replyTo: 'c1', text: 'Y en mi barrio igual' },
          { id: 'b1', author: 'Marca', at: '+2h', replyTo: 'c2', text: 'Estamos con una avería en la zona' },
        ]),
      );
      expect(m.conversations.count).toBe(1);
      expect(m.memberIds(0)).toEqual(['c1', 'c2', 'b1']);
    });

    it.each([['@Marca'], ['@marca'], ['@MARCA']])("it is the brand's when it mentions %s", (mention) => {
      const m = model(corpus([{ id: 'c1', author: 'lucia', at: T0, text: `${mention} mi router no funciona` }]));
      expect(m.conversations.count).toBe(1);
    });

    it("a mention of a longer handle that starts with the brand's is not a mention", () => {
      const m = model(corpus([{ id: 'c1', author: 'lucia', at: T0, text: '@MarcaFans mi router no funciona' }]));
      expect(m.conversations.count).toBe(0);
    });

    it('a mention followed by punctuation is a mention', () => {
      const m = model(corpus([{ id: 'c1', author: 'lucia', at: T0, text: 'Hola @Marca, mi router no funciona' }]));
      expect(m.conversations.count).toBe(1);
    });

    // Regression (fixed): the mention pattern does not require the "@" to start a word, so an e-mail address at the
    // brand's domain ("ayuda@marca.example") counts as an @mention and pulls an untagged thread — one
    // the brand could not see on a multi-brand input — into the audit as ignored.
    // Input (ownChannel false): 'Escribí a ayuda@marca.example hace una semana y nada' → expected 0 conversations.
    it("an e-mail address at the brand's domain is not a mention", () => {
      const m = model(corpus([{ id: 'c1', author: 'lucia', at: T0, text: 'Escribí a ayuda@marca.example hace una semana y nada' }]));
      expect(m.conversations.count).toBe(0);
    });

    it('a review counts by its channel, like any post: not on a multi-brand input without a mention', () => {
      expect(model(corpus([{ id: 'r1', author: 'pepe', at: T0, text: 'Habitación sucia y ruidosa', rating: 2 }])).conversations.count).toBe(0);
      expect(
        model(corpus([{ id: 'r1', author: 'pepe', at: T0, text: 'Habitación sucia y ruidosa', rating: 2 }], { ownChannel: true })).conversations.count,
      ).toBe(1);
    });

    it("a customer reply to the brand's own post is the brand's", () => {
      const m = model(
        corpus([
          { id: 'a1', author: 'Marca', at: T0, text: 'Mantenimiento esta noche de 2 a 4 h' },
          { id: 'c1', author: 'lucia', at: '+1h', replyTo: 'a1', text: 'Otra vez, cada semana lo mismo' },
        ]),
      );
      expect(m.openerIds()).toEqual(['c1']);
    });

    it("a brand post after asOf does not make the thread the brand's", () => {
      const m = model(
        corpus([
          { id: 'c1', author: 'lucia', at: T0, text: 'Otra vez sin internet en casa' },
          { id: 'b1', author: 'Marca', at: '2026-10-05T10:00:00Z', replyTo: 'c1', text: 'Lo miramos' },
        ]),
        { asOf: '2026-10-04T00:00:00Z' },
      );
      expect(m.conversations.count).toBe(0);
    });
  });

  it("on the brand's own channel every customer thread is the brand's", () => {
    const m = model(corpus([{ id: 'c1', author: 'lucia', at: T0, text: 'Otra vez el tren con retraso' }], { ownChannel: true }));
    expect(m.conversations.count).toBe(1);
  });

  it('a thread opened by the brand with no customer reply is no conversation', () => {
    const m = model(corpus([{ id: 'a1', author: 'Marca', at: T0, text: 'Feliz lunes' }], { ownChannel: true }));
    expect(m.conversations.count).toBe(0);
    expect(m.conversations.brandPosts).toBe(1);
  });

  it('conversation members are sorted by time (input order breaks ties)', () => {
    const m = model(
      corpus(
        [
          { id: 'b2', author: 'Marca', at: '2026-10-01T13:00:00Z', replyTo: 'c2', text: 'Hecho' },
          { id: 'c2', author: 'lucia', at: '2026-10-01T12:00:00Z', replyTo: 'b1', text: '¿Y la factura?' },
          { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
          { id: 'tieA', author: 'pepe', at: '2026-10-01T11:00:00Z', replyTo: 'c1', text: 'A mí igual' },
          { id: 'b1', author: 'Marca', at: '2026-10-01T11:00:00Z', replyTo: 'c1', text: 'Sale hoy' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.count).toBe(1);
    expect(m.memberIds(0)).toEqual(['c1', 'tieA', 'b1', 'c2', 'b2']);
    expect(m.openerIds()).toEqual(['c1']);
  });

  it('conversations are numbered in input order of their openers and the CSR layout is consistent', () => {
    const m = model(
      corpus(
        [
          { id: 'c2', author: 'pepe', at: '2026-10-02T10:00:00Z', text: '¿Abrís hoy?' },
          { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
          { id: 'b1', author: 'Marca', at: '2026-10-01T11:00:00Z', replyTo: 'c1', text: 'Sale hoy' },
        ],
        { ownChannel: true },
      ),
    );
    const { offsets, members, conversationOf, count } = m.conversations;
    expect(m.openerIds()).toEqual(['c2', 'c1']);
    expect(Array.from(offsets)).toEqual([0, 1, 3]);
    expect(members.length).toBe(3);
    for (let c = 0; c < count; c++) {
      for (let k = offsets[c]!; k < offsets[c + 1]!; k++) expect(conversationOf[members[k]!]).toBe(c);
    }
  });
});

describe('data problems', () => {
  it('a reply cycle is broken with a "reply-cycle" warning and no infinite loop', () => {
    const m = model(
      corpus(
        [
          { id: 'a', author: 'lucia', at: T0, replyTo: 'b', text: '¿Hola?' },
          { id: 'b', author: 'pepe', at: '+1m', replyTo: 'a', text: '¿Qué tal?' },
        ],
        { ownChannel: true },
      ),
    );
    const cycles = m.warnings.filter((w) => w.code === 'reply-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ input: 'inbox.jsonl' });
    expect(cycles[0]!.line).toBeGreaterThan(0);
    // Every post ends in exactly one conversation.
    for (const id of ['a', 'b']) expect(m.conversationOf(id)).toBeGreaterThanOrEqual(0);
  });

  it('a three-post cycle with a tail hanging off it terminates and warns once', () => {
    const m = model(
      corpus(
        [
          { id: 'tail', author: 'ana', at: T0, replyTo: 'a', text: 'Yo también' },
          { id: 'a', author: 'lucia', at: '+1m', replyTo: 'c', text: 'Hola' },
          { id: 'b', author: 'pepe', at: '+1m', replyTo: 'a', text: 'Hola' },
          { id: 'c', author: 'luis', at: '+1m', replyTo: 'b', text: 'Hola' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings.filter((w) => w.code === 'reply-cycle')).toHaveLength(1);
    // One of the three cycle links was dropped: exactly one root among a, b, c.
    const roots = ['a', 'b', 'c'].filter((id) => m.conversations.parentOf[m.at(id)] === -1);
    expect(roots).toHaveLength(1);
  });

  // Regression (fixed): after a reply cycle is broken, the posts below the broken link are resolved before the new
  // root (their parent's opener is still "not computed"), so each one opens a conversation of its own —
  // and a brand reply in the cycle lands in no conversation at all, making the customer look ignored.
  // Input: c1 (customer) replyTo b1, b1 (brand) replyTo c1 → expected one conversation {c1, b1} answered by b1.
  it('after breaking a cycle the remaining chain is one conversation (brand reply kept)', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, replyTo: 'b1', text: '¿Dónde está mi pedido?' },
          { id: 'b1', author: 'Marca', at: '+20m', replyTo: 'c1', text: 'Sale hoy, Lucía.' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.conversations.count).toBe(1);
    expect(m.conversationOf('b1')).toBe(m.conversationOf('c1'));
    expect(m.timeline.firstReply[0]).toBe(m.at('b1'));
  });

  it('a self-reply is ignored without looping', () => {
    const m = model(corpus([{ id: 'a', author: 'lucia', at: T0, replyTo: 'a', text: '¿Hola?' }], { ownChannel: true }));
    expect(m.conversations.parentOf[m.at('a')]).toBe(-1);
    expect(m.conversations.count).toBe(1);
  });

  it('a reply to a post not in the data warns "reply-to-missing" and starts its own thread', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, replyTo: 'gone-42', text: 'Sigo esperando el reembolso', line: 7 },
          { id: 'b1', author: 'Marca', at: '+1h', replyTo: 'c1', text: 'Lo revisamos' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings).toEqual([expect.objectContaining({ code: 'reply-to-missing', input: 'inbox.jsonl', line: 7 })]);
    expect(m.warnings[0]!.message).toContain('gone-42');
    expect(m.conversations.parentOf[m.at('c1')]).toBe(-1);
    expect(m.openerIds()).toEqual(['c1']);
    expect(m.memberIds(0)).toEqual(['c1', 'b1']);
  });

  it('exact repeats (overlapping exports) count once, with one "repeated-post" warning and no "duplicate-id"', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
          { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Sale hoy' },
          { id: 'c2', author: 'pepe', at: '+1h', text: '¿Abrís el domingo?' },
          // The same export read a second time:
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?', file: 'inbox-copy.jsonl', line: 1 },
          { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Sale hoy', file: 'inbox-copy.jsonl', line: 2 },
          { id: 'c2', author: 'pepe', at: '+1h', text: '¿Abrís el domingo?', file: 'inbox-copy.jsonl', line: 3 },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings.map((w) => w.code)).toEqual(['repeated-post']);
    expect(m.warnings[0]).toMatchObject({ input: 'inbox-copy.jsonl', line: 1 });
    expect(m.warnings[0]!.message).toMatch(/^3 posts appeared more than once/);
    expect(m.conversations.count).toBe(2);
    expect(m.conversations.members.length).toBe(3);
    expect(m.memberIds(m.conversationOf('c1'))).toEqual(['c1', 'b1']);
    expect(m.conversations.parentOf[m.at('b1')]).toBe(m.at('c1'));
    // The repeats belong to no conversation.
    for (let i = 3; i < 6; i++) expect(m.conversations.conversationOf[i]).toBe(-1);
    expect(m.timeline.status[m.conversationOf('c1')]).toBe(STATUS_ANSWERED);
    expect(m.timeline.status[m.conversationOf('c2')]).toBe(STATUS_IGNORED);
  });

  it('a single exact repeat says "1 post"', () => {
    const c1: PostSpec = { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' };
    const m = model(corpus([c1, c1], { ownChannel: true }));
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]!.message).toMatch(/^1 post appeared more than once/);
    expect(m.conversations.count).toBe(1);
  });

  it('an exact repeat on another platform is not a repeat', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?', platform: 'x' },
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?', platform: 'instagram' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings).toEqual([]);
    expect(m.conversations.count).toBe(2);
  });

  it('a different post under an already used id warns "duplicate-id" and replies link to the first one', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?', line: 2 },
          { id: 'c1', author: 'pepe', at: '+5m', text: 'Quiero cancelar', line: 9 },
          { id: 'b1', author: 'Marca', at: '+30m', replyTo: 'c1', text: 'Sale hoy' },
        ],
        { ownChannel: true },
      ),
    );
    const dup = m.warnings.filter((w) => w.code === 'duplicate-id');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ input: 'inbox.jsonl', line: 9 });
    expect(dup[0]!.message).toContain('inbox.jsonl:2');
    expect(m.conversations.parentOf[m.at('b1')]).toBe(0);
  });

  it.each([
    ['text', { text: '¿Mi pedido ya?' }],
    ['time', { at: '2026-10-01T10:00:01Z' }],
    ['author', { author: 'lucia2' }],
  ])('a duplicate that differs only in %s is a different post', (_field, change) => {
    const first: PostSpec = { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' };
    const m = model(corpus([first, { ...first, ...change }], { ownChannel: true }));
    expect(m.warnings.map((w) => w.code)).toEqual(['duplicate-id']);
  });

  it('a reply dated before its parent warns and gives no first-response time', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: T0, text: '¿Mi pedido?' },
          { id: 'b1', author: 'Marca', at: '-10m', replyTo: 'c1', text: 'Sale hoy' },
        ],
        { ownChannel: true },
      ),
    );
    expect(m.warnings.map((w) => w.code)).toEqual(['reply-before-parent']);
    expect(m.conversations.parentOf[m.at('b1')]).toBe(m.at('c1'));
    expect(m.conversationOf('b1')).toBe(0);
    expect(m.timeline.firstResponseMs[0]).toBeNaN();
  });
});

describe('asOf and the period', () => {
  const thread: PostSpec[] = [
    { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
    { id: 'b1', author: 'Marca', at: '2026-10-01T12:00:00Z', replyTo: 'c1', text: 'Sale hoy' },
    { id: 'c2', author: 'pepe', at: '2026-10-05T10:00:00Z', text: '¿Abrís el festivo?' },
    { id: 'b2', author: 'Marca', at: '2026-10-05T11:00:00Z', replyTo: 'c2', text: 'Sí' },
    { id: 'c3', author: 'ana', at: '2026-10-09T10:00:00Z', text: 'Quiero darme de baja' },
  ];

  it('posts after asOf are invisible', () => {
    const m = model(corpus(thread, { ownChannel: true }), { asOf: '2026-10-05T10:30:00Z' });
    expect(m.openerIds()).toEqual(['c1', 'c2']);
    expect(m.conversationOf('b2')).toBe(-1);
    expect(m.conversationOf('c3')).toBe(-1);
    expect(m.memberIds(m.conversationOf('c2'))).toEqual(['c2']);
    expect(m.timeline.firstReply[m.conversationOf('c2')]).toBe(-1);
  });

  it('a post exactly at asOf is visible', () => {
    const m = model(corpus(thread, { ownChannel: true }), { asOf: '2026-10-05T11:00:00Z' });
    expect(m.memberIds(m.conversationOf('c2'))).toEqual(['c2', 'b2']);
  });

  it('since/until filter on the opener time; later replies stay in their conversation', () => {
    const m = model(corpus(thread, { ownChannel: true }), { since: '2026-10-02T00:00:00Z', until: '2026-10-05T10:00:00Z' });
    expect(m.openerIds()).toEqual(['c2']);
    // b2 is after `until` but belongs to a conversation opened inside the period.
    expect(m.memberIds(0)).toEqual(['c2', 'b2']);
    expect(m.conversationOf('c1')).toBe(-1);
    expect(m.conversationOf('b1')).toBe(-1);
  });

  it('since and until are inclusive', () => {
    const m = model(corpus(thread, { ownChannel: true }), { since: '2026-10-01T10:00:00Z', until: '2026-10-09T10:00:00Z' });
    expect(m.openerIds()).toEqual(['c1', 'c2', 'c3']);
  });

  it('a reply into a conversation opened before `since` does not open one of its own', () => {
    const m = model(
      corpus(
        [
          { id: 'c1', author: 'lucia', at: '2026-09-28T10:00:00Z', text: '¿Mi pedido?' },
          { id: 'b1', author: 'Marca', at: '2026-10-02T10:00:00Z', replyTo: 'c1', text: 'Sale hoy' },
          { id: 'c2', author: 'lucia', at: '2026-10-02T11:00:00Z', replyTo: 'b1', text: 'Gracias' },
        ],
        { ownChannel: true },
      ),
      { since: '2026-10-01T00:00:00Z' },
    );
    expect(m.conversations.count).toBe(0);
  });
});

describe('id index: dense array and Map give identical results', () => {
  // The same reply structure, once with renumbered ids ("1", "2"… → dense Int32Array index) and once with
  // text ids ("x1", "x2"… → Map index), and once with huge sparse integers (canonical but not dense).
  const shape: { n: number; author: string; offset: string; replyTo?: number; thread?: string; text: string }[] = [
    { n: 1, author: 'lucia', offset: '2026-10-01T10:00:00Z', text: '@Marca ¿mi pedido?' },
    { n: 2, author: 'Marca', offset: '+30m', replyTo: 1, text: 'Sale hoy' },
    { n: 3, author: 'lucia', offset: '+10m', replyTo: 2, text: '¿Y el número de seguimiento?' },
    { n: 4, author: 'pepe', offset: '+1h', text: '@Marca no funciona la app' },
    { n: 5, author: 'Marca', offset: '+1d', replyTo: 4, text: 'Ya está arreglado' },
    { n: 6, author: 'Marca', offset: '+1h', text: 'Nueva app disponible' },
    { n: 7, author: 'ana', offset: '+5m', replyTo: 6, text: 'No me deja entrar' },
    { n: 8, author: 'luis', offset: '+5m', replyTo: 6, text: 'Genial' },
    { n: 9, author: 'ana', offset: '+5m', replyTo: 99, text: '@Marca hola?' },
    { n: 10, author: 'Marca', offset: '+5m', replyTo: 9, text: 'Hola Ana' },
    { n: 11, author: 'luis', offset: '+5m', text: 'sin mención, otra cosa' },
    { n: 12, author: 'rosa', offset: '+5m', thread: 'T', text: '@Marca ¿abrís hoy?' },
    { n: 13, author: 'Marca', offset: '+5m', thread: 'T', text: 'Sí' },
  ];
  const build = (id: (n: number) => string) =>
    model(
      corpus(
        shape.map((s) => {
          const spec: PostSpec = { id: id(s.n), author: s.author, at: s.offset, text: s.text };
          if (s.replyTo !== undefined) spec.replyTo = id(s.replyTo);
          if (s.thread !== undefined) spec.thread = s.thread;
          return spec;
        }),
      ),
    );
  const summary = (m: ReturnType<typeof build>, strip: (id: string) => string) => ({
    openers: m.openerIds().map(strip),
    members: Array.from({ length: m.conversations.count }, (_, c) => m.memberIds(c).map(strip)),
    parents: Array.from(m.conversations.parentOf, (p) => (p < 0 ? null : strip(m.corpus.table.id(p)))),
    warnings: m.warnings.map((w) => [w.code, w.line]),
    status: Array.from(m.timeline.status),
    firstResponseMs: Array.from(m.timeline.firstResponseMs),
  });

  it('renumbered, text and sparse numeric ids build the same conversations', () => {
    const dense = summary(
      build((n) => String(n)),
      (id) => id,
    );
    const map = summary(
      build((n) => `x${n}`),
      (id) => id.slice(1),
    );
    const sparse = summary(
      build((n) => String(n * 10_000_000)),
      (id) => String(Number(id) / 10_000_000),
    );
    expect(map).toEqual(dense);
    expect(sparse).toEqual(dense);
    expect(dense.openers).toEqual(['1', '4', '7', '8', '9', '12']);
    expect(dense.warnings).toEqual([['reply-to-missing', 9]]);
  });

  it('ids with leading zeros stay text and never match their numeric look-alike', () => {
    const m = model(
      corpus([
        { id: '007', author: 'lucia', at: T0, text: '@Marca hola' },
        { id: '8', author: 'Marca', at: '+5m', replyTo: '7', text: 'Hola' },
        { id: '9', author: 'Marca', at: '+5m', replyTo: '007', text: 'Hola Lucía' },
      ]),
    );
    expect(m.conversations.parentOf[m.at('8')]).toBe(-1);
    expect(m.conversations.parentOf[m.at('9')]).toBe(m.at('007'));
    expect(m.warnings.map((w) => w.code)).toEqual(['reply-to-missing']);
  });
});
