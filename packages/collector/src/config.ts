import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, type Env } from './lib/command-line.ts';
import { parsePublicUrl } from './lib/public-url.ts';
import type { RateLimitOptions } from './plugins/rate-limit.ts';
import type { SyncMode } from './db/database.ts';

/** Everything `npsloop serve` needs, from flags first, then environment variables, then defaults. */
export interface ServeConfig {
  port: number;
  host: string;
  dbPath: string;
  adminKey?: string;
  trustProxy: boolean | number | string[];
  logLevel: string;
  apiCorsOrigins: string[];
  rateLimit: RateLimitOptions;
  bodyLimit: number;
  widgetPath?: string;
  sync: SyncMode;
  writeWindowMs: number;
  allowPrivateWebhooks: boolean;
  loopOpenedDelayMs: number;
  retentionDays?: number;
  requestTimeoutMs: number;
  publicUrl?: string;
  mail?: { smtpUrl: string; from: string; ratePerMinute: number };
}

/** The serve flags, their environment variables and help text (also used by `npsloop --help`). */
export const SERVE_OPTIONS = {
  port: { env: 'PORT', help: `port to listen on (default ${DEFAULTS.port}; 0 picks a free one)` },
  host: { env: 'HOST', help: `address to listen on (default ${DEFAULTS.host}; 0.0.0.0 for all)` },
  db: { env: 'NPSLOOP_DB', help: `SQLite file (its directory is created) or postgres://user:password@host:5432/database (default ${DEFAULTS.db})` },
  'trust-proxy': { env: 'NPSLOOP_TRUST_PROXY', help: 'trust X-Forwarded-For: true, a hop count, or comma-separated proxy addresses/CIDRs (default false)' },
  'log-level': { env: 'NPSLOOP_LOG_LEVEL', help: 'fatal, error, warn, info, debug, trace or silent (default info)' },
  'cors-origin': { env: 'NPSLOOP_CORS_ORIGINS', help: 'origin allowed to call the key-protected API from a browser; repeat the flag or comma-separate in the env var' },
  'rate-limit-ip': { env: 'NPSLOOP_RATE_LIMIT_IP', help: 'public write requests per client IP per window (default 600; 0 = off)' },
  'rate-limit-survey': { env: 'NPSLOOP_RATE_LIMIT_SURVEY', help: 'ingest requests per survey per window (default 30000; 0 = off)' },
  'rate-limit-window': { env: 'NPSLOOP_RATE_LIMIT_WINDOW', help: 'rate-limit window in seconds (default 60)' },
  'body-limit': { env: 'NPSLOOP_BODY_LIMIT', help: 'largest request body in bytes (default 65536)' },
  widget: { env: 'NPSLOOP_WIDGET', help: 'path of the built widget.js (default: packages/widget/dist/widget.js)' },
  sync: { env: 'NPSLOOP_SYNC', help: 'SQLite synchronous mode: normal (survives a killed process; default) or full (also survives power loss, slower)' },
  'allow-private-webhooks': { env: 'NPSLOOP_ALLOW_PRIVATE_WEBHOOKS', help: 'accept webhooks to private and loopback addresses (a bare flag means true; default false)', boolean: true },
  'loop-opened-delay': { env: 'NPSLOOP_LOOP_OPENED_DELAY', help: 'seconds a loop.opened webhook waits for the comment (default 120)' },
  'retention-days': { env: 'NPSLOOP_RETENTION_DAYS', help: 'purge comments and personal data of answers older than this many days (default: keep)' },
  'write-window': { env: 'NPSLOOP_WRITE_WINDOW', help: 'group commit: extra ms a write waits to share its transaction (default 0: writes of one event-loop turn share one; on SQLite of up to nine while more keep coming)' },
  'public-url': { env: 'NPSLOOP_PUBLIC_URL', help: 'address people and the team open this collector at, for personal links and chat alerts (default: the address a request came to)' },
  smtp: { env: 'NPSLOOP_SMTP_URL', help: 'SMTP server for invitations from the API: smtp://user:pass@host:587 or smtps://…:465 (default: the API sends no email)' },
  'mail-from': { env: 'NPSLOOP_MAIL_FROM', help: 'sender of invitations, e.g. "Acme <nps@acme.example>" (required with --smtp)' },
  'mail-rate': { env: 'NPSLOOP_MAIL_RATE', help: 'invitation emails per minute (default 60)' },
  'request-timeout': { env: 'NPSLOOP_REQUEST_TIMEOUT', help: 'seconds a client gets to send its whole request, then 408 (default 30)' },
} as const satisfies Record<string, { env: string; help: string; boolean?: true }>;

