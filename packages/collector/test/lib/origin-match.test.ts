import { describe, expect, it } from 'vitest';
import { ORIGIN_PATTERN_SYNTAX, originMatches } from '../../src/lib/origin-match.ts';

describe('originMatches', () => {
  it.each([
    ['https://shop.example', 'https://shop.example', true],
    ['https://SHOP.example', 'https://shop.example', true],
    ['https://shop.example:443', 'https://shop.example', true],
    ['http://shop.example', 'https://shop.example', false],
    ['https://shop.example:8443', 'https://shop.example', false],
    ['https://a.example.com', 'https://*.example.com', true],
    ['https://a.b.example.com', 'https://*.example.com', true],
    ['https://example.com', 'https://*.example.com', false],
    ['https://badexample.com', 'https://*.example.com', false],
    ['https://example.com.evil', 'https://*.example.com', false],
    ['http://localhost:5173', 'http://localhost:*', true],
    ['http://localhost', 'http://localhost:*', true],
    ['http://localhost.evil:80', 'http://localhost:*', false],
    ['http://127.0.0.1:9', 'http://127.0.0.1:*', true],
    ['http://a.dev.local:3000', 'http://*.dev.local:*', true],
    ['null', 'https://shop.example', false],
    ['https://shop.example/', 'https://shop.example', false],
  ])('%s against %s → %s', (origin, pattern, expected) => {
    expect(originMatches(origin, pattern)).toBe(expected);
  });

  it.each(['https://shop.example', 'https://*.example.com', 'http://localhost:*', 'http://127.0.0.1:8080'])('accepts the pattern %s', (pattern) => {
    expect(ORIGIN_PATTERN_SYNTAX.test(pattern)).toBe(true);
  });

  it.each(['*', 'shop.example', 'https://shop.example/', 'https://*', 'https://sh*p.example', 'ftp://shop.example', 'https://*.*.example.com'])('rejects the pattern %s', (pattern) => {
    expect(ORIGIN_PATTERN_SYNTAX.test(pattern)).toBe(false);
  });
});
