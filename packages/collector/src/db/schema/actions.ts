/** Improvement tables: actions, the answers they link, and the huddles they come from. */
import type { Generated } from 'kysely';

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

/** `action_responses`: the responses an action is linked to. */
export interface ActionResponsesTable {
  action_id: string;
  response_id: string;
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
