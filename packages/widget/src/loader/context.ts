import { LIMITS, type DeviceClass, type Properties } from '@npsloop/core';
import type { Visitor } from './payloads';

/** Text as the collector accepts it: control characters (other than tab and newlines) removed, trimmed, bounded; undefined when empty. */
export function plainText(value: unknown, maxLength: number): string | undefined {
  // eslint-disable-next-line no-control-regex
  const text = typeof value === 'string' ? value.replace(/[\0-\x08\v\f\x0e-\x1f\x7f]/g, '').trim().slice(0, maxLength) : '';
  return text || undefined;
}

/** The page's path, with the query string only when the site opted in; never the fragment. */
export function pagePath(where: { pathname: string; search: string }, withQuery: boolean): string {
  return (where.pathname + (withQuery ? where.search : '')).slice(0, LIMITS.pageMaxLength);
}

/** A coarse device class from the viewport width and pointer: no fingerprinting. */
export function deviceClass(width: number, coarsePointer: boolean): DeviceClass {
  return width < 600 ? 'mobile' : coarsePointer && width < 1200 ? 'tablet' : 'desktop';
}

/** Keeps the traits the collector accepts: at most 20, named `[A-Za-z0-9_.-]{1,40}`, with string, finite number or boolean values. */
export function cleanProperties(traits: unknown): Properties | undefined {
  const properties: Properties = {};
  let count = 0;
  for (const [key, value] of Object.entries(typeof traits === 'object' && traits ? traits : {})) {
    const kept = typeof value === 'string' ? plainText(value, LIMITS.propertyValueMaxLength) ?? '' : value;
    // `key in {}`: no name an object already has (`__proto__`, `constructor`, `toString` …) is kept.
    if (count < LIMITS.propertiesMaxKeys && /^[\w.-]{1,40}$/.test(key) && !(key in {})
      && (typeof kept === 'string' || typeof kept === 'boolean' || Number.isFinite(kept))) {
      properties[key] = kept;
      count++;
    }
  }
  return count ? properties : undefined;
}

// Stricter than needed, so the collector's email check never refuses an answer.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email address that looks deliverable, bounded; undefined otherwise. */
export function emailAddress(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= LIMITS.emailMaxLength && EMAIL_PATTERN.test(value) ? value : undefined;
}

/** What `identify({ userId, email, traits })` keeps: a bounded user id, a plausible email, the accepted traits. */
export function cleanVisitor(who: { userId?: unknown; email?: unknown; traits?: unknown } | null | undefined): Visitor {
  return { userId: plainText(who?.userId, LIMITS.userIdMaxLength), email: emailAddress(who?.email), properties: cleanProperties(who?.traits) };
}
