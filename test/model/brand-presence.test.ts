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
  it('counts the brand\'s posts, handle compared case-insensitively with or without @', () => {
    expect(brandPresence(corpus(POSTS), ['@VERDEMAR'])).toEqual({ brandPosts: 1, mentions: 0, suggestions: [] });
  });

  it('counts declared brand posts only on the brand\'s own channel', () => {
    expect(brandPresence(corpus(POSTS, { ownChannel: true }), ['nadie']).brandPosts).toBe(2);
    expect(brandPresence(corpus(POSTS), ['nadie']).brandPosts).toBe(0);
  });

  it('a brand that never posts but is mentioned: mentions counted, no suggestions', () => {
    const c = corpus(POSTS.filter((p) => p.author !== 'Verdemar'));
    expect(brandPresence(c, ['verdemar'])).toEqual({ brandPosts: 0, mentions: 1, suggestions: [] });
  });

  it('a misspelt brand: suggests the most frequent authors, companies first', () => {
    expect(brandPresence(corpus(POSTS), ['verdemr'])).toEqual({
      brandPosts: 0,
      mentions: 0,
      suggestions: ['OtraMarca (2)', 'lucia (1)', 'Verdemar (1)', 'pepe (1)'],
    });
  });
});
