/** A failure in words a person can act on, in the viewer's language; the collector's own message names the field and rule. */
import { ApiError } from '../api.ts';
import type { Messages } from './messages.ts';

/** The readable text of a failed request or any other error. */
export function errorText(error: unknown, t: Pick<Messages, 'errors'>): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.errors.network;
    const detail = error.detail ?? t.errors.http(error.status);
    if (error.status === 401) return t.errors.badKey(detail);
    if (error.status === 403) return t.errors.needsAdmin(detail);
    return detail;
  }
  return error instanceof Error ? error.message : String(error);
}
