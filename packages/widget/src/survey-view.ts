// The contract between the loader (always loaded, no Preact) and the survey UI
// (Preact, loaded only when the survey shows): types, and the name of the one
// event by which the UI chunk announces itself.
import type { PublicSurveySettings, SurveyStrings } from '@npsloop/core';

/** Where the prompt sits; on narrow screens it is always a bottom sheet. */
export type Position = 'bottom-right' | 'bottom-left' | 'bottom-center' | 'center';
/** `auto` follows the visitor's system setting. */
export type Theme = 'light' | 'dark' | 'auto';

/** Every string the widget shows: core's survey strings, a "why" prompt per score group, and the refusal notice. */
export interface WidgetStrings extends SurveyStrings {
  whyDetractor?: string;
  whyPassive?: string;
  whyPromoter?: string;
  /** Shown instead of the thanks when the collector refused an answer. */
  error: string;
}

/** What the page set that the UI reads; these win over the survey's settings. */
export interface PageOptions {
  /** `data-brand`: fills `{brand}` in the question. */
  brand?: string;
  /** `data-locale`: the first choice of language. */
  locale?: string;
  nonce?: string;
  /** Overrides from `data-text-<key>`, e.g. `data-text-why-detractor`. */
  strings: Partial<WidgetStrings>;
  /** The attributes as given, from which the UI reads its position, theme and accent. */
  looks: Record<string, string | undefined>;
}

/** What the loader hands the UI when the survey shows: the page's options, the survey's settings, and what to call back. */
export interface SurveyView {
  page: PageOptions;
  survey: PublicSurveySettings;
  /** Ask "May we contact you about your answer?" after the comment. */
  consent: boolean;
  /** Offer an email field with the consent question. */
  emailField: boolean;
  onScore(score: number): void;
  onComment(comment: string): void;
  onConsent(consent: boolean, email?: string): void;
  /** The survey closed itself: the visitor closed it, or the thanks had been read. */
  onClose(): void;
}

/** The open survey, as the loader drives it. */
export interface SurveyHandle {
  /** The built-in locale the survey speaks (`en`, `nl`, `de`, `fr`, `es`), sent with every answer. */
  locale: string;
  /** Replaces whatever step shows with a short neutral error: the collector refused an answer. */
  fail(): void;
  /** Takes the survey off the page (focus goes back where it was). */
  close(): void;
}

/** What the UI chunk provides: draws the survey and returns its handle. */
export type MountSurvey = (view: SurveyView) => SurveyHandle;

/** The event the UI chunk dispatches on its own `<script>` element, carrying `MountSurvey` as its detail. */
export const UI_READY_EVENT = 'npsloop-ui';
