import type { PublicSurveySettings } from '@npsloop/core';
import type { MountSurvey, SurveyHandle } from '../survey-view';
import type { PageConfig } from './config';
import { deviceClass, emailAddress, pagePath, plainText } from './context';
import { updateRecord } from './eligibility';
import { guarded } from './guarded';
import { randomId } from './ids';
import type { Outbox } from './outbox';
import { eventPayload, responsePayload, type Answer, type Visitor } from './payloads';
import { askRules } from './settings';

/** One showing of the survey, from open to close. */
export interface Showing {
  _handle: SurveyHandle;
  _answer: Answer;
  _openedAt: number;
  /** The collector refused an answer: the visitor sees the error, and closing it is no dismissal. */
  _failed?: boolean;
}

/** What the commands set and the survey on screen reads: who answers, where, and the showing itself. */
export interface LoaderState {
  _visitor: Visitor;
  _touchpoint?: string;
  _showing?: Showing;
}

const DAY = 864e5;

/**
 * Draws the survey with `mount` and wires what the visitor does. The score is
 * sent at once and starts the re-survey window; the comment and consent update
 * the same response (each body built with what `state` says at the time);
 * closing before a score is a dismissal. Everything goes through `outbox`;
 * `emit` calls the site's callbacks. Sets `state._showing` until it closes.
 */
export function showSurvey(
  mount: MountSurvey,
  settings: PublicSurveySettings,
  page: PageConfig,
  state: LoaderState,
  outbox: Outbox,
  emit: (event: 'show' | 'score' | 'submit' | 'dismiss', detail?: unknown) => void,
): void {
  const survey = page.survey;
  const rules = askRules(page, settings);
  const answer: Answer = { id: randomId() };
  const visitor = state._visitor;
  let locale = 'en';

  const context = () => ({ surveyId: survey, touchpoint: state._touchpoint, channel: page.channel, locale, page: pagePath(location, page.pageQuery) });
  const sendEvent = (type: 'shown' | 'dismissed') => {
    const id = randomId();
    outbox._send(`${page.collector}/v1/events`, id, JSON.stringify(eventPayload(id, type, context())));
  };
  // A later body for the same response replaces an earlier one still waiting in the outbox.
  const sendResponse = () => {
    const device = deviceClass(innerWidth, !!window.matchMedia?.('(pointer:coarse)').matches);
    const body = responsePayload(answer, context(), state._visitor, page.journey, device);
    outbox._send(`${page.collector}/v1/responses`, answer.id, JSON.stringify(body));
  };
  const quiet = (why: 'answered' | 'dismissed', days: number) => {
    const at = Date.now();
    updateRecord((record) => (record.quiet[survey] = { why, at, until: at + days * DAY }));
  };
  const submit = () => emit('submit', { score: answer.score, comment: answer.comment, consent: answer.consent });
  const consent = !!(settings.askConsent && (visitor.userId || visitor.email || page.askEmail));

  const handle = mount({
    page,
    survey: settings,
    consent,
    emailField: page.askEmail && !visitor.email,
    onScore: guarded((score: number) => {
      answer.score = score;
      quiet('answered', rules.resurveyDays);
      sendResponse();
      emit('score', score);
    }),
    onComment: guarded((text: string) => {
      answer.comment = plainText(text, 5000);
      if (answer.comment) sendResponse();
      if (!consent) submit();
    }),
    onConsent: guarded((given: boolean, email?: string) => {
      answer.consent = given;
      answer.email = emailAddress(email);
      sendResponse();
      submit();
    }),
    onClose: guarded(() => {
      const failed = state._showing?._failed;
      state._showing = undefined;
      if (answer.score !== undefined || failed) return;
      quiet('dismissed', rules.dismissDays);
      sendEvent('dismissed');
      emit('dismiss');
    }),
  });
  locale = handle.locale;
  state._showing = { _handle: handle, _answer: answer, _openedAt: Date.now() };
  sendEvent('shown');
  emit('show');
}
