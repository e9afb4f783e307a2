/** SQL that fills the rollups from existing raw rows, for the migration that introduces them. */
import { COUNTER_COLUMNS } from '../db/rollups/rollup-delta.ts';
import { GRAINS } from '../db/rollups/range-plan.ts';
import { COMMENT_INDEX, ROLLUP_TABLE } from './rollup-schema.ts';

const grains = GRAINS.map(({ grain, ms }) => `SELECT '${grain}' AS grain, ${ms} AS ms`).join(' UNION ALL ');
const dims = ['*', 'touchpoint', 'channel', 'locale', 'journey'].map((dim) => `SELECT '${dim}' AS dim`).join(' UNION ALL ');
const valueOf = (alias: string) =>
  `CASE d.dim WHEN '*' THEN '' WHEN 'touchpoint' THEN coalesce(${alias}.touchpoint, '') WHEN 'channel' THEN coalesce(${alias}.channel, '')
   WHEN 'locale' THEN coalesce(${alias}.locale, '') ELSE coalesce(${alias}.journey, '') END`;
const scores = Array.from({ length: 11 }, (_, score) => `(r.score = ${score}) AS s${score}`).join(', ');

/** Recomputes every rollup row and the comment index from `responses` and `events` (same sums as the write path). */
export const ROLLUP_BACKFILL_SQL = `
DELETE FROM ${ROLLUP_TABLE};
INSERT INTO ${ROLLUP_TABLE} (survey_id, grain, dim, value, bucket_start, ${COUNTER_COLUMNS.join(', ')})
SELECT survey_id, grain, dim, value, bucket_start, ${COUNTER_COLUMNS.map((column) => `SUM(${column})`).join(', ')} FROM (
  SELECT r.survey_id, g.grain, d.dim, ${valueOf('r')} AS value, r.created_at - r.created_at % g.ms AS bucket_start,
    ${scores}, (r.comment IS NOT NULL) AS comments, (r.channel IS NULL OR r.channel IN ('web', 'app')) AS prompted, 0 AS shown, 0 AS dismissed
  FROM responses AS r, (${grains}) AS g, (${dims}) AS d
  UNION ALL
  SELECT e.survey_id, g.grain, d.dim, ${valueOf('e').replace("coalesce(e.journey, '')", "''")}, e.created_at - e.created_at % g.ms,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (e.type = 'shown'), (e.type = 'dismissed')
  FROM events AS e, (${grains}) AS g, (${dims}) AS d
  WHERE d.dim <> 'journey' AND e.type IN ('shown', 'dismissed')
) GROUP BY survey_id, grain, dim, value, bucket_start;
INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('rebuild');
`;
