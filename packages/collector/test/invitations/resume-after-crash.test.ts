/** An API invitation run a crash stopped (SIGKILL of `npsloop serve` mid-send) goes on when the collector starts again on the same SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, asAdmin, testApp } from '../helpers.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { serveProcess, type ServerProcess } from '../support/serve-process.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';

const FROM = 'Acme <nps@acme.example>';
const PEOPLE = ['ann', 'bob', 'cleo', 'dan', 'eve', 'fay'].map((name) => `${name}@example.com`);

describe('an API invitation run across a crash (SQLite)', () => {
  it('goes on when the collector starts again: the unconfirmed email again with the same link and Message-ID, then the rest', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'npsloop-resume-')), 'npsloop.db');
    const server: { process?: ServerProcess; exited?: Promise<void> } = {};
    const smtp = await startSmtpReceiver({
      // The third email arrives: the collector dies before the SMTP server accepts it.
      async beforeAccept(number) {
        if (number !== 3) return;
        server.process!.child.kill('SIGKILL');
        await server.exited;
        throw new Error('collector went away');
      },
    });
    server.process = await serveProcess(['--port', '0', '--db', dbPath, '--smtp', smtp.url, '--mail-from', FROM, '--mail-rate', '6000', '--public-url', 'https://nps.acme.example', '--log-level', 'silent'], { NPSLOOP_ADMIN_KEY: ADMIN_KEY });
    const child = server.process.child;
    server.exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const call = (path: string, body: unknown) => fetch(`${server.process!.url}${path}`, {
      method: 'POST', headers: { ...asAdmin, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await call('/v1/surveys', { id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: ['https://shop.example'] })).status).toBe(201);
    expect((await call('/v1/surveys/demo/invitations', { recipients: PEOPLE.map((email) => ({ email })) })).status).toBe(202);
    await server.exited;
    expect(smtp.received.map((message) => message.to)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(await dbRows({ dbPath }, "SELECT email FROM invitations WHERE state = 'sending'")).toEqual([{ email: 'cleo@example.com' }]);

    const restarted = await testApp({ dbPath, publicUrl: 'https://nps.acme.example', mail: { smtpUrl: smtp.url, from: FROM, ratePerMinute: 6000 } });
    await restarted.ready();
    await smtp.waitFor(PEOPLE.length);
    expect(smtp.received.map((message) => message.to)).toEqual(PEOPLE);
    // Cleo's email went again with her one link and its Message-ID, so a mail app that did get the first shows it once.
    expect(await dbValue({ dbPath }, "SELECT COUNT(*) FROM survey_links WHERE email = 'cleo@example.com'")).toBe(1);
    const cleo = smtp.received.find((message) => message.to === 'cleo@example.com')!;
    const link = (await dbRows({ dbPath }, "SELECT id FROM survey_links WHERE email = 'cleo@example.com'"))[0].id;
    expect(cleo.mail.messageId).toBe(`<invite.${link}@acme.example>`);
  });
});
