/** Invitation tables: personal links and their signing keys, email runs and their send log, unsubscribes. */
import type { Generated } from 'kysely';

/** `link_secrets`: the HMAC keys personal links are signed with; the newest unretired one signs. */
export interface LinkSecretsTable {
  id: number;
  secret: string;
  created_at: number;
  retired_at: number | null;
}

/** `survey_links`: one personal link per recipient, and the response id its clicks write. */
export interface SurveyLinksTable {
  id: string;
  survey_id: string;
  response_id: string;
  email: string | null;
  user_id: string | null;
  traits: string | null;
  touchpoint: string | null;
  channel: string;
  expires_at: number;
  created_at: number;
}

/** `invitation_runs`: one email invitation run (CLI or API). */
export interface InvitationRunsTable {
  id: string;
  survey_id: string;
  sender: string;
  subject: string | null;
  state: 'sending' | 'done' | 'failed';
  total: number;
  error: string | null;
  created_at: number;
  finished_at: number | null;
  /** What an API run needs to go on after a restart (JSON: public URL, touchpoint); null for CLI runs (migration 9). */
  resume: Generated<string | null>;
  /** 1 when the collector's shutdown stopped the run and the next start goes on with it (migration 9). */
  resumable: Generated<number>;
}

/** `invitations`: the send log, one row per person of a run. */
export interface InvitationsTable {
  run_id: string;
  survey_id: string;
  email: string;
  link_id: string | null;
  state: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';
  reason: string | null;
  updated_at: number;
  /** The person's user id, traits and locale as JSON, for a run that resumes (migration 9). */
  person: Generated<string | null>;
}

/** `unsubscribes`: people never invited again, as SHA-256 of their lower-cased email. */
export interface UnsubscribesTable {
  email_hash: string;
  created_at: number;
}
