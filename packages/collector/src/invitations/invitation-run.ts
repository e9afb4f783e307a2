/**
 * One invitation run: a personal link and an email per person, with the send log written around every send
 * (`sending` before, `sent` after), so a rerun after a crash sends only what was not sent. Nobody is invited
 * twice within the survey's re-survey window, and nobody who unsubscribed is invited again.
 */
import { randomBytes } from 'node:crypto';
import { chooseLocale, surveyStrings, type BuiltInLocale } from '@npsloop/core';
import type { Database } from '../db/database.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';
import type { IssuedLink, LinkService } from '../links/link-service.ts';
import { invitationMessage } from './invitation-message.ts';
import { isConnectionError, type Mailer } from './mailer.ts';

/** One person to invite. */
export interface Invitee {
  email: string;
  userId?: string;
  traits?: Record<string, string | number | boolean>;
  locale?: string;
}

/** What a run is asked to do. */
export interface RunRequest {
  survey: SurveyRecord;
  people: readonly Invitee[];
  from: string;
  publicUrl: string;
  subject?: string;
  touchpoint?: string;
  /** Emails per minute (default 60). */
  ratePerMinute?: number;
  linkDays?: number;
  /** Going on with a run a shutdown stopped: its own unconfirmed sends go again with the same link and Message-ID. */
  resume?: boolean;
}

/** What a run did. */
export interface RunReport {
  runId: string;
  sent: number;
  skipped: { unsubscribed: number; recentlyInvited: number };
  failed: number;
  /** Set when the SMTP server could not be used; the people not reached are left for a rerun. */
  stoppedBy: string | null;
}

/** What the run works with. */
export interface RunParts {
  database: Pick<Database, 'invitations' | 'links' | 'write'>;
  links: LinkService;
  mailer: Mailer;
  now: () => number;
  /** Waits between sends (the rate); tests and the API pass the real one. */
  wait: (ms: number) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  /** Stops the run before the next person (the collector is closing); the rest stay pending for a rerun. */
  signal?: AbortSignal;
}

const DAY_MS = 86_400_000;

/** The unsubscribe page of a link's token. */
export function unsubscribeUrl(publicUrl: string, surveyId: string, token: string): string {
  return `${publicUrl}/s/${encodeURIComponent(surveyId)}/unsubscribe?t=${token}`;
}

/** The message for one person and link. */
export function messageFor(request: RunRequest, person: Invitee, issued: Pick<IssuedLink, 'url' | 'token'>) {
  const locale: BuiltInLocale = chooseLocale([person.locale]);
  const brand = request.survey.brand ?? request.survey.name;
  return invitationMessage({
    locale, brand, strings: surveyStrings(locale, brand, request.survey.wording[locale] ?? {}), subject: request.subject,
    linkUrl: issued.url, unsubscribeUrl: unsubscribeUrl(request.publicUrl, request.survey.id, issued.token),
  });
}

/** A Message-ID that stays the same when an invitation is sent again after a crash, so mail apps show it once. */
function messageId(linkId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'npsloop.invalid';
  return `<invite.${linkId}@${domain}>`;
}

/** A person's details as the send log keeps them for a run that may resume (null when there are none). */
export function personDetails(person: Invitee): string | null {
  const { email: _email, ...details } = person;
  return Object.values(details).some((value) => value !== undefined) ? JSON.stringify(details) : null;
}

/**
 * Starts a run: writes it and its people as pending; resolves to its id. `resume` (the API's runs) keeps what the
 * collector needs to go on with the run after a restart.
 */
export async function startRun(parts: Pick<RunParts, 'database' | 'now'>, request: RunRequest, resume?: { publicUrl: string; touchpoint?: string }): Promise<string> {
  const runId = `inv_${randomBytes(8).toString('hex')}`;
  await parts.database.write((tx) => tx.invitations.createRun({
    id: runId, surveyId: request.survey.id, sender: request.from, subject: request.subject ?? null,
    people: request.people.map((person) => ({ email: person.email, details: resume ? personDetails(person) : null })), resume: resume ? JSON.stringify(resume) : null,
  }, parts.now()));
  return runId;
}

/** Sends a started run to the end (or until the SMTP server cannot be used). */
export async function sendRun(parts: RunParts, runId: string, request: RunRequest): Promise<RunReport> {
  const { database, now } = parts;
  const report: RunReport = { runId, sent: 0, skipped: { unsubscribed: 0, recentlyInvited: 0 }, failed: 0, stoppedBy: null };
  const emails = request.people.map((person) => person.email.toLowerCase());
  const unsubscribed = await database.invitations.unsubscribed(emails);
  const earlier = await database.invitations.latestAttempts(request.survey.id, emails, request.resume ? null : runId);
  const windowStart = now() - request.survey.resurveyDays * DAY_MS;
  const pause = 60_000 / (request.ratePerMinute ?? 60);
  const mark = (email: string, change: Parameters<Database['invitations']['mark']>[2]) => database.invitations.mark(runId, email, change, now());
  const seen = new Set<string>();
  const stopped = () => {
    if (parts.signal?.aborted) report.stoppedBy = 'the collector stopped; send the same people again to reach the rest';
    return report.stoppedBy !== null;
  };
  let done = 0;
  for (const person of request.people) {
    const email = person.email.toLowerCase();
    if (stopped()) break;
    parts.onProgress?.(done++, request.people.length);
    if (seen.has(email)) continue;
    seen.add(email);
    const before = earlier.get(email);
    if (unsubscribed.has(email)) {
      report.skipped.unsubscribed++;
      await mark(email, { state: 'skipped', reason: 'unsubscribed' });
      continue;
    }
    if (before?.state === 'sent' && before.updatedAt >= windowStart) {
      report.skipped.recentlyInvited++;
      await mark(email, { state: 'skipped', reason: `invited on ${new Date(before.updatedAt).toISOString().slice(0, 10)}` });
      continue;
    }
    if (report.sent + report.failed > 0) await parts.wait(pause);
    // The collector may have begun to close during the pause: this person stays as they are for the rest.
    if (stopped()) break;
    // A send that a crash left unconfirmed goes again with the same link and Message-ID.
    const reused = before?.state === 'sending' && before.linkId && before.updatedAt >= windowStart
      ? await parts.links.reissue(before.linkId, request.publicUrl, now()) : undefined;
    const issued = reused ?? (await parts.links.create(request.survey.id, {
      recipients: [{ email: person.email, userId: person.userId, traits: person.traits }], channel: 'email', touchpoint: request.touchpoint, expiresInDays: request.linkDays ?? 30,
    }, request.publicUrl, now()))[0];
    await mark(email, { state: 'sending', linkId: issued.link.id });
    try {
      await parts.mailer.send({ ...messageFor(request, person, issued), from: request.from, to: person.email, messageId: messageId(issued.link.id, request.from) });
    } catch (error) {
      if (isConnectionError(error)) {
        await mark(email, { state: 'pending', linkId: issued.link.id });
        report.stoppedBy = (error as Error).message;
        break;
      }
      report.failed++;
      await mark(email, { state: 'failed', reason: String((error as Error).message).slice(0, 300) });
      continue;
    }
    await mark(email, { state: 'sent' });
    report.sent++;
  }
  parts.onProgress?.(report.stoppedBy ? done - 1 : request.people.length, request.people.length);
  await database.invitations.finishRun(runId, report.stoppedBy ? 'failed' : 'done', report.stoppedBy, now());
  return report;
}
