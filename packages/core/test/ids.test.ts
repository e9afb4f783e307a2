import { describe, expect, it } from 'vitest';
import { CLIENT_ID_PATTERN, SORTABLE_ID_ALPHABET, sortableId } from '../src/index.js';

const bytes = (value: number) => new Array(12).fill(value);

describe('sortableId', () => {
  it('is 20 characters the collector accepts as a client id', () => {
    const id = sortableId(Date.parse('2026-11-22T10:00:00Z'), bytes(255));
    expect(id).toHaveLength(20);
    expect(id).toMatch(CLIENT_ID_PATTERN);
  });

  it('sorts (as bytes, like SQLite) by the time it was made, whatever the random part', () => {
    const times = [0, 1, 63, 64, 4095, 4096, Date.parse('2001-09-09T01:46:40Z'), Date.parse('2026-11-22T10:00:00Z'), Date.parse('2026-11-22T10:00:00.001Z'), 2 ** 48 - 1];
    const ids = times.map((time, index) => sortableId(time, bytes(index % 2 === 0 ? 63 : 0)));
    expect([...ids].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))).toEqual(ids);
  });

  it('keeps the low 6 bits of each random byte after the time', () => {
    expect(sortableId(0, [0, 1, 2, 63, 64, 65, 127, 128, 191, 192, 254, 255])).toBe(`${'-'.repeat(8)}-01z-0z-z-yz`);
  });

  it('uses an alphabet in byte order', () => {
    expect([...SORTABLE_ID_ALPHABET].sort().join('')).toBe(SORTABLE_ID_ALPHABET);
    expect(new Set(SORTABLE_ID_ALPHABET).size).toBe(64);
  });
});
