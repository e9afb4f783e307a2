import { z } from 'zod';
import { CLIENT_ID_PATTERN, LIMITS, SLUG_PATTERN } from '@npsloop/core';

/** A client-generated id: 8–64 of `[A-Za-z0-9_-]`. */
export const clientId = z
  .string()
  .regex(CLIENT_ID_PATTERN, { error: 'must be 8–64 characters of A–Z, a–z, 0–9, "_" or "-"' });

/** A short machine name: letters, digits, `.`, `_`, `-`, at most 64, starting with a letter or digit. */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: `must be a slug: 1–${LIMITS.slugMaxLength} of a–z, 0–9, ".", "_", "-"` });

/** A BCP 47 language tag such as `en` or `nl-BE`. */
export const localeTag = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { error: 'must be a language tag such as "en" or "nl-BE"' });

/** A UTF-16 surrogate without its partner (in `u` mode a well-formed pair is one code point, so it never matches). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const EVERY_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source, 'gu');

/** The text with every lone surrogate replaced by U+FFFD, as a UTF-8 encoder would: what SQLite, webhooks and exports can carry. */
export function wellFormed(text: string): string {
  // Nearly every text is well formed already: a test makes no new string.
  return LONE_SURROGATE.test(text) ? text.replace(EVERY_LONE_SURROGATE, '\uFFFD') : text;
}

/** Text without control characters other than tab and newline, bounded; lone surrogates (`"\ud800"` in JSON) become U+FFFD. */
export function plainText(maxLength: number) {
  return z
    .string()
    .overwrite(wellFormed)
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { error: 'must not contain control characters' });
}

/** One line per zod issue: `field.path: rule`, so every 400 names the field and the rule. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
        return issue.keys.map((key) => `${prefix}${key}: unknown field`).join('; ');
      }
      if (issue.path.length === 0 && issue.code === 'invalid_type' && issue.expected === 'object') {
        return `${root}: must be a JSON object`;
      }
      const field = issue.path.length ? issue.path.map(String).join('.') : root;
      // A bad record key reports its own rule one level down.
      const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return `${field}: ${message}`;
    })
    .join('; ');
}
