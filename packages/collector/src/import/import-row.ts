/** Turns one CSV record into a validated response row, or a message naming the column and the rule. */
import { z } from 'zod';
import { LIMITS, scoreRangeProblem, type Metric } from '@npsloop/core';
import { describeIssues, localeTag, plainText, slug } from '../lib/common-schemas.ts';
import { ISO_DATE_TIME_PATTERN, parseIsoDateTime } from '../lib/iso-date-time.ts';
import { propertiesSchema } from '../ingest/ingest-schemas.ts';
import type { ImportField } from './column-map.ts';

/** A validated row, ready to insert (times in epoch ms). */
export interface ImportRow {
  created_at: number;
  score: number;
  comment: string | null;
  email: string | null;
  user_id: string | null;
  consent: number | null;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  journey: string | null;
  properties: string | null;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const rowSchema = z.strictObject({
  created_at: z.string().trim().regex(ISO_DATE_TIME_PATTERN, { error: 'must be an ISO 8601 date or date-time such as 2025-06-01T14:30:00Z' })
    .transform((text, context) => {
      const parsed = parseIsoDateTime(text);
      if (!parsed) {
        context.addIssue({ code: 'custom', message: 'is not a real date and time: the day, hour, minute, second or offset is out of range, or the year is not 1970–9999' });
        return z.NEVER;
      }
      // Dates and date-times without an offset are read as UTC.
      return parsed.wallMs - (parsed.offsetMinutes ?? 0) * 60_000;
    }),
  score: z.string().trim().regex(/^(10|[0-9])$/, { error: 'must be a whole number from 0 to 10' }).transform(Number),
  comment: optional(plainText(LIMITS.commentMaxLength).transform((text) => text.trim() || undefined)),
  email: optional(z.email({ error: 'must be an email address' }).max(LIMITS.emailMaxLength)),
  user_id: optional(plainText(LIMITS.userIdMaxLength)),
  consent: optional(z.string().trim().toLowerCase().pipe(z.enum(['true', 'false', 'yes', 'no', '1', '0'], { error: 'must be true/false, yes/no or 1/0' }))),
  touchpoint: optional(slug),
  channel: optional(z.enum(['web', 'app', 'email', 'link'], { error: 'must be one of web, app, email, link' })),
  locale: optional(localeTag),
  journey: optional(slug),
  properties: propertiesSchema.optional(),
});

/** Validates one record's mapped fields (the score on the survey's scale); returns the row or the reason it was rejected. */
export function toImportRow(fields: readonly string[], columns: readonly (ImportField | null)[], metric: Metric = 'nps'): { row: ImportRow } | { error: string } {
  const raw: Record<string, unknown> = {};
  const properties: Record<string, string> = {};
  columns.forEach((field, index) => {
    if (field === null) return;
    const value = fields[index] ?? '';
    if (field.startsWith('property.')) {
      if (value !== '') properties[field.slice('property.'.length)] = value;
    } else raw[field] = value;
  });
  if (Object.keys(properties).length) raw.properties = properties;
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) return { error: describeIssues(parsed.error.issues, 'row') };
  const data = parsed.data;
  const offScale = scoreRangeProblem(metric, data.score);
  if (offScale) return { error: `score: ${offScale}` };
  return {
    row: {
      created_at: data.created_at, score: data.score, comment: data.comment ?? null, email: data.email ?? null, user_id: data.user_id ?? null,
      consent: data.consent === undefined ? null : ['true', 'yes', '1'].includes(data.consent) ? 1 : 0,
      touchpoint: data.touchpoint ?? null, channel: data.channel ?? null, locale: data.locale ?? null, journey: data.journey ?? null,
      properties: data.properties ? JSON.stringify(Object.fromEntries(Object.entries(data.properties).sort(([a], [b]) => (a < b ? -1 : 1)))) : null,
    },
  };
}
