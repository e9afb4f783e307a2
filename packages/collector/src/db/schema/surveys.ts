/** Survey tables: the surveys and the journeys they measure. */

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

/** `journeys`: an ordered list of steps (JSON), each a touchpoint or journey value and the surveys that measure it (migration 11). */
export interface JourneysTable {
  id: string;
  name: string;
  steps: string;
  created_at: number;
  updated_at: number;
}
