/** `npsloop migrate [--db PATH|URL]`: brings a database's schema up to date without starting the server. */
import { parseArgs } from 'node:util';
import { describeDatabase, withDatabase } from '../db/database.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';

/** Applies the migrations the database lacks (each process that starts does too; this one only migrates). */
export async function migrateCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  let db: string | undefined;
  try {
    ({ values: { db } } = parseArgs({ args: [...args], strict: true, options: { db: { type: 'string' } } }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const location = db ?? (env.NPSLOOP_DB || DEFAULTS.db);
  const { engine, version } = await withDatabase(location, async (database) => ({ engine: database.engine, version: database.schemaVersion }));
  io.err(`Database ${describeDatabase(location)} (${engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}) is at schema version ${version}.\n`);
  io.out(`${JSON.stringify({ schemaVersion: version })}\n`);
  return 0;
}
