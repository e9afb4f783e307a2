/** Migration 2: analytics rollups at six grains by dimension, pending batch deltas, the comment full-text index, backfilled from the raw rows. Shipped: never edit it; the next migration changes things. */
import type { Migration } from '../sqlite-migrate.ts';

/** Migration 2, literal SQL as released. */
export const MIGRATION_0002: Migration = {
  version: 2,
  name: 'analytics rollups (15m/1h/3h/6h/1d by dimension) and comment full-text index, backfilled',
  sql: `
CREATE TABLE analytics_rollups (
  survey_id TEXT NOT NULL,
  grain TEXT NOT NULL CHECK (grain IN ('15m', '1h', '3h', '6h', '1d', '7d')),
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  bucket_start INTEGER NOT NULL,
  s0 INTEGER NOT NULL DEFAULT 0,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  s6 INTEGER NOT NULL DEFAULT 0,
  s7 INTEGER NOT NULL DEFAULT 0,
  s8 INTEGER NOT NULL DEFAULT 0,
  s9 INTEGER NOT NULL DEFAULT 0,
  s10 INTEGER NOT NULL DEFAULT 0,
  comments INTEGER NOT NULL DEFAULT 0,
  prompted INTEGER NOT NULL DEFAULT 0,
  shown INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (survey_id, grain, dim, value, bucket_start)
) WITHOUT ROWID;
CREATE TABLE analytics_rollup_pending (
  id INTEGER PRIMARY KEY,
  deltas TEXT NOT NULL
);
CREATE VIRTUAL TABLE response_comments_fts USING fts5(
  comment, content = 'responses', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER response_comments_fts_insert AFTER INSERT ON responses WHEN new.comment IS NOT NULL BEGIN
  INSERT INTO response_comments_fts (rowid, comment) VALUES (new.rowid, new.comment);
END;
CREATE TRIGGER response_comments_fts_update AFTER UPDATE OF comment ON responses WHEN old.comment IS NOT new.comment BEGIN
  INSERT INTO response_comments_fts (response_comments_fts, rowid, comment) SELECT 'delete', old.rowid, old.comment WHERE old.comment IS NOT NULL;
  INSERT INTO response_comments_fts (rowid, comment) SELECT new.rowid, new.comment WHERE new.comment IS NOT NULL;
END;
CREATE TRIGGER response_comments_fts_delete AFTER DELETE ON responses WHEN old.comment IS NOT NULL BEGIN
  INSERT INTO response_comments_fts (response_comments_fts, rowid, comment) VALUES ('delete', old.rowid, old.comment);
END;

DELETE FROM analytics_rollups;
INSERT INTO analytics_rollups (survey_id, grain, dim, value, bucket_start, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, comments, prompted, shown, dismissed)
SELECT survey_id, grain, dim, value, bucket_start, SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(comments), SUM(prompted), SUM(shown), SUM(dismissed) FROM (
  SELECT r.survey_id, g.grain, d.dim, CASE d.dim WHEN '*' THEN '' WHEN 'touchpoint' THEN coalesce(r.touchpoint, '') WHEN 'channel' THEN coalesce(r.channel, '')
   WHEN 'locale' THEN coalesce(r.locale, '') ELSE coalesce(r.journey, '') END AS value, r.created_at - r.created_at % g.ms AS bucket_start,
    (r.score = 0) AS s0, (r.score = 1) AS s1, (r.score = 2) AS s2, (r.score = 3) AS s3, (r.score = 4) AS s4, (r.score = 5) AS s5, (r.score = 6) AS s6, (r.score = 7) AS s7, (r.score = 8) AS s8, (r.score = 9) AS s9, (r.score = 10) AS s10, (r.comment IS NOT NULL) AS comments, (r.channel IS NULL OR r.channel IN ('web', 'app')) AS prompted, 0 AS shown, 0 AS dismissed
  FROM responses AS r, (SELECT '15m' AS grain, 900000 AS ms UNION ALL SELECT '1h' AS grain, 3600000 AS ms UNION ALL SELECT '3h' AS grain, 10800000 AS ms UNION ALL SELECT '6h' AS grain, 21600000 AS ms UNION ALL SELECT '1d' AS grain, 86400000 AS ms UNION ALL SELECT '7d' AS grain, 604800000 AS ms) AS g, (SELECT '*' AS dim UNION ALL SELECT 'touchpoint' AS dim UNION ALL SELECT 'channel' AS dim UNION ALL SELECT 'locale' AS dim UNION ALL SELECT 'journey' AS dim) AS d
  UNION ALL
  SELECT e.survey_id, g.grain, d.dim, CASE d.dim WHEN '*' THEN '' WHEN 'touchpoint' THEN coalesce(e.touchpoint, '') WHEN 'channel' THEN coalesce(e.channel, '')
   WHEN 'locale' THEN coalesce(e.locale, '') ELSE '' END, e.created_at - e.created_at % g.ms,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (e.type = 'shown'), (e.type = 'dismissed')
  FROM events AS e, (SELECT '15m' AS grain, 900000 AS ms UNION ALL SELECT '1h' AS grain, 3600000 AS ms UNION ALL SELECT '3h' AS grain, 10800000 AS ms UNION ALL SELECT '6h' AS grain, 21600000 AS ms UNION ALL SELECT '1d' AS grain, 86400000 AS ms UNION ALL SELECT '7d' AS grain, 604800000 AS ms) AS g, (SELECT '*' AS dim UNION ALL SELECT 'touchpoint' AS dim UNION ALL SELECT 'channel' AS dim UNION ALL SELECT 'locale' AS dim UNION ALL SELECT 'journey' AS dim) AS d
  WHERE d.dim <> 'journey' AND e.type IN ('shown', 'dismissed')
) GROUP BY survey_id, grain, dim, value, bucket_start;
INSERT INTO response_comments_fts (response_comments_fts) VALUES ('rebuild');
`,
};
