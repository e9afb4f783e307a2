/** Wire types of the invite page: personal links and email invitation runs, as the collector's API answers them. */

/** A personal link as `GET /v1/surveys/:id/links` lists it. */
export interface PersonalLink {
  id: string;
  email: string | null;
  userId: string | null;
  touchpoint: string | null;
  channel: string;
  /** The URL to send; null once the link expired. */
  url: string | null;
  answered: boolean;
  expiresAt: string;
  createdAt: string;
}

/** What became of one person in a run. */
export type InvitationState = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

/** An invitation run with how many people reached each state. */
export interface InvitationRun {
  id: string;
  surveyId: string;
  sender: string;
  subject: string | null;
  state: 'sending' | 'done' | 'failed';
  total: number;
  counts: Record<InvitationState, number>;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One row of a run's send log. */
export interface InvitationLogEntry {
  email: string;
  state: InvitationState;
  reason: string | null;
  updatedAt: string;
}

/** People typed one per line: an email (has "@") or else a user id; blank lines dropped. */
export function peopleFromLines(text: string): Array<{ email?: string; userId?: string }> {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => (line.includes('@') ? { email: line } : { userId: line }));
}
