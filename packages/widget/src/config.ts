import { SLUG_PATTERN, type Channel, type SurveyStrings } from '@npsloop/core';

/** `auto` shows the survey by itself when the visitor is eligible; `manual` waits for `show()`. */
export type Mode = 'auto' | 'manual';
/** `auto` follows the visitor's system setting. */
export type Theme = 'light' | 'dark' | 'auto';
/** Where the prompt sits; on narrow screens it is always a bottom sheet. */
export type Position = 'bottom-right' | 'bottom-left' | 'bottom-center' | 'center';

/** Every string the widget shows: core's survey strings plus an optional "why" prompt per score group. */
export interface WidgetStrings extends SurveyStrings {
  whyDetractor?: string;
  whyPassive?: string;
  whyPromoter?: string;
}

/** The widget's typed, defaulted configuration; each field is the `data-*` attribute of the same name. */
export interface WidgetConfig {
  survey: string;
  /** Base URL of the collector, without a trailing slash. */
  collector: string;
  brand: string;
  locale?: string;
  touchpoint?: string;
  channel: Channel;
  journey?: string;
  mode: Mode;
  /** Seconds before an automatic prompt. */
  delay: number;
  /** Share of visitors asked, 0–1, fixed per visitor. */
  sample: number;
  resurveyDays: number;
  dismissDays: number;
  minPageviews: number;
  position: Position;
  theme: Theme;
  accent?: string;
  nonce?: string;
  /** Ask for an email address with the consent question when the site did not identify the visitor. */
  askEmail: boolean;
  /** Send the page's query string with its path (off by default: it may hold personal data). */
  pageQuery: boolean;
  /** Overrides from `data-text-<key>`, e.g. `data-text-why-detractor`. */
  strings: Partial<WidgetStrings>;
}

/** Option values as `data-*` attributes carry them (`dataset` keys, camelCase). */
export type ConfigAttributes = Record<string, string | undefined>;

// name: [default, min, max]
const NUMBERS = { delay: [0, 0, 3600], sample: [1, 0, 1], resurveyDays: [90, 0, 3650], dismissDays: [30, 0, 3650], minPageviews: [0, 0, 1e3] };
// name: allowed values, the default first
const CHOICES = {
  channel: ['web', 'app', 'email', 'link'],
  mode: ['auto', 'manual'],
  position: ['bottom-right', 'bottom-left', 'bottom-center', 'center'],
  theme: ['light', 'dark', 'auto'],
};
// name: what a valid value looks like. A colour never escapes its declaration: no `;`, braces, quotes or `\`.
const TEXTS: Record<string, RegExp> = {
  survey: SLUG_PATTERN,
  touchpoint: SLUG_PATTERN,
  journey: SLUG_PATTERN,
  brand: /^.{1,100}$/,
  locale: /^[\w-]{2,35}$/,
  accent: /^[#\w(),.%\s/-]{1,64}$/,
  nonce: /^[\w+/=-]{1,200}$/,
};

/**
 * Reads `data-*` attributes into the widget's configuration, defaulting
 * everything missing or invalid. The collector defaults to the origin of
 * `scriptUrl` (where widget.js came from); the brand to the site's hostname.
 */
export function readConfig(attributes: ConfigAttributes, scriptUrl: string, hostname: string): WidgetConfig {
  const config: Record<string, unknown> = {
    survey: '',
    brand: hostname.replace(/^www\./, ''),
    askEmail: attributes.askEmail != null && attributes.askEmail !== 'false',
    pageQuery: attributes.pageQuery != null && attributes.pageQuery !== 'false',
  };
  const strings: Record<string, string> = {};
  for (const [name, [fallback, min, max]] of Object.entries(NUMBERS)) {
    const value = parseFloat(attributes[name]!);
    config[name] = value >= min ? Math.min(value, max) : fallback;
  }
  for (const [name, allowed] of Object.entries(CHOICES)) {
    config[name] = allowed.includes(attributes[name]!) ? attributes[name] : allowed[0];
  }
  for (const [name, raw] of Object.entries(attributes)) {
    const value = raw?.trim();
    if (value && TEXTS[name]?.test(value)) config[name] = value;
    else if (value && /^text[A-Z]/.test(name)) strings[name[4].toLowerCase() + name.slice(5)] = value.slice(0, 500);
  }
  try {
    config.collector = attributes.collector ? new URL(attributes.collector, scriptUrl).href.replace(/\/+$/, '') : new URL(scriptUrl).origin;
  } catch {
    config.collector = '';
  }
  config.strings = strings;
  return config as unknown as WidgetConfig;
}
