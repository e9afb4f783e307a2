import Fastify, { LogController } from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyRequestLogger } from '../../src/lib/lazy-request-logger.ts';

/** A Fastify app logging into an array through the lazy request logger, with routes that log at several levels. */
async function loggingApp(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line)) };
  const app = Fastify({ logger: { level, stream }, logController: new LogController({ disableRequestLogging: true }), childLoggerFactory: lazyRequestLogger });
  app.get('/quiet', async (request) => ({ level: request.log.level }));
  app.get('/info', async (request) => {
    request.log.info('an info line');
    return {};
  });
  app.get('/warn', async (request) => {
    request.log.warn({ detail: 7 }, 'a warning');
    request.log.child({ step: 'inner' }).error('from a child');
    return {};
  });
  app.get('/personal', { logSerializers: { req: () => ({ url: '[redacted]' }) } }, async (request) => {
    request.log.warn({ req: request }, 'with a serializer');
    return {};
  });
  app.get('/verbose', { logLevel: 'debug' }, async (request) => {
    request.log.debug('a route at debug');
    return {};
  });
  await app.ready();
  return { app, lines };
}

describe('the lazy request logger', () => {
  it('logs each line a request writes with its request id, the route\'s serializers and levels', async () => {
    const { app, lines } = await loggingApp('warn');
    const warned = await app.inject({ url: '/warn' });
    expect(warned.statusCode).toBe(200);
    const reqId = lines[0].reqId;
    expect(reqId).toEqual(expect.any(String));
    expect(lines.map(({ msg, detail, step, level }) => ({ msg, detail, step, level }))).toEqual([
      { msg: 'a warning', detail: 7, step: undefined, level: 40 },
      { msg: 'from a child', detail: undefined, step: 'inner', level: 50 },
    ]);
    expect(lines[1].reqId).toBe(reqId);

    await app.inject({ url: '/personal' });
    expect(lines[2]).toMatchObject({ msg: 'with a serializer', req: { url: '[redacted]' } });
    await app.inject({ url: '/verbose' });
    expect(lines[3]).toMatchObject({ msg: 'a route at debug', level: 20 });
    expect(lines[3].reqId).not.toBe(reqId);
  });

  it('writes nothing below the level, and reports the level it logs at', async () => {
    const { app, lines } = await loggingApp('warn');
    expect((await app.inject({ url: '/quiet' })).json()).toEqual({ level: 'warn' });
    await app.inject({ url: '/info' });
    expect(lines).toEqual([]);
    const verbose = await loggingApp('info');
    await verbose.app.inject({ url: '/info' });
    expect(verbose.lines).toEqual([expect.objectContaining({ msg: 'an info line', level: 30, reqId: expect.any(String) })]);
  });
});
