import type { Channel, SurveyStrings } from '@npsloop/core';

/** `auto` shows the survey by itself when the visitor is eligible; `manual` waits for `show()`. */
export type Mode = 'auto' | 'manual';
/** `auto` follows the visitor's system setting. */
export type Theme = 'light' | 'dark' | 'auto';
/** Where the prompt sits; on narrow screens it is always a bottom sheet. */
export type Position = 'bottom-right' | 'bottom-left' | 'bottom-center' | 'center';

/** Every string the widget shows: core's survey strings plus a "why" prompt per score group. */
export interface WidgetStrings extends SurveyStrings {
  whyDetractor?: string;
  whyPassive?: string;
  whyPromoter?: string;
}

/** The widget's typed, defaulted configuration. */
export interface WidgetConfig {
  surveyId: string;
  /** Base URL of the collector, without a trailing slash. */
  collector: string;
  brand: string;
  locale?: string;
  touchpoint?: string;
  channel: Channel;
  journey?: string;
  mode: Mode;
  delaySeconds: number;
  sampleRate: number;
  resurveyAfterDays: number;
  dismissAfterDays: number;
  minPageViews: number;
  position: Position;
  theme: Theme;
  accent?: string;
  nonce?: string;
  /** Ask for an email address with the consent question when the site did not identify the visitor. */
  askEmail: boolean;
  /** Send the page's query string with its path (off by default: it may hold personal data). */
  pageQuery: boolean;
  strings: Partial<WidgetStrings>;
}

/** Option values as `data-*` attributes carry them (`dataset` keys, camelCase). */
export type ConfigAttributes = Record<string, string | undefined>;

/** The string keys a site may override with `data-text-<key>` (e.g. `data-text-why-detractor`). */
export const STRING_KEYS: readonly (keyof WidgetStrings)[] = [
  'question', 'low', 'high', 'why', 'send', 'close', 'consent', 'yes', 'no', 'email', 'thanks',
  'whyDetractor', 'whyPassive', 'whyPromoter',
];

const CHANNELS: readonly Channel[] = ['web', 'app', 'email', 'link'];
const MODES: readonly Mode[] = ['auto', 'manual'];
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
const POSITIONS: readonly Position[] = ['bottom-right', 'bottom-left', 'bottom-center', 'center'];
// A colour, never a way out of the declaration: no `;`, braces, quotes or backslashes.
const COLOUR_PATTERN = /^[#\w(),.%\s/-]{1,64}$/;

function text(value: string | undefined, maxLength = 64): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, maxLength) : undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function number(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && value !== 'false' && value !== '0';
}

/**
 * Reads `data-*` attributes into the widget's configuration, with defaults for
 * everything missing or invalid. `scriptUrl` is where the script was loaded
 * from (the collector defaults to its origin); `hostname` is the default brand.
 */
export function readConfig(attributes: ConfigAttributes, scriptUrl: string, hostname: string): WidgetConfig {
  let collector = '';
  try {
    const configured = text(attributes.collector, 2048);
    collector = configured ? new URL(configured, scriptUrl).href.replace(/\/+$/, '') : new URL(scriptUrl).origin;
  } catch {}
  const strings: Partial<WidgetStrings> = {};
  for (const key of STRING_KEYS) {
    const value = text(attributes['text' + key[0].toUpperCase() + key.slice(1)], 500);
    if (value) strings[key] = value;
  }
  const accent = text(attributes.accent);
  return {
    surveyId: text(attributes.survey) ?? '',
    collector,
    brand: text(attributes.brand, 100) ?? hostname.replace(/^www\./, ''),
    locale: text(attributes.locale, 35),
    touchpoint: text(attributes.touchpoint),
    channel: oneOf(attributes.channel, CHANNELS, 'web'),
    journey: text(attributes.journey),
    mode: oneOf(attributes.mode, MODES, 'auto'),
    delaySeconds: number(attributes.delay, 0, 0, 3600),
    sampleRate: number(attributes.sample, 1, 0, 1),
    resurveyAfterDays: number(attributes.resurveyDays, 90, 0, 3650),
    dismissAfterDays: number(attributes.dismissDays, 30, 0, 3650),
    minPageViews: number(attributes.minPageviews, 0, 0, 1000),
    position: oneOf(attributes.position, POSITIONS, 'bottom-right'),
    theme: oneOf(attributes.theme, THEMES, 'light'),
    accent: accent && COLOUR_PATTERN.test(accent) ? accent : undefined,
    nonce: text(attributes.nonce, 200),
    askEmail: flag(attributes.askEmail),
    pageQuery: flag(attributes.pageQuery),
    strings,
  };
}
