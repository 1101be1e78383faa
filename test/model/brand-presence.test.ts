import { describe, it, expect } from 'vitest';
import { brandPresence } from '../../src/model/brand-presence.js';
import { corpus, type PostSpec } from '../helpers/corpus.js';

const POSTS: PostSpec[] = [
  { id: '1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '@Verdemar ¿abrís hoy?' },
  { id: '2', author: 'Verdemar', at: '+10m', replyTo: '1', text: 'Sí, hasta las 21 h.' },
  { id: '3', author: 'pepe', at: '+1h', text: '@OtraMarca hola' },
  { id: '4', author: 'OtraMarca', at: '+1m', replyTo: '3', text: 'Hola', role: 'brand' },
  { id: '5', author: 'OtraMarca', at: '+1m', replyTo: '3', text: 'Dinos', role: 'brand' },
];

describe('brandPresence', () => {
  it("counts the brand's posts, handle compared case-insensitively with or without @", () => {
    expect(brandPresence(corpus(POSTS), ['@VERDEMAR'])).toEqual({ brandPosts: 1, ownedInputs: 0, mentions: 0, companies: [], suggestions: [] });
  });

  it('a brand is its handles: role=brand by someone else is not the audited brand, even in an inbox export', () => {
    expect(brandPresence(corpus(POSTS, { ownChannel: true }), ['nadie']).brandPosts).toBe(0);
    expect(brandPresence(corpus(POSTS), ['nadie']).brandPosts).toBe(0);
    // Unless the input itself names the brand as its owner (a page, an archive's account).
    expect(brandPresence(corpus(POSTS, { ownChannel: true, owner: 'nadie' }), ['nadie']).brandPosts).toBe(2);
  });

  it('a brand that never posts but is mentioned: mentions counted, companies named', () => {
    const c = corpus(POSTS.filter((p) => p.author !== 'Verdemar'));
    expect(brandPresence(c, ['verdemar'])).toEqual({ brandPosts: 0, ownedInputs: 0, mentions: 1, companies: ['OtraMarca (2)'], suggestions: [] });
  });

  it('a misspelt brand: names the authors the input marks as a company', () => {
    expect(brandPresence(corpus(POSTS), ['verdemr'])).toEqual({ brandPosts: 0, ownedInputs: 0, mentions: 0, companies: ['OtraMarca (2)'], suggestions: [] });
  });

  it('no company marked: suggests the most frequent authors', () => {
    const plain = POSTS.map(({ role: _role, ...rest }) => rest);
    expect(brandPresence(corpus(plain), ['verdemr']).suggestions).toEqual(['OtraMarca (2)', 'lucia (1)', 'Verdemar (1)', 'pepe (1)']);
  });
});
