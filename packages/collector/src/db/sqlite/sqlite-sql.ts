/** SQLite's spelling of the SQL that differs between engines: JSON1 functions, the FTS5 comment index, no row locks. */
import { sql } from 'kysely';
import type { DialectSql, SqlOperand } from '../dialect.ts';

/** The FTS5 index over `responses.comment`, keyed by the responses rowid (migration 2 keeps it in step by triggers). */
export const COMMENT_INDEX = 'response_comments_fts';

/** The JSON path of a custom property, quoted so any allowed name is safe. */
function propertyPath(name: string): string {
  return `$."${name}"`;
}

/** A column reference or the expression itself. */
const operand = (column: SqlOperand) => (typeof column === 'string' ? sql.ref(column) : column);

/** An FTS5 expression: every word must occur, the last one as a prefix; words are letters and digits only. */
export function ftsExpression(words: readonly string[]): string {
  return words.map((word, index) => `"${word.replace(/"/g, '')}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The SQLite fragments. */
export const sqliteSql: DialectSql = {
  // Every write transaction begins IMMEDIATE and holds the only write lock: nothing else can change the rows it read.
  lockRows: (query) => query,
  lateralJoins: false,
  jsonArrayRows: (json) => sql`json_each(${json})`,
  jsonArrayNumber: (column, index) => sql`${operand(column)} ->> ${sql.lit(index)}`,
  jsonArrayText: (column, index) => sql`${operand(column)} ->> ${sql.lit(index)}`,
  jsonListContains: (column, value) => sql`EXISTS (SELECT 1 FROM json_each(${operand(column)}) AS item WHERE item.value = ${value})`,
  jsonNumberField: (column, field) => sql`json_extract(${operand(column)}, ${sql.lit(`$.${field}`)})`,
  propertyJson: (column, name) => sql`${operand(column)} -> ${propertyPath(name)}`,
  // `->` gives JSON text: "pro" for a string, 3 for a number, true for a boolean.
  propertyEquals: (column, name, value) => sql`(${operand(column)} -> ${propertyPath(name)}) IN (json_quote(${value}), ${value})`,
  // `"t"."c"` in DO UPDATE makes SQLite's upsert half as fast again as plain `"c"`, which means the same row.
  conflictTarget: (_table, column) => sql`${sql.ref(column)}`,
  // The same collation as the responses_by_email index, so the index serves it.
  equalsIgnoringCase: (column, value) => sql`${operand(column)} = ${value} COLLATE NOCASE`,
  commentMatches: (alias, words) =>
    sql`${sql.ref(`${alias}.rowid`)} IN (SELECT rowid FROM ${sql.table(COMMENT_INDEX)} WHERE ${sql.table(COMMENT_INDEX)} MATCH ${ftsExpression(words)})`,
};
