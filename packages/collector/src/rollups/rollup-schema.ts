/** DDL for analytics: the rollup table, and the full-text index over comments kept in sync by triggers. */
import { GRAINS } from '../db/rollups/range-plan.ts';
import { COUNTER_COLUMNS } from '../db/rollups/rollup-delta.ts';

/** Name of the rollup table. */
export const ROLLUP_TABLE = 'analytics_rollups';

/** Name of the table of batches' rollup deltas not yet folded into the rollups (see rollup-maintenance.ts). */
export const PENDING_TABLE = 'analytics_rollup_pending';

/** Name of the FTS5 index over `responses.comment` (external content, keyed by the responses rowid). */
export const COMMENT_INDEX = 'response_comments_fts';

/**
 * The analytics schema, as one migration: one rollup row per survey, grain,
 * dimension, value and UTC bucket (primary-key order serves "one value over a
 * time range" scans); the pending deltas of recent write batches; an FTS5 index
 * folding case and accents; triggers that keep the index in step with every
 * write to `responses`.
 */
export const ANALYTICS_SCHEMA_SQL = `
CREATE TABLE ${ROLLUP_TABLE} (
  survey_id TEXT NOT NULL,
  grain TEXT NOT NULL CHECK (grain IN (${GRAINS.map(({ grain }) => `'${grain}'`).join(', ')})),
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  bucket_start INTEGER NOT NULL,
  ${COUNTER_COLUMNS.map((column) => `${column} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (survey_id, grain, dim, value, bucket_start)
) WITHOUT ROWID;
CREATE TABLE ${PENDING_TABLE} (
  id INTEGER PRIMARY KEY,
  deltas TEXT NOT NULL
);
CREATE VIRTUAL TABLE ${COMMENT_INDEX} USING fts5(
  comment, content = 'responses', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER ${COMMENT_INDEX}_insert AFTER INSERT ON responses WHEN new.comment IS NOT NULL BEGIN
  INSERT INTO ${COMMENT_INDEX} (rowid, comment) VALUES (new.rowid, new.comment);
END;
CREATE TRIGGER ${COMMENT_INDEX}_update AFTER UPDATE OF comment ON responses WHEN old.comment IS NOT new.comment BEGIN
  INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}, rowid, comment) SELECT 'delete', old.rowid, old.comment WHERE old.comment IS NOT NULL;
  INSERT INTO ${COMMENT_INDEX} (rowid, comment) SELECT new.rowid, new.comment WHERE new.comment IS NOT NULL;
END;
CREATE TRIGGER ${COMMENT_INDEX}_delete AFTER DELETE ON responses WHEN old.comment IS NOT NULL BEGIN
  INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}, rowid, comment) VALUES ('delete', old.rowid, old.comment);
END;
`;
