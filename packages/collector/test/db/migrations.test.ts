import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { SQLITE_MIGRATIONS } from '../../src/db/sqlite/migrations/index.ts';
import { tempDir } from '../helpers.ts';
import { dbExec, dbRows, dbValue } from '../support/db-rows.ts';

/** A database as migration 3 left it, before loops lost their rowid. */
function versionThreeDatabase(path: string) {
  const db = new BetterSqlite3(path);
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version <= 3)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(migration.version, migration.name);
  }
  return db;
}

describe('database setup', () => {
  it('creates the directory, uses WAL, and records each migration once', async () => {
    const dbPath = join(tempDir(), 'nested', 'dir', 'npsloop.db');
    const database = await openDatabase({ path: dbPath });
    expect(database.schemaVersion).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    expect(await dbValue({ dbPath }, 'PRAGMA journal_mode')).toBe('wal');
    expect(await dbRows({ dbPath }, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(SQLITE_MIGRATIONS.map((migration) => ({ version: migration.version })));
    await database.close();

    const reopened = await openDatabase({ path: dbPath });
    expect(await dbValue({ dbPath }, 'SELECT COUNT(*) FROM schema_migrations')).toBe(SQLITE_MIGRATIONS.length);
    const tables = (await dbRows({ dbPath }, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['api_keys', 'events', 'responses', 'schema_migrations', 'surveys']));
    await reopened.close();
  });

  it('numbers its migrations in rising order from 1 with literal SQL', () => {
    // Numbers are reserved per feature branch (6, 7, 8…), so a branch may lack one that another lands; the order must rise.
    const versions = SQLITE_MIGRATIONS.map((migration) => migration.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    for (const migration of SQLITE_MIGRATIONS) expect(migration.sql).not.toMatch(/\$\{|undefined|\[object/);
  });

  it('upgrades a version-3 database to loops without rowid, keeping every loop and note and enforcing keys again', async () => {
    const dbPath = join(tempDir(), 'v3.db');
    const old = versionThreeDatabase(dbPath);
    old.exec(`INSERT INTO surveys (id, name, created_at, updated_at) VALUES ('demo', 'Demo', 1, 1);
      INSERT INTO responses (id, survey_id, score, created_at, updated_at) VALUES ('resp_0001', 'demo', 2, 10, 10), ('resp_0002', 'demo', 9, 20, 20);
      INSERT INTO loops (response_id, survey_id, state, assignee, tags, opened_at, first_contact_at, updated_at)
        VALUES ('resp_0001', 'demo', 'contacted', 'ann', '["billing"]', 10, 15, 15);
      INSERT INTO loop_notes (id, response_id, author, text, created_at) VALUES ('note_1', 'resp_0001', 'ann', 'Called back', 15);`);
    old.close();

    const database = await openDatabase({ path: dbPath });
    const app = { dbPath };
    expect(await dbValue(app, 'SELECT MAX(version) FROM schema_migrations')).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    expect(await dbValue(app, "SELECT sql FROM sqlite_master WHERE name = 'loops'")).toMatch(/WITHOUT ROWID/);
    expect(await dbRows(app, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'loops' AND sql IS NOT NULL")).toEqual([{ name: 'loops_by_survey_state' }]);
    expect(await dbRows(app, 'SELECT response_id, state, assignee, tags, opened_at, first_contact_at FROM loops')).toEqual([
      { response_id: 'resp_0001', state: 'contacted', assignee: 'ann', tags: '["billing"]', opened_at: 10, first_contact_at: 15 },
    ]);
    expect(await dbRows(app, 'SELECT id, text FROM loop_notes')).toEqual([{ id: 'note_1', text: 'Called back' }]);
    await expect(dbExec(app, "INSERT INTO loops (response_id, survey_id, state, opened_at, updated_at) VALUES ('nope', 'demo', 'open', 1, 1)")).rejects.toThrow(/FOREIGN KEY/);
    // The collector's own connection enforces keys again after the rebuild: deleting a response takes its loop and notes with it.
    await database.transaction((tx) => tx.responses.erase(['resp_0001']));
    expect(await dbValue(app, 'SELECT COUNT(*) FROM loop_notes')).toBe(0);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM loops')).toBe(0);
    await database.close();
    const again = await openDatabase({ path: dbPath });
    expect(again.schemaVersion).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    await again.close();
  });

  it('leaves a database with a dangling loop untouched rather than rebuilding it', async () => {
    const path = join(tempDir(), 'dangling.db');
    const old = versionThreeDatabase(path);
    old.pragma('foreign_keys = OFF');
    old.exec(`INSERT INTO surveys (id, name, created_at, updated_at) VALUES ('demo', 'Demo', 1, 1);
      INSERT INTO loops (response_id, survey_id, state, opened_at, updated_at) VALUES ('resp_gone01', 'demo', 'open', 10, 10);`);
    old.close();

    await expect(openDatabase({ path })).rejects.toThrow(/migration 4 .* would break foreign keys in loops/);
    const after = new BetterSqlite3(path);
    expect(after.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(3);
    expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'loops'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    expect(after.prepare('SELECT response_id FROM loops').pluck().all()).toEqual(['resp_gone01']);
    after.close();
  });
});
