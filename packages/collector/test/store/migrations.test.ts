import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { tempDir } from '../helpers.ts';

describe('database setup', () => {
  it('creates the directory, uses WAL, and records each migration once', () => {
    const path = join(tempDir(), 'nested', 'dir', 'npsloop.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
    db.close();

    const reopened = openDatabase(path);
    expect(reopened.prepare('SELECT COUNT(*) AS count FROM schema_migrations').get()).toEqual({ count: MIGRATIONS.length });
    const tables = reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['api_keys', 'events', 'responses', 'schema_migrations', 'surveys']));
    reopened.close();
  });
});
