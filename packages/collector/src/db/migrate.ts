import type { Database } from 'better-sqlite3';
import { ACTION_SCHEMA_SQL } from '../actions/action-schema.ts';
import { LOOP_SCHEMA_SQL, LOOPS_WITHOUT_ROWID_SQL } from '../loops/loop-schema.ts';
import { ROLLUP_BACKFILL_SQL } from '../rollups/rollup-backfill.ts';
import { ANALYTICS_SCHEMA_SQL } from '../rollups/rollup-schema.ts';
import { WEBHOOK_SCHEMA_SQL } from '../webhooks/webhook-schema.ts';

/**
 * One schema change. A migration that rebuilds tables names them and the tables that point at them in
 * `rebuildsTables`: it runs with foreign keys off (so a dropped table cascades nowhere), and those tables'
 * keys are checked before it commits (only those, so a large database does not scan every table).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  rebuildsTables?: readonly string[];
}

/** Versioned schema changes, applied in order at start; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'surveys, responses, events, api keys',
    sql: `
      CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        brand TEXT,
        settings TEXT NOT NULL DEFAULT '{}',
        allowed_origins TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        survey_id TEXT NOT NULL REFERENCES surveys(id),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment TEXT,
        consent INTEGER,
        user_id TEXT,
        email TEXT,
        touchpoint TEXT,
        channel TEXT,
        journey TEXT,
        locale TEXT,
        page TEXT,
        device TEXT,
        properties TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX responses_by_survey_time ON responses (survey_id, created_at);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        survey_id TEXT NOT NULL REFERENCES surveys(id),
        type TEXT NOT NULL CHECK (type IN ('shown', 'dismissed')),
        touchpoint TEXT,
        channel TEXT,
        locale TEXT,
        page TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX events_by_survey_type_time ON events (survey_id, type, created_at);
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT,
        scope TEXT NOT NULL CHECK (scope IN ('read', 'admin')),
        secret_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'analytics rollups (15m/1h/3h/6h/1d by dimension) and comment full-text index, backfilled',
    sql: ANALYTICS_SCHEMA_SQL + ROLLUP_BACKFILL_SQL,
  },
  {
    version: 3,
    name: 'close the loop: excluded flag, loops, notes, loop settings, webhooks, actions',
    sql: LOOP_SCHEMA_SQL + WEBHOOK_SCHEMA_SQL + ACTION_SCHEMA_SQL,
  },
  { version: 4, name: 'loops without rowid, one index (cheaper to open on ingest)', sql: LOOPS_WITHOUT_ROWID_SQL, rebuildsTables: ['loops', 'loop_notes'] },
];

/** Applies every migration newer than the database's version, each in its own transaction. */
export function migrate(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const current = (db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null }).version ?? 0;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // The foreign_keys pragma is a no-op inside a transaction, so it is switched around it.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = (migration.rebuildsTables ?? []).filter((table) => (db.pragma(`foreign_key_check(${table})`) as unknown[]).length > 0);
        if (broken.length > 0) {
          throw new Error(`migration ${migration.version} (${migration.name}) would break foreign keys in ${broken.join(', ')}`);
        }
        record.run(migration.version, migration.name, Date.now());
      }).immediate();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys}`);
    }
  }
  return MIGRATIONS.at(-1)?.version ?? 0;
}
