/** Answer tables: responses and the prompt events the response rate counts. */
import type { Generated } from 'kysely';

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
