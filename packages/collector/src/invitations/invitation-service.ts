/**
 * Invitation runs started from the API: sent in the background, one at a time per collector, stopped when it closes
 * and gone on with when it starts again.
 */
import type { Database } from '../db/database.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';
import type { LinkService } from '../links/link-service.ts';
import { sendRun, startRun, type Invitee, type RunRequest } from './invitation-run.ts';
import { smtpMailer, type Mailer } from './mailer.ts';

/** The collector's mail settings (`--smtp`, `--mail-from`, `--mail-rate`). */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** Emails per minute (default 60). */
  ratePerMinute?: number;
}

/** What the API asks of a run. */
export interface ApiRunRequest {
  survey: SurveyRecord;
  people: readonly Invitee[];
  publicUrl: string;
  subject?: string;
  touchpoint?: string;
}

/** The background sender of one collector. */
export function createInvitationService(database: Database, links: LinkService, settings: MailSettings, options: { now?: () => number; log?: (error: unknown) => void } = {}) {
  const now = options.now ?? Date.now;
  const stop = new AbortController();
  let mailer: Mailer | null = null;
  // Runs go one after another, so the rate holds for the collector as a whole.
  let queue: Promise<void> = Promise.resolve();
  const wait = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    stop.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
  const enqueue = (runId: string, request: RunRequest) => {
    queue = queue.then(async () => {
      mailer ??= smtpMailer(settings.smtpUrl);
      const report = await sendRun({ database, links, mailer, now, wait, signal: stop.signal }, runId, request);
      // Stopped by this collector's shutdown (not by the SMTP server): the next start goes on with it.
      if (report.stoppedBy !== null && stop.signal.aborted) await database.invitations.markResumable(runId, 'stopped by the collector\'s shutdown; it goes on with the rest when the collector starts again');
    }).catch((error) => options.log?.(error));
  };

  return {
    /** Writes the run and its people, and queues the sending; resolves to the run id at once. */
    async start(request: ApiRunRequest): Promise<string> {
      const full = { ...request, from: settings.from, ratePerMinute: settings.ratePerMinute };
      const runId = await startRun({ database, now }, full, { publicUrl: request.publicUrl, touchpoint: request.touchpoint });
      enqueue(runId, full);
      return runId;
    },
    /**
     * Goes on with the runs a shutdown stopped (on SQLite, a crash too), sending exactly the people not reached yet, an
     * email a crash left unconfirmed again with the same link and Message-ID; resolves to their ids. Of several
     * collector processes starting at once (PostgreSQL), each run goes to one.
     */
    async resumeStopped(): Promise<string[]> {
      const resumed: string[] = [];
      // On SQLite this process is the only one sending: a run still `sending` was left so by a crash.
      if (database.engine === 'sqlite') await database.invitations.markOrphansResumable('the collector stopped without shutting down; it goes on with the rest when it starts again');
      for (const runId of await database.invitations.resumableRunIds()) {
        const stored = await database.invitations.remaining(runId);
        const survey = stored && (await database.surveys.get(stored.surveyId));
        if (!stored?.resume || !survey || !(await database.invitations.claimResumable(runId))) continue;
        const { publicUrl, touchpoint } = JSON.parse(stored.resume) as { publicUrl: string; touchpoint?: string };
        const people = stored.people.map((person): Invitee => ({ ...(person.details ? JSON.parse(person.details) as Omit<Invitee, 'email'> : {}), email: person.email }));
        enqueue(runId, { survey, people, publicUrl, touchpoint, subject: stored.subject ?? undefined, from: settings.from, ratePerMinute: settings.ratePerMinute, resume: true });
        resumed.push(runId);
      }
      return resumed;
    },
    /** Stops before the next email and waits for the one in flight. */
    async close(): Promise<void> {
      stop.abort();
      await queue;
      mailer?.close();
    },
  };
}

/** The invitation service's interface. */
export type InvitationService = ReturnType<typeof createInvitationService>;
