import { describe, expect, it } from 'vitest';
import { parseServeConfig } from '../src/config.ts';
import { ConfigError } from '../src/lib/command-line.ts';

describe('parseServeConfig', () => {
  it('uses defaults', () => {
    expect(parseServeConfig([], {})).toEqual({
      port: 8787, host: '127.0.0.1', dbPath: './data/npsloop.db', adminKey: undefined, trustProxy: false, logLevel: 'info',
      apiCorsOrigins: [], rateLimit: { perIp: 600, perSurvey: 30000, windowMs: 60000 }, bodyLimit: 65536, widgetPath: undefined, sync: 'NORMAL', writeWindowMs: 0,
      allowPrivateWebhooks: false, loopOpenedDelayMs: 120_000, retentionDays: undefined, requestTimeoutMs: 30_000,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '4000', HOST: '0.0.0.0', NPSLOOP_DB: '/tmp/env.db', NPSLOOP_ADMIN_KEY: 'secret', NPSLOOP_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      NPSLOOP_LOG_LEVEL: 'warn', NPSLOOP_CORS_ORIGINS: 'https://dash.example, https://*.example.org', NPSLOOP_RATE_LIMIT_IP: '0', NPSLOOP_SYNC: 'full', NPSLOOP_WRITE_WINDOW: '3',
    };
    const fromEnv = parseServeConfig([], env);
    expect(fromEnv).toMatchObject({
      port: 4000, host: '0.0.0.0', dbPath: '/tmp/env.db', adminKey: 'secret', trustProxy: ['10.0.0.0/8', '127.0.0.1'], logLevel: 'warn',
      apiCorsOrigins: ['https://dash.example', 'https://*.example.org'], rateLimit: { perIp: 0 }, sync: 'FULL', writeWindowMs: 3,
    });
    const flagged = parseServeConfig(['--port', '5000', '--db', './x.db', '--trust-proxy', '2', '--cors-origin', 'https://a.example', '--cors-origin', 'https://b.example', '--rate-limit-window', '10'], env);
    expect(flagged).toMatchObject({ port: 5000, dbPath: './x.db', trustProxy: 2, apiCorsOrigins: ['https://a.example', 'https://b.example'], rateLimit: { windowMs: 10_000 } });
  });

  it('reads the close-the-loop options', () => {
    expect(parseServeConfig(['--allow-private-webhooks', 'true', '--loop-opened-delay', '30', '--retention-days', '365'], {}))
      .toMatchObject({ allowPrivateWebhooks: true, loopOpenedDelayMs: 30_000, retentionDays: 365 });
    expect(parseServeConfig([], { NPSLOOP_RETENTION_DAYS: '30', NPSLOOP_ALLOW_PRIVATE_WEBHOOKS: 'false' }))
      .toMatchObject({ allowPrivateWebhooks: false, retentionDays: 30 });
  });

  it.each([
    [['--allow-private-webhooks'], true],
    [['--allow-private-webhooks', '--port', '0'], true],
    [['--port', '0', '--allow-private-webhooks', '--log-level', 'warn'], true],
    [['--allow-private-webhooks=true'], true],
    [['--allow-private-webhooks', 'true'], true],
    [['--allow-private-webhooks=false'], false],
    [['--allow-private-webhooks', 'false', '--port', '0'], false],
  ])('reads %j as allowPrivateWebhooks %s', (args, allowed) => {
    expect(parseServeConfig(args, { NPSLOOP_ALLOW_PRIVATE_WEBHOOKS: allowed ? 'false' : 'true' }).allowPrivateWebhooks).toBe(allowed);
  });

  it('reads the request timeout in seconds', () => {
    expect(parseServeConfig(['--request-timeout', '5'], {}).requestTimeoutMs).toBe(5000);
    expect(parseServeConfig([], { NPSLOOP_REQUEST_TIMEOUT: '120' }).requestTimeoutMs).toBe(120_000);
  });

  it.each([
    [['--request-timeout', '0'], '--request-timeout: must be a whole number from 1 to 3600'],
    [['--allow-private-webhooks', 'yes'], '--allow-private-webhooks: must be true or false'],
    [['--retention-days', '0'], '--retention-days: must be a whole number from 1'],
    [['--port', 'eighty'], '--port: must be a whole number from 0 to 65535'],
    [['--port', '70000'], '--port: must be a whole number'],
    [['--log-level', 'loud'], '--log-level: must be one of'],
    [['--sync', 'sometimes'], '--sync: must be full or normal'],
    [['--nope'], "Unknown option '--nope'"],
  ])('rejects %j', (args, message) => {
    expect(() => parseServeConfig(args, {})).toThrow(ConfigError);
    expect(() => parseServeConfig(args, {})).toThrow(message);
  });
});
