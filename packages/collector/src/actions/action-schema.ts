/** DDL for improvement actions and their links to responses. */

/** An action belongs to a survey; its linked responses sit in a link table so erasing a response unlinks it. */
export const ACTION_SCHEMA_SQL = `
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  title TEXT NOT NULL,
  description TEXT,
  owner TEXT,
  state TEXT NOT NULL CHECK (state IN ('proposed', 'in_progress', 'done', 'dropped')),
  due_date TEXT,
  themes TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  done_at INTEGER
) STRICT;
CREATE INDEX actions_by_survey_state ON actions (survey_id, state, created_at);
CREATE TABLE action_responses (
  action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, response_id)
) WITHOUT ROWID;
CREATE INDEX action_responses_by_response ON action_responses (response_id);
`;
