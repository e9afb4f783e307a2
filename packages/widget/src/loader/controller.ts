import { SLUG_PATTERN } from '@npsloop/core';
import type { MountSurvey, SurveyHandle } from '../survey-view';
import type { PageConfig } from './config';
import { cleanVisitor, deviceClass, emailAddress, pagePath, plainText } from './context';
import { loadRecord, quietReason, RECORD_KEY, updateRecord, type CachedSettings } from './eligibility';
import { guarded } from './guarded';
import { randomId } from './ids';
import { createOutbox, type OutboxEntry } from './outbox';
import { eventPayload, responsePayload, type Answer, type Visitor } from './payloads';
import { askRules, fetchSettings, SETTINGS_TTL } from './settings';
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

/** One showing of the survey, from open to close. */
interface Showing {
  handle: SurveyHandle;
  answer: Answer;
  openedAt: number;
  /** The collector refused an answer: the visitor sees the error, and closing it is no dismissal. */
  failed?: boolean;
}

const DAY = 864e5;

/**
 * The loader's controller: decides whether to ask (locally first, then with the
 * survey's settings), loads the UI through `loadUi` only then, and sends what
 * the visitor answers through the outbox.
 */
export function createWidget(page: PageConfig, loadUi: () => Promise<MountSurvey>, send: Send = request): Widget {
  const listeners: Partial<Record<WidgetEvent, ((detail?: unknown) => void)[]>> = {};
  const survey = page.survey;
  let identity: Visitor = {};
  let touchpoint = page.touchpoint;
  let locale = 'en';
  let opening = false;
  let showing: Showing | undefined;
  let ui: Promise<MountSurvey> | undefined;
  let lastWarning = '';

  const emit = (event: WidgetEvent, detail?: unknown) => {
    for (const listener of listeners[event] ?? []) guarded(listener)(detail);
  };
  // Told once per page and reason: the site owner reads it, the visitor never sees it.
  const warn = (surveyId: string, reason: string) => {
    const warning = `npsloop: survey "${surveyId}" ${reason}`;
    if (warning !== lastWarning) console.warn((lastWarning = warning));
  };

  const onRefused = (entry: OutboxEntry, reply: Reply) => {
    let surveyId = survey;
    try {
      surveyId = JSON.parse(entry.body).surveyId;
    } catch {}
    warn(surveyId, refusalReason(reply));
    // The survey changed since its settings were cached: ask the collector again on the next page.
    updateRecord((record) => delete record.cache[surveyId]);
    if (surveyId === survey && showing) {
      showing.failed = true;
      showing.handle.fail();
    }
  };
  const outbox = createOutbox(onRefused, send);

  const context = () => ({ surveyId: survey, touchpoint, channel: page.channel, locale, page: pagePath(location, page.pageQuery) });
  const sendEvent = (type: 'shown' | 'dismissed') => {
    const id = randomId();
    outbox.send(`${page.collector}/v1/events`, id, JSON.stringify(eventPayload(id, type, context())));
  };
  // A later body for the same response id replaces an earlier one in the outbox.
  const sendResponse = (answer: Answer) => {
    const device = deviceClass(innerWidth, !!window.matchMedia?.('(pointer:coarse)').matches);
    outbox.send(`${page.collector}/v1/responses`, answer.responseId, JSON.stringify(responsePayload(answer, context(), identity, page.journey, device)));
  };
  const quiet = (why: 'answered' | 'dismissed', days: number) => {
    const at = Date.now();
    updateRecord((record) => (record.quiet[survey] = { why, at, until: at + days * DAY }));
  };

  /** Why not to ask now ('' to ask), from the record and the rules the settings known so far give. */
  const reasonToWait = (settings?: CachedSettings) =>
    quietReason(loadRecord(), survey, askRules(page, settings?.settings), () => identity.userId ?? updateRecord(() => {}).visitorId, Date.now());

  async function open(force: boolean): Promise<string> {
    const cached = loadRecord().cache[survey];
    const fresh = cached && Date.now() - cached.at < SETTINGS_TTL ? cached : undefined;
    // Decide with what is known locally first: a visitor who will not be asked costs no request.
    let why = force ? '' : reasonToWait(fresh);
    if (why) return why;
    const known = fresh ?? (await fetchSettings(send, page.collector, survey, Date.now()));
    if (!known) return 'unavailable';
    if (!fresh) updateRecord((record) => (record.cache[survey] = known));
    const settings = known.settings;
    if (!settings?.active) {
      warn(survey, known.refusal ?? 'is paused');
      return settings ? 'paused' : 'refused';
    }
    why = force ? '' : reasonToWait(known);
    if (why) return why;
    const mount = await (ui ??= loadUi());
    const rules = askRules(page, settings);
    const answer: Answer = { responseId: randomId() };
    const submit = () => emit('submit', { score: answer.score, comment: answer.comment, consent: answer.consent });
    const consent = !!(settings.askConsent && (identity.userId || identity.email || page.askEmail));
    const handle = mount({
      page,
      survey: settings,
      consent,
      emailField: page.askEmail && !identity.email,
      onScore: guarded((score: number) => {
        answer.score = score;
        quiet('answered', rules.resurveyDays);
        sendResponse(answer);
        emit('score', score);
      }),
      onComment: guarded((text: string) => {
        answer.comment = plainText(text, 5000);
        if (answer.comment) sendResponse(answer);
        if (!consent) submit();
      }),
      onConsent: guarded((given: boolean, email?: string) => {
        answer.consent = given;
        answer.email = emailAddress(email);
        sendResponse(answer);
        submit();
      }),
      onClose: guarded(() => {
        const failed = showing?.failed;
        showing = undefined;
        if (answer.score !== undefined || failed) return;
        quiet('dismissed', rules.dismissDays);
        sendEvent('dismissed');
        emit('dismiss');
      }),
    });
    locale = handle.locale;
    showing = { handle, answer, openedAt: Date.now() };
    sendEvent('shown');
    emit('show');
    return '';
  }

  const widget: Widget = {
    show(options) {
      // Loaded from <head> before the body exists: show once it does.
      if (!document.body) document.addEventListener('DOMContentLoaded', () => widget.run('show', options), { once: true });
      else if (!showing && !opening && survey && page.collector) {
        opening = true;
        open(!!options?.force)
          .catch(() => {
            // The UI chunk did not load: nothing was drawn or recorded, so a later show or page view tries again.
            ui = undefined;
            return 'unavailable';
          })
          .then((why) => {
            opening = false;
            if (why) emit('skip', why);
          });
      }
    },
    identify(who) {
      identity = cleanVisitor(who);
    },
    track(name) {
      if (typeof name === 'string' && SLUG_PATTERN.test(name)) touchpoint = name;
    },
    reset() {
      identity = {};
      updateRecord((record) => (record.visitorId = randomId()));
      showing?.handle.close();
      showing = undefined;
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
      outbox.flush();
      addEventListener('online', guarded(outbox.flush));
      addEventListener('pagehide', guarded(outbox.flushOnHide));
      // Another tab answered or dismissed this survey: close the untouched prompt here too.
      addEventListener('storage', guarded((event: StorageEvent) => {
        if (event.key !== RECORD_KEY || !showing || showing.answer.score !== undefined) return;
        if ((loadRecord().quiet[survey]?.at ?? 0) < showing.openedAt) return;
        showing.handle.close();
        showing = undefined;
      }));
      if (page.minPageviews) updateRecord((record) => record.pageViews++);
      if (page.mode === 'auto') setTimeout(() => widget.run('show'), page.delay * 1000);
    },
  };
  return widget;
}
