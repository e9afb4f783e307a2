/** Invitation runs started from the API: sent in the background, one at a time per collector, stopped when it closes. */
import type { Database } from '../db/database.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';
import type { LinkService } from '../links/link-service.ts';
import { sendRun, startRun, type Invitee } from './invitation-run.ts';
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

  return {
    /** Writes the run and its people, and queues the sending; resolves to the run id at once. */
    async start(request: ApiRunRequest): Promise<string> {
      const full = { ...request, from: settings.from, ratePerMinute: settings.ratePerMinute };
      const runId = await startRun({ database, now }, full);
      queue = queue.then(async () => {
        mailer ??= smtpMailer(settings.smtpUrl);
        await sendRun({ database, links, mailer, now, wait, signal: stop.signal }, runId, full);
      }).catch((error) => options.log?.(error));
      return runId;
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
