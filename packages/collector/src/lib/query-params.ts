/** zod helpers for query strings: a value that may repeat, and true/false flags. */
import { z } from 'zod';

/** `?state=a` or `?state=a&state=b`, always read as an array of at most `max` values. */
export function oneOrMany<T extends z.ZodType>(schema: T, max: number) {
  return z.union([schema, z.array(schema).max(max, { error: `must be given at most ${max} times` })])
    .optional()
    .transform((value) => (value === undefined ? undefined : ([value].flat() as z.infer<T>[])));
}

/** `true` or `false` in a query string, read as a boolean. */
export const booleanText = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');
