import { SLUG_PATTERN, type Channel } from '@npsloop/core';
import type { PageOptions } from '../survey-view';

/** `auto` shows the survey by itself when the visitor is eligible; `manual` waits for `show()`. */
export type Mode = 'auto' | 'manual';

/**
 * What the page set through `data-*` attributes, validated. Options the survey
 * also has (brand, sample, resurvey and dismiss days) stay undefined unless the
 * page sets them, so the survey's own settings apply (see `settings.ts`).
 */
export interface PageConfig extends PageOptions {
  survey: string;
  /** Base URL of the collector, without a trailing slash. */
  collector: string;
  touchpoint?: string;
  channel: Channel;
  journey?: string;
  mode: Mode;
  /** Seconds before an automatic prompt. */
  delay: number;
  /** Share of visitors asked, 0–1, fixed per visitor. */
  sample?: number;
  resurveyDays?: number;
  dismissDays?: number;
  minPageviews: number;
  /** Ask for an email address with the consent question when the site did not identify the visitor. */
  askEmail: boolean;
  /** Send the page's query string with its path (off by default: it may hold personal data). */
  pageQuery: boolean;
}

/** Option values as `data-*` attributes carry them (`dataset` keys, camelCase). */
export type ConfigAttributes = Record<string, string | undefined>;

// name: [min, max, default]; no default means "the survey's setting".
const NUMBERS: Record<string, number[]> = { delay: [0, 3600, 0], minPageviews: [0, 1e3, 0], sample: [0, 1], resurveyDays: [0, 3650], dismissDays: [0, 3650] };
// name: allowed values, the default first
const CHOICES = {
  channel: ['web', 'app', 'email', 'link'],
  mode: ['auto', 'manual'],
};
// name: what a valid value looks like
const TEXTS: Record<string, RegExp> = {
  survey: SLUG_PATTERN,
  touchpoint: SLUG_PATTERN,
  journey: SLUG_PATTERN,
  brand: /^.{1,100}$/,
  // Used only as an attribute value and a language candidate: any text is safe.
  locale: /./,
  nonce: /./,
};

/**
 * Reads `data-*` attributes into the page's configuration, leaving out
 * anything invalid. The collector defaults to the origin of `scriptUrl`
 * (where widget.js came from).
 */
export function readConfig(attributes: ConfigAttributes, scriptUrl: string): PageConfig {
  const config: Record<string, unknown> = {
    survey: '',
    askEmail: attributes.askEmail != null && attributes.askEmail !== 'false',
    pageQuery: attributes.pageQuery != null && attributes.pageQuery !== 'false',
  };
  const strings: Record<string, string> = {};
  for (const [name, [min, max, fallback]] of Object.entries(NUMBERS)) {
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
  config.looks = attributes;
  return config as unknown as PageConfig;
}
