/** `npsloop keys list [--json]` and `npsloop keys revoke ID` (creating a key is `keys create`, in cli.ts). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../db/database.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';

function options(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], strict: true, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

const databasePath = (db: string | undefined, env: Env) => db ?? (env.NPSLOOP_DB || DEFAULTS.db);

/** Lists the keys: id, scope, name, created, last used; never a secret. */
export async function keysListCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  const { values, positionals } = options(args);
  if (positionals.length) throw new ConfigError(`keys list: unexpected argument "${positionals[0]}"`);
  const keys = await withDatabase(databasePath(values.db, env), (database) => database.keys.list());
  if (values.json) {
    io.out(`${JSON.stringify(keys, null, 2)}\n`);
    return 0;
  }
  if (keys.length === 0) {
    io.err('No API keys yet. Create one with: npsloop keys create --scope read|admin --name NAME\n');
    return 0;
  }
  const rows = [['ID', 'SCOPE', 'CREATED', 'LAST USED', 'NAME'],
    ...keys.map((key) => [key.id, key.scope, key.createdAt.slice(0, 16).replace('T', ' '), key.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never', key.name ?? '-'])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  io.out(rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n');
  return 0;
}

/** Revokes a key by id: it stops working with the next request. */
export async function keysRevokeCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  const { values, positionals } = options(args);
  if (positionals.length !== 1) throw new ConfigError('keys revoke: give the id of one key (see npsloop keys list)');
  const [id] = positionals;
  const revoked = await withDatabase(databasePath(values.db, env), (database) => database.keys.revoke(id));
  if (!revoked) throw new ConfigError(`keys revoke: no API key with id "${id}" (see npsloop keys list)`);
  io.err(`Revoked key ${id}; it no longer works.\n`);
  return 0;
}
