/** Numbers, dates and durations in the viewer's locale (Intl), with the few words they need from the dictionary. */
import type { NpsFigure } from '@npsloop/core';
import { readFigure, scoreOf } from '../figures.ts';
import type { Metric } from '../types.ts';
import type { Messages } from './messages.ts';

const MINUS = '\u2212';

/** The viewer's IANA time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A rate from the API as a 0–1 share; older collectors reported a percentage (0–100), which is scaled down. */
export function rateShare(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined) return null;
  return rate > 1 ? rate / 100 : rate;
}

/** Formatting bound to one locale, time zone and dictionary. */
export type Formatter = ReturnType<typeof createFormatter>;

/** Builds the formatter of a locale (`nl-BE`), a time zone and the dictionary of the dashboard language. */
export function createFormatter(locale: string, t: Pick<Messages, 'format'>, timeZone = viewerTimeZone()) {
  const words = t.format;
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const onePercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const pValue = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  const stampFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
  const calendarDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone });
  const none = (value: number | null | undefined): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

  const format = {
    locale,
    timeZone,
    /** A number with at most one decimal: "5.3", "5,3". */
    number: (value: number) => decimal.format(value),
    /** A count with the locale's grouping: "1,204", "1.204". */
    count: (value: number) => whole.format(value),
    /** An NPS (or a difference) with a sign and at most one decimal: "+42", "−3.5", "0"; "–" when unknown. */
    nps(value: number | null | undefined): string {
      if (none(value)) return '–';
      const rounded = Math.round(value * 10) / 10;
      if (rounded === 0) return '0';
      return `${rounded > 0 ? '+' : MINUS}${decimal.format(Math.abs(rounded))}`;
    },
    /** A score in its metric's unit: NPS "+42", CSAT "72.5%", CES "5.12"; "–" when unknown. */
    score(metric: Metric | undefined, value: number | null | undefined): string {
      if (none(value)) return '–';
      if (metric === 'csat') return onePercent.format(value / 100);
      if (metric === 'ces') return twoDecimals.format(value);
      return format.nps(value);
    },
    /** A change in the metric's unit, signed: NPS "+12.5", CSAT "+12.5 points" (percentage points), CES "+0.35"; "–" when unknown. */
    difference(metric: Metric | undefined, value: number | null | undefined): string {
      if (none(value)) return '–';
      if (metric === 'csat') return words.points(format.nps(value));
      if (metric === 'ces') return `${value > 0 ? '+' : value < 0 ? MINUS : ''}${twoDecimals.format(Math.abs(value))}`;
      return format.nps(value);
    },
    /** A figure's score for running text: "+42", "72.5%", "5.12", or "too few answers" below the minimum n, or "–" without answers. */
    figure(figure: { n: number; nps?: number | null; score?: number | null; metric?: Metric }): string {
      const reading = readFigure(figure);
      return reading === 'score' ? format.score(figure.metric, scoreOf(figure)) : reading === 'too-few' ? words.tooFew : '–';
    },
    /** A 0–100 percentage with at most one decimal: "33.3%". */
    percent: (value: number) => onePercent.format(value / 100),
    /** A 0–1 share as a whole percentage: "37%", "37 %"; "–" when unknown. */
    share: (share: number | null | undefined) => (none(share) ? '–' : percent.format(share)),
    /** A p-value for people: "p = 0.042", "p < 0.001"; empty when unknown. */
    p: (p: number | null) => (p === null ? '' : p < 0.001 ? `p < ${pValue.format(0.001)}` : `p = ${pValue.format(p)}`),
    /** "n = 1,204". */
    n: (n: number) => `n = ${whole.format(n)}`,
    /** "95% CI +30 to +48", or the words for no interval. */
    interval: (figure: Pick<NpsFigure, 'interval'> & { metric?: Metric }) =>
      (figure.interval ? words.interval(format.score(figure.metric, figure.interval.low), format.score(figure.metric, figure.interval.high)) : words.noInterval),
    /** Just the bounds: "+30 to +48", or "–". */
    bounds: (figure: Pick<NpsFigure, 'interval'> & { metric?: Metric }) =>
      (figure.interval ? words.bounds(format.score(figure.metric, figure.interval.low), format.score(figure.metric, figure.interval.high)) : '–'),
    /** A day in the viewer's zone: "15 Nov". */
    day: (when: string | number) => dayFormat.format(new Date(when)),
    /** A date-time for lists: "3 Mar, 14:05". */
    dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    /** A date-time with its year, for things that last (a key's creation): "3 Mar 2026, 14:05". */
    timestamp: (iso: string) => stampFormat.format(new Date(iso)),
    /** A calendar date (2026-03-31, no time zone): "31 Mar 2026". */
    date: (isoDate: string) => calendarDate.format(new Date(`${isoDate}T00:00:00Z`)),
    /** A trend bucket's label: "3 Mar", "w/c 3 Mar", "Mar 2026". */
    bucket(startIso: string, interval: 'day' | 'week' | 'month'): string {
      const date = new Date(startIso);
      if (interval === 'month') return monthFormat.format(date);
      return interval === 'week' ? words.weekOf(dayFormat.format(date)) : dayFormat.format(date);
    },
    /** A duration as "45 min", "5 h", "3 d 4 h" (units from the dictionary). */
    duration(ms: number): string {
      const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
      if (minutes < 60) return `${whole.format(minutes)} ${words.minutes}`;
      const hours = Math.floor(minutes / 60);
      if (hours < 48) return `${whole.format(hours)} ${words.hours}`;
      const days = Math.floor(hours / 24);
      const rest = hours % 24;
      return rest ? `${whole.format(days)} ${words.days} ${whole.format(rest)} ${words.hours}` : `${whole.format(days)} ${words.days}`;
    },
    /** A loop's SLA timer: "due in 5 h", "overdue by 2 d 3 h". */
    sla(dueAtIso: string, now: number): string {
      const left = Date.parse(dueAtIso) - now;
      return left >= 0 ? words.dueIn(format.duration(left)) : words.overdueBy(format.duration(left));
    },
    /** A machine value for people: "checkout-page" → "checkout page"; empty → "(none)". */
    label: (value: string | null | undefined) => (value ? value.replace(/[-_.]+/g, ' ') : words.none),
  };
  return format;
}