/** Flags that may stand alone (`--allow-private-webhooks` means true) or take true/false, also as the next argument. */
const BOOLEAN_FLAGS = new Set(Object.entries(SERVE_OPTIONS).filter(([, option]) => 'boolean' in option).map(([name]) => `--${name}`));

/** Gives every boolean flag an explicit value (`--flag` → `--flag=true`, `--flag false` → `--flag=false`), for parseArgs. */
function withBooleanValues(args: readonly string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!BOOLEAN_FLAGS.has(arg)) result.push(arg);
    else if (args[index + 1] !== undefined && !args[index + 1].startsWith('-')) result.push(`${arg}=${args[++index]}`);
    else result.push(`${arg}=true`);
  }
  return result;
}

/** Invitation mail settings: none without --smtp; --smtp needs --mail-from. */
function mailSettings(smtp: string | undefined, from: string | undefined, rate: string | undefined) {
  if (smtp === undefined) return undefined;
  if (!/^smtps?:\/\/\S+$/.test(smtp)) throw new ConfigError('--smtp: must be smtp://user:pass@host:587 or smtps://user:pass@host:465');
  if (!from) throw new ConfigError('--mail-from: required with --smtp, e.g. "Acme <nps@acme.example>"');
  return { smtpUrl: smtp, from, ratePerMinute: integer('--mail-rate', rate ?? '60', 1, 10_000) };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(`${name}: must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function trueOrFalse(name: string, text: string): boolean {
  if (text !== 'true' && text !== 'false') throw new ConfigError(`${name}: must be true or false, got "${text}"`);
  return text === 'true';
}

function trustProxy(text: string): boolean | number | string[] {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** Parses `npsloop serve` flags and environment; pure, so it is tested without a server. */
export function parseServeConfig(args: readonly string[], env: Env): ServeConfig {
  let values: Record<string, string | string[] | undefined>;
  try {
    const options = Object.fromEntries(
      Object.keys(SERVE_OPTIONS).map((name) => [name, { type: 'string' as const, multiple: name === 'cors-origin' }]),
    );
    values = parseArgs({ args: withBooleanValues(args), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const pick = (name: keyof typeof SERVE_OPTIONS): string | undefined => {
    const flag = values[name];
    if (typeof flag === 'string') return flag;
    const fromEnv = env[SERVE_OPTIONS[name].env];
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const logLevel = pick('log-level') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`--log-level: must be one of ${LOG_LEVELS.join(', ')}`);
  const sync = (pick('sync') ?? 'normal').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new ConfigError('--sync: must be full or normal');
  const corsFlags = values['cors-origin'] as string[] | undefined;
  const corsOrigins = corsFlags?.length ? corsFlags : (env.NPSLOOP_CORS_ORIGINS ?? '').split(',');
  return {
    port: integer('--port', pick('port') ?? String(DEFAULTS.port), 0, 65535),
    host: pick('host') ?? DEFAULTS.host,
    dbPath: pick('db') ?? DEFAULTS.db,
    adminKey: env.NPSLOOP_ADMIN_KEY || undefined,
    trustProxy: trustProxy(pick('trust-proxy') ?? 'false'),
    logLevel,
    apiCorsOrigins: corsOrigins.map((entry) => entry.trim()).filter(Boolean),
    rateLimit: {
      perIp: integer('--rate-limit-ip', pick('rate-limit-ip') ?? '600', 0, 1e9),
      perSurvey: integer('--rate-limit-survey', pick('rate-limit-survey') ?? '30000', 0, 1e9),
      windowMs: integer('--rate-limit-window', pick('rate-limit-window') ?? '60', 1, 86_400) * 1000,
    },
    bodyLimit: integer('--body-limit', pick('body-limit') ?? '65536', 1024, 10 * 1024 * 1024),
    widgetPath: pick('widget'),
    sync,
    writeWindowMs: integer('--write-window', pick('write-window') ?? '0', 0, 1000),
    allowPrivateWebhooks: trueOrFalse('--allow-private-webhooks', pick('allow-private-webhooks') ?? 'false'),
    loopOpenedDelayMs: integer('--loop-opened-delay', pick('loop-opened-delay') ?? '120', 0, 86_400) * 1000,
    retentionDays: pick('retention-days') === undefined ? undefined : integer('--retention-days', pick('retention-days')!, 1, 36_500),
    requestTimeoutMs: integer('--request-timeout', pick('request-timeout') ?? '30', 1, 3600) * 1000,
    publicUrl: pick('public-url') === undefined ? undefined : parsePublicUrl(pick('public-url')!),
    mail: mailSettings(pick('smtp'), pick('mail-from'), pick('mail-rate')),
  };
}
