import { describe, expect, it } from 'vitest';
import { groupFor, isAllowed, matches, parseRobots, productToken } from '../../src/io/robots.js';

const UA = 'second-impression/0.1.0 (+offline audit)';
const allowed = (robots: string, path: string, ua = UA) => isAllowed(parseRobots(robots), ua, path).allowed;

describe('robots.txt groups', () => {
  it('uses the group naming our product token, case-insensitively, over the * group', () => {
    const robots = 'User-agent: *\nDisallow: /\n\nUser-agent: Second-Impression\nDisallow: /private\n';
    expect(allowed(robots, '/reviews')).toBe(true);
    expect(allowed(robots, '/private/x')).toBe(false);
    expect(allowed(robots, '/reviews', 'OtherBot/1.0')).toBe(false);
  });

  it('falls back to * when no group names us, and allows everything when there is neither', () => {
    expect(allowed('User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search', '/search?q=1')).toBe(false);
    expect(allowed('User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search', '/review')).toBe(true);
    expect(allowed('User-agent: googlebot\nDisallow: /\n', '/anything')).toBe(true);
    expect(allowed('', '/anything')).toBe(true);
  });

  it('lets consecutive User-agent lines share one group, and merges groups for the same agent', () => {
    const robots = 'User-agent: a\nUser-agent: second-impression\nDisallow: /x\n\nUser-agent: b\nDisallow: /y\n\nuser-agent: SECOND-IMPRESSION\ndisallow: /z\n';
    expect(allowed(robots, '/x')).toBe(false);
    expect(allowed(robots, '/y')).toBe(true);
    expect(allowed(robots, '/z')).toBe(false);
    expect(allowed(robots, '/x', 'a')).toBe(false);
    expect(allowed(robots, '/z', 'a')).toBe(true);
  });

  it('matches the product token of a versioned User-agent line, and ignores rules before any group', () => {
    expect(allowed('Disallow: /\nUser-agent: second-impression/2.0\nDisallow: /a', '/b')).toBe(true);
    expect(allowed('Disallow: /\nUser-agent: second-impression/2.0\nDisallow: /a', '/a')).toBe(false);
    expect(productToken(UA)).toBe('second-impression');
  });

  it('reads comments, CRLF, a BOM, blank Disallow and sitemap lines', () => {
    const robots = '\ufeffUser-agent: * # everyone\r\nSitemap: https://x.test/s.xml\r\nDisallow: /a # not a\r\nDisallow:\r\n';
    expect(allowed(robots, '/a/1')).toBe(false);
    expect(allowed(robots, '/b')).toBe(true);
  });

  it('reads Crawl-delay of the chosen group', () => {
    expect(groupFor(parseRobots('User-agent: *\nCrawl-delay: 5\nDisallow: /x'), UA).crawlDelay).toBe(5);
    expect(groupFor(parseRobots('User-agent: *\nCrawl-delay: soon'), UA).crawlDelay).toBeUndefined();
  });
});

describe('robots.txt precedence', () => {
  it('lets the longest matching rule win', () => {
    const robots = 'User-agent: *\nDisallow: /reviews\nAllow: /reviews/public\n';
    expect(allowed(robots, '/reviews/public/1')).toBe(true);
    expect(allowed(robots, '/reviews/private')).toBe(false);
    expect(allowed('User-agent: *\nAllow: /r\nDisallow: /reviews', '/reviews')).toBe(false);
  });

  it('prefers Allow between rules of the same length, whatever their order', () => {
    expect(allowed('User-agent: *\nDisallow: /page\nAllow: /page\n', '/page')).toBe(true);
    expect(allowed('User-agent: *\nAllow: /page\nDisallow: /page\n', '/page')).toBe(true);
  });

  it('always allows /robots.txt', () => {
    expect(allowed('User-agent: *\nDisallow: /', '/robots.txt')).toBe(true);
  });

  it('matches the query string too', () => {
    expect(allowed('User-agent: *\nDisallow: /*?sort=', '/reviews?sort=new')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /*?sort=', '/reviews?page=2')).toBe(true);
  });
});

describe('robots.txt patterns', () => {
  it('is a prefix match without wildcards', () => {
    expect(matches('/fish', '/fish')).toBe(true);
    expect(matches('/fish', '/fish.html')).toBe(true);
    expect(matches('/fish', '/Fish')).toBe(false);
    expect(matches('/fish/', '/fish')).toBe(false);
  });

  it('reads * as any run and a final $ as the end', () => {
    expect(matches('/*.php', '/index.php')).toBe(true);
    expect(matches('/*.php', '/folder/x.php?y=1')).toBe(true);
    expect(matches('/*.php$', '/x.php')).toBe(true);
    expect(matches('/*.php$', '/x.php?y')).toBe(false);
    expect(matches('/fish*.php', '/fishheads/catfish.php')).toBe(true);
    expect(matches('/fish*.php', '/Fish.PHP')).toBe(false);
    expect(matches('/a*b*c$', '/axxbyyc')).toBe(true);
    expect(matches('/a*b*c$', '/axxbyycd')).toBe(false);
    expect(matches('/a*bc$', '/abc')).toBe(true);
    expect(matches('/ab*b$', '/ab')).toBe(false);
    expect(matches('*', '/anything')).toBe(true);
    expect(matches('/$', '/')).toBe(true);
    expect(matches('/$', '/x')).toBe(false);
  });

  it('takes a $ inside a pattern literally', () => {
    expect(allowed('User-agent: *\nDisallow: /a$b', '/a$b')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /a$b', '/a')).toBe(true);
  });

  it('compares percent-encoding and non-ASCII characters alike', () => {
    expect(allowed('User-agent: *\nDisallow: /café', '/caf%C3%A9/menu')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /caf%c3%a9', '/caf%C3%A9')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /~joe', '/%7Ejoe/')).toBe(false);
  });

  it('stays linear on patterns built to make a backtracking matcher explode', () => {
    const pattern = `/${'*a'.repeat(2000)}$`;
    const path = `/${'a'.repeat(20_000)}b`;
    // A backtracking matcher needs astronomically many steps here; this one answers at once.
    expect(matches(pattern, path)).toBe(false);
    expect(matches(pattern, `/${'a'.repeat(20_000)}`)).toBe(true);
    const robots = `User-agent: *\n${'Disallow: /*x*x*x*x*x*x*x*x*y\n'.repeat(500)}`;
    expect(allowed(robots, `/${'x'.repeat(5000)}`)).toBe(true);
  });
});
