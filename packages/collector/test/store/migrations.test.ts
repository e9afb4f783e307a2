import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/sqlite/sqlite-connection.ts';
import { tempDir } from '../helpers.ts';

/** A database as migration 3 left it, before loops lost their rowid. */
function versionThreeDatabase(path: string) {
  const db = new BetterSqlite3(path);
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(migration.version, migration.name);
  }
  return db;
}

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

  it('upgrades a version-3 database to loops without rowid, keeping every loop and note and enforcing keys again', () => {
    const path = join(tempDir(), 'v3.db');
    const old = versionThreeDatabase(path);
    old.exec(`INSERT INTO surveys (id, name, created_at, updated_at) VALUES ('demo', 'Demo', 1, 1);
      INSERT INTO responses (id, survey_id, score, created_at, updated_at) VALUES ('resp_0001', 'demo', 2, 10, 10), ('resp_0002', 'demo', 9, 20, 20);
      INSERT INTO loops (response_id, survey_id, state, assignee, tags, opened_at, first_contact_at, updated_at)
        VALUES ('resp_0001', 'demo', 'contacted', 'ann', '["billing"]', 10, 15, 15);
      INSERT INTO loop_notes (id, response_id, author, text, created_at) VALUES ('note_1', 'resp_0001', 'ann', 'Called back', 15);`);
    old.close();

    const db = openDatabase(path);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'loops'").pluck().get()).toMatch(/WITHOUT ROWID/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'loops' AND sql IS NOT NULL").pluck().all())
      .toEqual(['loops_by_survey_state']);
    expect(db.prepare('SELECT response_id, state, assignee, tags, opened_at, first_contact_at FROM loops').all()).toEqual([
      { response_id: 'resp_0001', state: 'contacted', assignee: 'ann', tags: '["billing"]', opened_at: 10, first_contact_at: 15 },
    ]);
    expect(db.prepare('SELECT id, text FROM loop_notes').all()).toEqual([{ id: 'note_1', text: 'Called back' }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO loops (response_id, survey_id, state, opened_at, updated_at) VALUES ('nope', 'demo', 'open', 1, 1)").run())
      .toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM responses WHERE id = ?').run('resp_0001');
    expect(db.prepare('SELECT COUNT(*) FROM loop_notes').pluck().get()).toBe(0);
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('leaves a database with a dangling loop untouched rather than rebuilding it', () => {
    const path = join(tempDir(), 'dangling.db');
    const old = versionThreeDatabase(path);
    old.pragma('foreign_keys = OFF');
    old.exec(`INSERT INTO surveys (id, name, created_at, updated_at) VALUES ('demo', 'Demo', 1, 1);
      INSERT INTO loops (response_id, survey_id, state, opened_at, updated_at) VALUES ('resp_gone01', 'demo', 'open', 10, 10);`);
    old.close();

    expect(() => openDatabase(path)).toThrow(/migration 4 .* would break foreign keys in loops/);
    const after = new BetterSqlite3(path);
    expect(after.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(3);
    expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'loops'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    expect(after.prepare('SELECT response_id FROM loops').pluck().all()).toEqual(['resp_gone01']);
    after.close();
  });
});
