/**
 * `npsloop invite --survey ID --csv people.csv --smtp URL --from ADDRESS --public-url URL [--subject S] [--rate N] [--dry-run]`:
 * one email per person through SMTP, with a progress bar and a persisted send log.
 */
import { parseArgs } from 'node:util';
import { withDatabase } from '../db/database.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';
import { progressBar } from '../lib/progress-bar.ts';
import { createLinkService } from '../links/link-service.ts';
import { requirePublicUrl } from '../links/links-command.ts';
import { readPeopleFile } from '../links/people-csv.ts';
import { messageFor, sendRun, startRun, type Invitee, type RunReport } from './invitation-run.ts';
import { smtpMailer } from './mailer.ts';

const OPTIONS = {
  survey: { type: 'string' }, csv: { type: 'string' }, smtp: { type: 'string' }, from: { type: 'string' }, 'public-url': { type: 'string' },
  subject: { type: 'string' }, rate: { type: 'string' }, touchpoint: { type: 'string' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' },
} as const;

function summary(report: RunReport, surveyId: string): string {
  const skipped = report.skipped.unsubscribed + report.skipped.recentlyInvited;
  const lines = [`Invited ${report.sent} people to survey "${surveyId}" (run ${report.runId}); skipped ${skipped} `
    + `(${report.skipped.recentlyInvited} invited within the re-survey window, ${report.skipped.unsubscribed} unsubscribed); ${report.failed} failed.`];
  if (report.stoppedBy) lines.push(`Stopped: the SMTP server could not be used (${report.stoppedBy}). Run the same command again to send the rest.`);
  return `${lines.join('\n')}\n`;
}

/** The people of the file, each with an email (a row without one is an error naming its line). */
function invitees(path: string): Invitee[] {
  const { people } = readPeopleFile(path);
  const missing = people.filter((person) => !person.recipient.email).map((person) => person.line);
  if (missing.length) throw new ConfigError(`--csv: every person needs an email to be invited; line${missing.length > 1 ? 's' : ''} ${missing.slice(0, 20).join(', ')} ${missing.length > 1 ? 'have' : 'has'} none`);
  return people.map((person) => ({ email: person.recipient.email!, userId: person.recipient.userId, traits: person.recipient.traits, locale: person.locale }));
}

/** Runs `npsloop invite`; resolves to the exit code (1 when some emails failed or the server stopped the run). */
export async function inviteCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (!values.survey) throw new ConfigError('--survey: required (the survey to invite people to)');
  if (!values.csv) throw new ConfigError('--csv: required (a CSV with an email column and a header row)');
  if (!values.from) throw new ConfigError('--from: required, e.g. "Acme <nps@acme.example>"');
  const smtp = values.smtp ?? (env.NPSLOOP_SMTP_URL || undefined);
  if (!values['dry-run'] && !/^smtps?:\/\/[^\s]+$/.test(smtp ?? '')) throw new ConfigError('--smtp: required (or NPSLOOP_SMTP_URL): smtp://user:pass@host:587 or smtps://user:pass@host:465');
  const rate = Number(values.rate ?? '60');
  if (!Number.isInteger(rate) || rate < 1 || rate > 10_000) throw new ConfigError(`--rate: must be a whole number of emails per minute from 1 to 10000, got "${values.rate}"`);
  const publicUrl = requirePublicUrl(values['public-url'], env);
  const people = invitees(values.csv);
  return withDatabase(values.db ?? (env.NPSLOOP_DB || DEFAULTS.db), async (database) => {
    const survey = await database.surveys.get(values.survey!);
    if (!survey) throw new ConfigError(`--survey: no survey "${values.survey}"; create it with npsloop surveys create`);
    const request = { survey, people, from: values.from!, publicUrl, subject: values.subject, touchpoint: values.touchpoint, ratePerMinute: rate };
    if (values['dry-run']) {
      const message = messageFor(request, people[0], { url: `${publicUrl}/s/${survey.id}?t=PERSONAL-TOKEN`, token: 'PERSONAL-TOKEN' });
      io.out(`From: ${values.from}\nTo: ${people[0].email}\nSubject: ${message.subject}\nList-Unsubscribe: <${message.list.unsubscribe.url}>\n\n${message.text}`);
      io.err(`Dry run: nothing was sent or stored. ${people.length} people in the file; each gets a link of their own.\n`);
      return 0;
    }
    const mailer = smtpMailer(smtp!);
    try {
      const links = createLinkService(database);
      const now = Date.now;
      const runId = await startRun({ database, now }, request);
      const bar = progressBar(io.err, io.isTerminal ?? false);
      const report = await sendRun({
        database, links, mailer, now, onProgress: (done, total) => bar('Sending', done, total),
        wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      }, runId, request);
      io.err(summary(report, survey.id));
      io.out(`${JSON.stringify(report)}\n`);
      return report.failed > 0 || report.stoppedBy ? 1 : 0;
    } finally {
      mailer.close();
    }
  });
}
