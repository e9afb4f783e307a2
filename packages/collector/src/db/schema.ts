/**
 * The tables as Kysely sees them: one interface per table, columns as stored, in `schema/` by table group. Times are
 * epoch milliseconds, flags are 0/1 integers and lists are JSON text, so both dialects store the same values.
 */
import type { ActionResponsesTable, ActionsTable, HuddlesTable } from './schema/actions.ts';
import type { EventsTable, ResponsesTable } from './schema/answers.ts';
import type { InvitationRunsTable, InvitationsTable, LinkSecretsTable, SurveyLinksTable, UnsubscribesTable } from './schema/invitations.ts';
import type { LoopNotesTable, LoopSettingsTable, LoopsTable } from './schema/loops.ts';
import type { RollupPendingTable, RollupsTable } from './schema/rollups.ts';
import type { JourneysTable, SurveysTable } from './schema/surveys.ts';
import type { ApiKeysTable, PrivacySettingsTable, SchemaMigrationsTable } from './schema/system.ts';
import type { WebhookDeliveriesTable, WebhooksTable } from './schema/webhooks.ts';

export type * from './schema/actions.ts';
export type * from './schema/answers.ts';
export type * from './schema/invitations.ts';
export type * from './schema/loops.ts';
export type * from './schema/rollups.ts';
export type * from './schema/surveys.ts';
export type * from './schema/system.ts';
export type * from './schema/webhooks.ts';

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
