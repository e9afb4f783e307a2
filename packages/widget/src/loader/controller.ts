import { SLUG_PATTERN } from '@npsloop/core';
import type { MountSurvey } from '../survey-view';
import type { PageConfig } from './config';
import { cleanVisitor } from './context';
import { decide } from './decide';
import { loadRecord, RECORD_KEY, updateRecord } from './eligibility';
import { giveUpAfter, guarded } from './guarded';
import { randomId } from './ids';
import { createOutbox, type OutboxEntry } from './outbox';
import { showSurvey, type LoaderState } from './showing';
import { refusalReason, request, type Reply, type Send } from './transport';

/** What `on(event, fn)` can listen to; `skip` tells why the survey did not show. */
export type WidgetEvent = 'show' | 'score' | 'submit' | 'dismiss' | 'skip';

/** Who the site says the visitor is; `traits` become the response's properties. */
export interface Identity {
  userId?: string;
  email?: string;
  traits?: Record<string, unknown>;
}

/** The public commands, shared by the script tag's queue and the ESM entry. */
export interface Widget {
  show(options?: { force?: boolean }): void;
  identify(identity: Identity): void;
  track(touchpoint: string): void;
  reset(): void;
  on(event: WidgetEvent, listener: (detail?: unknown) => void): void;
  /** Runs a command by name; unknown commands and bad arguments are ignored, nothing throws. */
  run(command: unknown, ...args: unknown[]): void;
  /** Flushes the outbox, wires the page events and, in auto mode, schedules the prompt. */
  start(): void;
}

/** How long the UI may take to load before the loader gives up on this try (the browser may still finish and cache it). */
export const UI_TIMEOUT = 15e3;

/**
 * The loader's controller: runs the commands, decides whether to ask (see
 * `decide`), loads the UI through `loadUi` only then, and shows the survey
 * (see `showSurvey`). A UI that fails or takes longer than `UI_TIMEOUT` shows
 * nothing, records nothing and is tried again on the next `show`.
 */
export function createWidget(page: PageConfig, loadUi: () => Promise<MountSurvey>, send: Send = request): Widget {
  const listeners: Partial<Record<WidgetEvent, ((detail?: unknown) => void)[]>> = {};
  const survey = page.survey;
  const state: LoaderState = { _visitor: {}, _touchpoint: page.touchpoint };
  let opening = false;
  let ui: Promise<MountSurvey> | undefined;
  let lastWarning = '';

  const emit = (event: WidgetEvent, detail?: unknown) => {
    for (const listener of listeners[event] ?? []) guarded(listener)(detail);
  };
  // Told once per page and reason: the site owner reads it, the visitor never sees it.
  const warn = (reason: string, surveyId = survey) => {
    const warning = `npsloop: survey "${surveyId}" ${reason}`;
    if (warning !== lastWarning) console.warn((lastWarning = warning));
  };

  const outbox = createOutbox((entry: OutboxEntry, reply: Reply) => {
    let surveyId = survey;
    try {
      surveyId = JSON.parse(entry.body).surveyId;
    } catch {}
    warn(refusalReason(reply), surveyId);
    // The survey changed since its settings were cached: ask the collector again on the next page.
    updateRecord((record) => delete record.cache[surveyId]);
    const showing = state._showing;
    if (surveyId === survey && showing) {
      showing._failed = true;
      showing._handle.fail();
    }
  }, send);

  async function open(force: boolean): Promise<string> {
    const decision = await decide(page, force, () => state._visitor.userId ?? updateRecord(() => {}).visitorId, warn, send);
    if (typeof decision === 'string') return decision;
    const mount = await (ui ??= giveUpAfter(loadUi(), UI_TIMEOUT));
    showSurvey(mount, decision, page, state, outbox, emit);
    return '';
  }

  const widget: Widget = {
    show(options) {
      // Loaded from <head> before the body exists: show once it does.
      if (!document.body) document.addEventListener('DOMContentLoaded', () => widget.run('show', options));
      else if (!state._showing && !opening && survey && page.collector) {
        opening = true;
        open(!!options?.force)
          .catch(() => {
            // The settings or the UI did not come (in time): nothing was drawn or recorded,
            // and the next show (or page view) asks for both afresh.
            ui = undefined;
            warn('is unavailable: its settings or UI did not load; will try again');
            return 'unavailable';
          })
          .then((why) => {
            opening = false;
            if (why) emit('skip', why);
          });
      }
    },
    identify(who) {
      state._visitor = cleanVisitor(who);
    },
    track(name) {
      if (typeof name === 'string' && SLUG_PATTERN.test(name)) state._touchpoint = name;
    },
    reset() {
      state._visitor = {};
      updateRecord((record) => (record.visitorId = randomId()));
      state._showing?._handle.close();
      state._showing = undefined;
    },
    on(event, listener) {
      if (typeof listener === 'function') (listeners[event] ??= []).push(listener);
    },
    run(command, ...args) {
      try {
        if (command !== 'run' && command !== 'start') (widget[command as keyof Widget] as (...input: unknown[]) => void)(...args);
      } catch {}
    },
    start() {
      if (!survey || !page.collector) return;
      outbox._flush();
      addEventListener('online', guarded(outbox._flush));
      addEventListener('pagehide', guarded(outbox._flushOnHide));
      // Another tab answered or dismissed this survey: close the untouched prompt here too.
      addEventListener('storage', guarded((event: StorageEvent) => {
        const showing = state._showing;
        if (event.key !== RECORD_KEY || !showing || showing._answer.score !== undefined) return;
        if ((loadRecord().quiet[survey]?.at ?? 0) < showing._openedAt) return;
        showing._handle.close();
        state._showing = undefined;
      }));
      if (page.minPageviews) updateRecord((record) => record.pageViews++);
      if (page.mode === 'auto') setTimeout(() => widget.run('show'), page.delay * 1000);
    },
  };
  return widget;
}
