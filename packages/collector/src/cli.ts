import { parseArgs } from 'node:util';
import { helpText } from './cli-help.ts';
import { demoCommand } from './demo/demo-command.ts';
import { exportCommand } from './analytics/export-command.ts';
import { keysListCommand, keysRevokeCommand } from './keys/keys-command.ts';
import { importCommand } from './import/import-command.ts';
import { inviteCommand } from './invitations/invite-command.ts';
import { linksCommand, linksRotateCommand } from './links/links-command.ts';
import { parseServeConfig } from './config.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from './lib/command-line.ts';
import { describeIssues } from './lib/common-schemas.ts';
import { surveyCreateSchema } from './surveys/survey-schemas.ts';
import { runRollupsRebuild } from './analytics/rollups-command.ts';
import { startServer } from './server.ts';
import { copyCommand } from './storage/copy-command.ts';
import { migrateCommand } from './storage/migrate-command.ts';
import { withDatabase as openThenClose, type Database } from './db/database.ts';
import type { KeyScope } from './db/repositories/key-repository.ts';

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function flags(args: readonly string[], options: FlagSpec): Record<string, string | boolean | string[] | undefined> {
  try {
    return parseArgs({ args: [...args], options: { ...options, db: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function withDatabase<T>(dbPath: string | undefined, env: Env, use: (database: Database) => Promise<T>): Promise<T> {
  return openThenClose(dbPath ?? (env.NPSLOOP_DB || DEFAULTS.db), use);
}

async function keysCreate(args: readonly string[], env: Env, io: CliOutput): Promise<void> {
  const values = flags(args, { scope: { type: 'string' }, name: { type: 'string' } });
  const scope = values.scope as string | undefined;
  if (scope !== 'read' && scope !== 'admin') throw new ConfigError('--scope: must be read or admin');
  const { secret, key } = await withDatabase(values.db as string | undefined, env, (database) =>
    database.keys.create(scope as KeyScope, (values.name as string | undefined) ?? null));
  io.err(`Created ${key.scope} key ${key.id}${key.name ? ` (${key.name})` : ''}. Copy it now: it is shown only once.\n`);
  io.out(`${secret}\n`);
}

async function surveysCreate(args: readonly string[], env: Env, io: CliOutput): Promise<void> {
  const values = flags(args, {
    id: { type: 'string' }, name: { type: 'string' }, brand: { type: 'string' },
    origin: { type: 'string', multiple: true }, inactive: { type: 'boolean' }, 'if-missing': { type: 'boolean' }, metric: { type: 'string' },
  });
  const parsed = surveyCreateSchema.safeParse({
    id: values.id, name: values.name, brand: values.brand,
    allowedOrigins: values.origin ?? [], active: values.inactive ? false : undefined, metric: values.metric,
  });
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues, 'survey').replace(/allowedOrigins(\.\d+)?/g, '--origin').replace(/(^|; )metric:/g, '$1--metric:'));
  await withDatabase(values.db as string | undefined, env, async (database) => {
    const existing = await database.surveys.get(parsed.data.id);
    if (existing && values['if-missing']) {
      io.err(`Survey "${existing.id}" already exists; left unchanged.\n`);
      io.out(`${JSON.stringify(existing, null, 2)}\n`);
      return;
    }
    const survey = await database.surveys.create(parsed.data);
    io.err(`Created survey "${survey.id}".\n`);
    io.out(`${JSON.stringify(survey, null, 2)}\n`);
  });
}

async function surveysList(args: readonly string[], env: Env, io: CliOutput): Promise<void> {
  const values = flags(args, { json: { type: 'boolean' } });
  const surveys = await withDatabase(values.db as string | undefined, env, (database) => database.surveys.list());
  if (values.json) return io.out(`${JSON.stringify(surveys, null, 2)}\n`);
  if (surveys.length === 0) return io.err('No surveys yet. Create one with: npsloop surveys create --id ID --name NAME\n');
  const rows = surveys.map((survey) => [survey.id, survey.active ? 'active' : 'paused', survey.name, survey.allowedOrigins.join(',') || '-']);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length), ['ID', 'STATE', 'NAME'][column].length));
  const line = (row: string[]) => `${row.slice(0, 3).map((cell, column) => cell.padEnd(widths[column])).join('  ')}  ${row[3]}\n`;
  io.out(line(['ID', 'STATE', 'NAME', 'ORIGINS']) + rows.map(line).join(''));
}

/** Runs one CLI invocation; resolves to the exit code (serve keeps running and resolves 0 once listening). */
export async function runCli(argv: readonly string[], env: Env, io: CliOutput): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h' || argv.includes('--help')) {
      io.out(helpText());
      return command ? 0 : 2;
    }
    if (command === 'serve') {
      await startServer(parseServeConfig(argv.slice(1), env));
      return 0;
    }
    if (command === 'keys' && sub === 'create') await keysCreate(rest, env, io);
    else if (command === 'surveys' && sub === 'create') await surveysCreate(rest, env, io);
    else if (command === 'surveys' && sub === 'list') await surveysList(rest, env, io);
    else if (command === 'keys' && sub === 'list') return await keysListCommand(rest, env, io);
    else if (command === 'keys' && sub === 'revoke') return await keysRevokeCommand(rest, env, io);
    else if (command === 'export') return await exportCommand(argv.slice(1), env, io);
    else if (command === 'demo') return await demoCommand(argv.slice(1), env, io);
    else if (command === 'import') return await importCommand(argv.slice(1), env, io);
    else if (command === 'links' && sub === 'rotate-secret') return await linksRotateCommand(rest, env, io);
    else if (command === 'invite') return await inviteCommand(argv.slice(1), env, io);
    else if (command === 'links') return await linksCommand(argv.slice(1), env, io);
    else if (command === 'migrate') return await migrateCommand(argv.slice(1), env, io);
    else if (command === 'copy') return await copyCommand(argv.slice(1), env, io);
    else if (command === 'rollups' && sub === 'rebuild') {
      const values = flags(rest, {});
      await withDatabase(values.db as string | undefined, env, (database) => runRollupsRebuild(database, io));
    }
    else throw new ConfigError(`unknown command "${argv.slice(0, 2).join(' ')}"; see npsloop --help`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || (error as { statusCode?: number }).statusCode === 409) {
      io.err(`npsloop: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The `npsloop` binary: runs the command with the process's arguments, environment and streams. */
export async function main(argv: readonly string[]): Promise<void> {
  const io: CliOutput = {
    out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), isTerminal: process.stderr.isTTY, stdout: process.stdout,
  };
  // A reader that stops early (`npsloop export | head`) ends the command quietly, as other CLIs do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await runCli(argv, process.env, io);
  } catch (error) {
    io.err(`npsloop: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
