/**
 * The tables as Kysely sees them: one interface per table, columns as stored. Times are epoch milliseconds,
 * flags are 0/1 integers and lists are JSON text, so both dialects store the same values.
 */
import type { Generated } from 'kysely';

/** `surveys`: one row per survey; the settings the widget reads are one JSON document. */
export interface SurveysTable {
  id: string;
  name: string;
  brand: string | null;
  settings: string;
  allowed_origins: string;
  active: number;
  created_at: number;
  updated_at: number;
}

/** `responses`: one row per client response id. */
export interface ResponsesTable {
  id: string;
  survey_id: string;
  score: number;
  comment: string | null;
  consent: number | null;
  user_id: string | null;
  email: string | null;
  touchpoint: string | null;
  channel: string | null;
  journey: string | null;
  locale: string | null;
  page: string | null;
  device: string | null;
  properties: string | null;
  created_at: number;
  updated_at: number;
  excluded: Generated<number>;
}

/** `events`: prompts shown or dismissed, for the response rate. */
export interface EventsTable {
  id: string;
  survey_id: string;
  type: string;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  page: string | null;
  created_at: number;
}

/** `api_keys`: hashed secrets with their scope. */
export interface ApiKeysTable {
  id: string;
  name: string | null;
  scope: 'read' | 'admin';
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
}

/** `schema_migrations`: the migrations applied, one row each. */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** The counter columns of a rollup row (see `COUNTER_COLUMNS`). */
export interface RollupCounters {
  s0: number; s1: number; s2: number; s3: number; s4: number; s5: number; s6: number; s7: number; s8: number; s9: number; s10: number;
  comments: number;
  prompted: number;
  shown: number;
  dismissed: number;
}

/** `analytics_rollups`: counters per survey, grain, dimension value and UTC bucket. */
export interface RollupsTable extends RollupCounters {
  survey_id: string;
  grain: string;
  dim: string;
  value: string;
  bucket_start: number;
}

/** `analytics_rollup_pending`: write batches' 15-minute deltas not yet folded into the rollups. */
export interface RollupPendingTable {
  id: Generated<number>;
  deltas: string;
}

/** `loop_settings`: a survey's loop rules as one JSON document. */
export interface LoopSettingsTable {
  survey_id: string;
  settings: string;
  updated_at: number;
}

/** `loops`: the close-the-loop work item of a response, keyed by it. */
export interface LoopsTable {
  response_id: string;
  survey_id: string;
  state: 'open' | 'contacted' | 'resolved' | 'closed';
  assignee: string | null;
  tags: Generated<string>;
  close_reason: string | null;
  opened_at: number;
  first_contact_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  overdue_notified_at: number | null;
  updated_at: number;
}

/** `loop_notes`: notes on a loop. */
export interface LoopNotesTable {
  id: string;
  response_id: string;
  author: string;
  text: string;
  created_at: number;
}

/** `webhooks`: endpoints with their signing secret. */
export interface WebhooksTable {
  id: string;
  url: string;
  events: string;
  survey_id: string | null;
  description: string | null;
  secret: string;
  /** `standard` (Standard Webhooks JSON) or `slack` (a chat message `{ text, blocks }`). */
  format: 'standard' | 'slack';
  created_at: number;
  /** When the webhook was paused; null while it delivers (migration 8). */
  paused_at: number | null;
  /** The huddle digest's schedule as JSON (`{ weekday, time, timeZone, days }`), when the webhook gets `huddle.digest` (migration 9). */
  digest_schedule: Generated<string | null>;
  /** When the next digest is due (epoch ms; migration 9). */
  digest_due_at: Generated<number | null>;
}

/** `webhook_deliveries`: the outbox and delivery log. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  type: string;
  subject_id: string | null;
  payload: string | null;
  state: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** `actions`: improvement actions from the huddle. */
export interface ActionsTable {
  id: string;
  survey_id: string;
  title: string;
  description: string | null;
  owner: string | null;
  state: 'proposed' | 'in_progress' | 'done' | 'dropped';
  due_date: string | null;
  themes: Generated<string>;
  created_at: number;
  updated_at: number;
  done_at: number | null;
  /** The huddle the action was made in (migration 6). */
  huddle_id: Generated<string | null>;
  /** Quick win or bigger bet (migration 10). */
  kind: Generated<'quick_win' | 'bigger_bet'>;
  /** The touchpoint the action improves (migration 10). */
  touchpoint: Generated<string | null>;
}

/** `huddles`: team meetings held on a digest: its snapshot (JSON) and what the team noted. */
export interface HuddlesTable {
  id: string;
  survey_id: string;
  days: number;
  tz: string;
  snapshot: string;
  attendees: Generated<string>;
  learned: string | null;
  staff_needs: string | null;
  decisions: string | null;
  started_at: number;
  closed_at: number | null;
  updated_at: number;
}

/** `action_responses`: the responses an action is linked to. */
export interface ActionResponsesTable {
  action_id: string;
  response_id: string;
}

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

/** `privacy_settings`: one row, the retention period set from the dashboard or the API (migration 8). */
export interface PrivacySettingsTable {
  id: number;
  /** Days comments and personal data are kept; null: kept until erased. */
  retention_days: number | null;
  updated_at: number;
}

/** `journeys`: an ordered list of steps (JSON), each a touchpoint or journey value and the surveys that measure it (migration 11). */
export interface JourneysTable {
  id: string;
  name: string;
  steps: string;
  created_at: number;
  updated_at: number;
}

/** Every table of the database. */
export interface Schema {
  surveys: SurveysTable;
  responses: ResponsesTable;
  events: EventsTable;
  api_keys: ApiKeysTable;
  schema_migrations: SchemaMigrationsTable;
  analytics_rollups: RollupsTable;
  analytics_rollup_pending: RollupPendingTable;
  loop_settings: LoopSettingsTable;
  loops: LoopsTable;
  loop_notes: LoopNotesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  actions: ActionsTable;
  action_responses: ActionResponsesTable;
  huddles: HuddlesTable;
  link_secrets: LinkSecretsTable;
  survey_links: SurveyLinksTable;
  invitation_runs: InvitationRunsTable;
  invitations: InvitationsTable;
  unsubscribes: UnsubscribesTable;
  privacy_settings: PrivacySettingsTable;
  journeys: JourneysTable;
}
