import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { tempDir } from '../helpers.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

// The survey cache keeps a read for a second: a survey changed through another process (the CLI, another collector)
// shows within that time. Only `Date` is faked, to move past the second without waiting for it.
afterEach(() => {
  vi.useRealTimers();
});

async function databaseWithSurvey() {
  const database = await openDatabase({ path: await freshDatabaseLocation(tempDir(), 'cache.db') });
  await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
  return database;
}

function secondsLater(seconds: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + seconds * 1000);
}

describe('survey cache', () => {
  it('answers the requests that find the survey expired together from one read', async () => {
    const database = await databaseWithSurvey();
    try {
      const before = await database.surveys.get('demo');
      secondsLater(2);
      const together = await Promise.all(Array.from({ length: 20 }, () => database.surveys.get('demo')));
      expect(together[0]).toMatchObject({ id: 'demo', name: 'Demo' });
      // One read made one record, which every request got (separate reads would each have made their own).
      expect(together[0]).not.toBe(before);
      for (const survey of together) expect(survey).toBe(together[0]);
      // An id that does not exist is read once for all of them too, and stays unknown.
      const unknown = await Promise.all(Array.from({ length: 5 }, () => database.surveys.get('nope')));
      expect(unknown).toEqual([undefined, undefined, undefined, undefined, undefined]);
      // So are the origins every active survey allows (CORS asks on each request from a page).
      await database.surveys.create({ id: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example'] });
      const origins = await database.surveys.activeOriginPatterns();
      secondsLater(4);
      const originsTogether = await Promise.all(Array.from({ length: 5 }, () => database.surveys.activeOriginPatterns()));
      expect(originsTogether[0]).toEqual(['https://shop.example']);
      expect(originsTogether[0]).not.toBe(origins);
      for (const patterns of originsTogether) expect(patterns).toBe(originsTogether[0]);
    } finally {
      await database.close();
    }
  });

  it('shows a change at once, even to requests that were waiting for a read when it was made', async () => {
    const database = await databaseWithSurvey();
    try {
      await database.surveys.get('demo');
      secondsLater(2);
      const waiting = database.surveys.get('demo');
      const updated = await database.surveys.update('demo', { name: 'Renamed', active: false });
      expect(updated).toMatchObject({ name: 'Renamed', active: false });
      await waiting;
      expect(await database.surveys.get('demo')).toMatchObject({ name: 'Renamed', active: false });
    } finally {
      await database.close();
    }
  });
});
