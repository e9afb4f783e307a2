/**
 * The retention period in force. The `--retention-days` flag (or NPSLOOP_RETENTION_DAYS) wins when the collector
 * was started with it; otherwise the period set from the dashboard or `PATCH /v1/privacy` (stored in the database,
 * so every collector process on it agrees); otherwise none: comments and personal data are kept until erased.
 */
import { HttpError } from '../lib/errors.ts';
import type { PrivacyRepository } from '../db/repositories/privacy-repository.ts';

/** Where the period in force comes from. */
export type RetentionSource = 'flag' | 'setting' | 'off';

/** The retention in force and what is stored beside it. */
export interface RetentionInForce {
  /** Days comments and personal data are kept; null: until erased. */
  retentionDays: number | null;
  source: RetentionSource;
  /** What the dashboard or the API stored (null: none); the flag, when given, wins over it. */
  stored: number | null;
}

/** Reads and changes the retention period; `onChange` hears each change (the sweeper purges at once). */
export function createRetentionPolicy(privacy: Pick<PrivacyRepository, 'storedRetentionDays' | 'storeRetentionDays'>, flagDays?: number) {
  const listeners: (() => void)[] = [];
  async function inForce(): Promise<RetentionInForce> {
    const stored = (await privacy.storedRetentionDays()) ?? null;
    if (flagDays) return { retentionDays: flagDays, source: 'flag', stored };
    return { retentionDays: stored, source: stored === null ? 'off' : 'setting', stored };
  }
  return {
    inForce,
    /** Stores a new period (null: keep until erased); refused with 409 while the flag decides. */
    async set(days: number | null, now: number): Promise<RetentionInForce> {
      if (flagDays) {
        throw new HttpError(409, 'retention_set_by_flag',
          `retentionDays: the collector was started with --retention-days ${flagDays} (or NPSLOOP_RETENTION_DAYS), which takes precedence; restart it without the flag to set the retention here`);
      }
      await privacy.storeRetentionDays(days, now);
      for (const listener of listeners) listener();
      return inForce();
    },
    /** Calls `listener` after every change. */
    onChange(listener: () => void): void {
      listeners.push(listener);
    },
  };
}

/** The retention policy of one collector. */
export type RetentionPolicy = ReturnType<typeof createRetentionPolicy>;
