import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { rows, tempDir, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {}, { out: (text) => { out += text; }, err: (text) => { err += text; } });
  return { code, out, err };
}

/** A database with the `demo` survey (brand Acme) and a people file. */
async function setUp(people: string) {
  const dir = tempDir();
  const db = await freshDatabaseLocation(dir, 'invite.db');
  expect((await cli(['surveys', 'create', '--id', 'demo', '--name', 'Demo', '--brand', 'Acme', '--db', db])).code).toBe(0);
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, people);
  return { db, csv };
}

const PEOPLE = 'email,userId,locale,plan\nann@example.com,u-1,en,pro\nbram@example.nl,u-2,nl,free\ncara@example.com,u-3,,pro\n';
const inviteArgs = (db: string, csv: string, smtp: string, extra: string[] = []) => [
  'invite', '--survey', 'demo', '--csv', csv, '--smtp', smtp, '--from', 'Acme <nps@acme.example>', '--public-url', 'https://nps.acme.example', '--rate', '10000', '--db', db, ...extra,
];
/** A header as the message carried it (mailparser's own reading of List-* headers folds them into one object). */
const header = (mail: import('mailparser').ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
/** The URL of the List-Unsubscribe header. */
const unsubscribeOf = (mail: import('mailparser').ParsedMail) => /^<([^>]+)>/.exec(header(mail, 'list-unsubscribe') ?? '')![1];
const scoreLink = (text: string, score: number) => new RegExp(`^${score}: (https://nps\\.acme\\.example/s/demo\\?t=[\\w-]{31}&score=${score})$`, 'm').exec(text)![1];

describe('npsloop invite', () => {
  it('sends each person an email in their language with eleven personal score links and an unsubscribe link, once', async () => {
    const { db, csv } = await setUp(PEOPLE);
    const smtp = await startSmtpReceiver();
    const first = await cli(inviteArgs(db, csv, smtp.url));
    expect(first.err).toContain('Invited 3 people to survey "demo"');
    expect(first.code).toBe(0);
    expect(smtp.received.map((message) => message.to)).toEqual(['ann@example.com', 'bram@example.nl', 'cara@example.com']);
    const [ann, bram] = smtp.received.map((message) => message.mail);
    expect(ann.subject).toBe('A quick question from Acme');
    expect(ann.from?.value).toEqual([{ name: 'Acme', address: 'nps@acme.example' }]);
    expect(ann.text).toContain('How likely are you to recommend Acme to a friend or colleague?');
    for (let score = 0; score <= 10; score++) expect(ann.html).toContain(`${scoreLink(ann.text!, score).replace(/&/g, '&#38;')}"`);
    expect(ann.html).toContain('<html lang="en">');
    expect(bram.subject).toBe('Een korte vraag van Acme');
    expect(bram.html).toContain('<html lang="nl">');
    const unsubscribe = unsubscribeOf(ann);
    expect(unsubscribe).toMatch(/^https:\/\/nps\.acme\.example\/s\/demo\/unsubscribe\?t=[\w-]{31}$/);
    expect(header(ann, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(ann, 'list-unsubscribe')).toMatch(/^<https:[^>]+>/);
    expect(ann.text).toContain(`Unsubscribe: ${unsubscribe}`);

    // The link in the email records the score for Ann.
    const app = await testApp({ dbPath: db });
    const { pathname, search } = new URL(scoreLink(ann.text!, 2));
    expect((await app.inject({ url: pathname + search })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ email: 'ann@example.com', user_id: 'u-1', score: 2, channel: 'email', properties: '{"plan":"pro"}' }]);

    // A second run within the re-survey window sends nothing.
    const again = await cli(inviteArgs(db, csv, smtp.url));
    expect(again.err).toContain('Invited 0 people to survey "demo" ');
    expect(again.err).toContain('skipped 3 (3 invited within the re-survey window, 0 unsubscribed)');
    expect(smtp.received).toHaveLength(3);
  });

  it('never invites again someone who unsubscribed (one-click POST), and keeps no address in the list', async () => {
    const { db, csv } = await setUp(PEOPLE);
    const smtp = await startSmtpReceiver();
    await cli(inviteArgs(db, csv, smtp.url));
    const url = new URL(unsubscribeOf(smtp.received[2].mail));
    const app = await testApp({ dbPath: db });
    const ask = await app.inject({ url: url.pathname + url.search });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('<h1>Unsubscribe from survey invitations?</h1>');
    expect(await dbRows(app, 'SELECT email_hash FROM unsubscribes')).toEqual([]);
    const oneClick = await app.inject({ method: 'POST', url: url.pathname + url.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('<h1>You are unsubscribed</h1>');
    const stored = await dbRows(app, 'SELECT * FROM unsubscribes');
    expect(stored).toEqual([{ email_hash: expect.stringMatching(/^[0-9a-f]{64}$/), created_at: expect.any(Number) }]);
    expect(JSON.stringify(stored)).not.toContain('cara');
    const forged = await app.inject({ method: 'POST', url: `${url.pathname}?t=${'A'.repeat(31)}` });
    expect(forged.statusCode).toBe(403);

    await cli(['surveys', 'create', '--id', 'pulse', '--name', 'Pulse', '--db', db]);
    const other = await cli(inviteArgs(db, csv, smtp.url).map((arg) => (arg === 'demo' ? 'pulse' : arg)));
    expect(other.err).toContain('Invited 2 people to survey "pulse"');
    expect(other.err).toContain('0 invited within the re-survey window, 1 unsubscribed');
    expect(smtp.received.slice(3).map((message) => message.to)).toEqual(['ann@example.com', 'bram@example.nl']);
  });

  it('--dry-run prints the first message and sends and stores nothing; wrong input exits 2 naming the flag or line', async () => {
    const { db, csv } = await setUp(PEOPLE);
    const dry = await cli(['invite', '--survey', 'demo', '--csv', csv, '--from', 'Acme <nps@acme.example>', '--public-url', 'https://nps.acme.example', '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^From: Acme <nps@acme.example>\nTo: ann@example.com\nSubject: A quick question from Acme\nList-Unsubscribe: <https:\/\/nps.acme.example\/s\/demo\/unsubscribe\?t=PERSONAL-TOKEN>\n\nHow likely/);
    expect(dry.out).toContain('10: https://nps.acme.example/s/demo?t=PERSONAL-TOKEN&score=10');
    expect(dry.err).toContain('Dry run: nothing was sent or stored. 3 people');
    expect(await dbRows({ dbPath: db }, 'SELECT id FROM survey_links')).toEqual([]);
    expect(await dbRows({ dbPath: db }, 'SELECT id FROM invitation_runs')).toEqual([]);

    const noEmail = await setUp('email,userId\nann@example.com,u-1\n,u-2\n');
    const refused = await cli(inviteArgs(noEmail.db, noEmail.csv, 'smtp://127.0.0.1:9'));
    expect([refused.code, refused.err]).toEqual([2, 'npsloop: --csv: every person needs an email to be invited; line 3 has none\n']);
    const badRate = await cli(inviteArgs(db, csv, 'smtp://127.0.0.1:9', ['--rate', '0']));
    expect(badRate.err).toContain('--rate: must be a whole number of emails per minute from 1 to 10000');
    const noSmtp = await cli(['invite', '--survey', 'demo', '--csv', csv, '--from', 'a@b.example', '--public-url', 'https://nps.acme.example', '--db', db]);
    expect(noSmtp.err).toContain('--smtp: required (or NPSLOOP_SMTP_URL)');
  });

  it('after a crash in the middle of a run, a rerun sends only what was not sent', async () => {
    const people = `email\n${Array.from({ length: 6 }, (_, index) => `p${index}@example.com`).join('\n')}\n`;
    const { db, csv } = await setUp(people);
    const bin = fileURLToPath(new URL('../../bin/npsloop.js', import.meta.url));
    // The sender process, started once the SMTP server (which kills it) is listening.
    const sender: { child?: ReturnType<typeof spawn>; exited?: Promise<void> } = {};
    const smtp = await startSmtpReceiver({
      // The third message arrives: the process dies before the server accepts it.
      async beforeAccept(number) {
        if (number !== 3) return;
        sender.child!.kill('SIGKILL');
        await sender.exited;
        throw new Error('sender went away');
      },
    });
    sender.child = spawn(process.execPath, [bin, ...inviteArgs(db, csv, smtp.url)], { stdio: 'ignore' });
    const child = sender.child;
    sender.exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await sender.exited;
    expect(smtp.received.map((message) => message.to)).toEqual(['p0@example.com', 'p1@example.com']);
    expect(await dbRows({ dbPath: db }, 'SELECT email, state FROM invitations ORDER BY email')).toEqual([
      { email: 'p0@example.com', state: 'sent' }, { email: 'p1@example.com', state: 'sent' }, { email: 'p2@example.com', state: 'sending' },
      { email: 'p3@example.com', state: 'pending' }, { email: 'p4@example.com', state: 'pending' }, { email: 'p5@example.com', state: 'pending' },
    ]);

    const rerun = await cli(inviteArgs(db, csv, smtp.url));
    expect(rerun.err).toContain('Invited 4 people to survey "demo"');
    expect(smtp.received.map((message) => message.to)).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com', 'p3@example.com', 'p4@example.com', 'p5@example.com']);
    // The unconfirmed one went again with the same link and Message-ID, so a mail app that did get it shows it once.
    const links = await dbRows({ dbPath: db }, "SELECT COUNT(*) AS count FROM survey_links WHERE email = 'p2@example.com'");
    expect(Number(links[0].count)).toBe(1);
  });
});
