/** Pure formatting helpers: NPS, shares, intervals, dates in the viewer's zone, durations. */
import type { NpsFigure } from '@npsloop/core';

const MINUS = '\u2212';

/** The viewer's IANA time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An NPS (or a difference) with a sign and one decimal: "+42", "−3.5", "0"; "–" when unknown. */
export function formatNps(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(Number.isInteger(rounded) ? 0 : 1);
  return rounded > 0 ? `+${text}` : `${MINUS}${text}`;
}

/** A 0–1 share as a whole percentage: "37%"; "–" when unknown. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  return `${Math.round(share * 100)}%`;
}

/** A rate from the API as a 0–1 share; older collectors reported a percentage (0–100), which is scaled down. */
export function rateShare(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined) return null;
  return rate > 1 ? rate / 100 : rate;
}

/** A p-value for people: "p = 0.042", "p < 0.001"; empty when unknown. */
export function formatP(p: number | null): string {
  if (p === null) return '';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A day in a zone: "15 Nov". */
export function formatDay(iso: string | number, timeZone = viewerTimeZone()): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
}

/** "95% CI +30 to +48" for a figure, or "no answers yet". */
export function formatInterval(figure: Pick<NpsFigure, 'interval'>): string {
  if (!figure.interval) return 'no interval yet';
  return `95% CI ${formatNps(figure.interval.low)} to ${formatNps(figure.interval.high)}`;
}

/** "n = 1,204" with grouping. */
export function formatN(n: number): string {
  return `n = ${n.toLocaleString('en')}`;
}

/** A bucket label for a trend interval in a zone: "Mon 3 Mar", "w/c 3 Mar", "Mar 2026". */
export function bucketLabel(startIso: string, interval: 'day' | 'week' | 'month', timeZone: string): string {
  const date = new Date(startIso);
  if (interval === 'month') return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone }).format(date);
  const text = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(date);
  return interval === 'week' ? `w/c ${text}` : text;
}

/** A date-time for lists: "3 Mar, 14:05" in the viewer's zone. */
export function formatDateTime(iso: string, timeZone = viewerTimeZone()): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A duration in ms as "45 min", "5 h", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** The SLA timer of a loop: "due in 5 h" or "overdue by 2 d 3 h". */
export function slaText(dueAtIso: string, now: number): string {
  const left = Date.parse(dueAtIso) - now;
  return left >= 0 ? `due in ${formatDuration(left)}` : `overdue by ${formatDuration(left)}`;
}

/** A human label for a machine value: "checkout-page" → "checkout page"; null → "(none)". */
export function humanize(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  return value.replace(/[-_.]+/g, ' ');
}
