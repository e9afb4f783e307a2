/** Close-the-loop tables: a survey's loop rules, the loops and their notes. */
import type { Generated } from 'kysely';

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
