import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_ID_PATTERN } from '@npsloop/core';
import { randomId } from '../../src/loader/ids';

describe('randomId', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('makes ids the collector accepts, later ones sorting after earlier ones', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    const first = randomId();
    vi.setSystemTime(new Date('2026-11-22T10:00:00.001Z'));
    const second = randomId();
    expect(first).toMatch(CLIENT_ID_PATTERN);
    expect(second).toHaveLength(20);
    expect(first < second).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, randomId)).size).toBe(1000);
  });

  it('still makes an id where crypto is missing', () => {
    vi.stubGlobal('crypto', undefined);
    expect(randomId()).toMatch(CLIENT_ID_PATTERN);
  });
});
