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

/** Why a key could not be checked: the collector does not know it, the collector is out of reach, or something else. */
export type KeyProblem = 'unknown-key' | 'unreachable' | 'other';

// A gateway in front of a collector that is down answers 502 or 504 without the collector's envelope.
const GATEWAY_DOWN = new Set([502, 504]);

/** Sorts a failed key check into what the viewer can do about it. */
export function keyProblem(error: unknown): KeyProblem {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 401) return 'unknown-key';
  if (error.status === 0 || (GATEWAY_DOWN.has(error.status) && error.detail === null)) return 'unreachable';
  return 'other';
}

/** The sign-in page's words for a failed key check; `origin` is the collector the dashboard talks to. */
export function signInText(error: unknown, t: Pick<Messages, 'errors' | 'signIn'>, origin: string): string {
  const problem = keyProblem(error);
  if (problem === 'unknown-key') return t.signIn.unknownKey;
  if (problem === 'unreachable') return t.signIn.unreachable(origin);
  return errorText(error, t);
}
