import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseLocale, LIMITS, metricSurveyStrings, scaleFollowUpGroup, scalePoints, sortableId } from '@npsloop/core';
import { HttpError, surveyNotFound } from '../lib/errors.ts';
import { assertScoreOnScale } from '../lib/score-scale.ts';
import { renderCommentPage, renderNoticePage, renderScorePage, renderThanksPage } from './render-page.ts';
import { LINK_REFUSALS, linkResponse, type LinkResolver, type PersonalLink } from './personal-link.ts';
import { isFromOwnPage, isTopLevelNavigation } from './request-intent.ts';
import { clientId, localeTag, plainText, slug } from '../lib/common-schemas.ts';
import type { ResponseBody } from '../ingest/ingest-schemas.ts';
import type { Database } from '../db/database.ts';
import type { SurveyRecord as Survey, SurveyRepository } from '../db/repositories/survey-repository.ts';

const scoreText = z.string().regex(/^(10|[0-9])$/, { error: 'must be a whole number from 0 to 10' }).transform(Number);

const pageQuerySchema = z.object({
  score: scoreText.optional(),
  locale: localeTag.optional(),
  touchpoint: slug.optional(),
  journey: slug.optional(),
  rid: clientId.optional().describe('response id chosen by the sender, so a repeated click records once'),
  t: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be the token of a personal link' }).optional()
    .describe('personal link token (`POST /v1/surveys/:id/links`): the score is recorded for its recipient'),
});

const formSchema = z.strictObject({
  id: clientId,
  score: scoreText,
  locale: localeTag.optional(),
  comment: plainText(LIMITS.commentMaxLength).optional(),
  t: z.string().max(64).optional(),
  consent: z.literal('yes', { error: 'must be "yes" when given' }).optional(),
});

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  // Not no-referrer: that makes browsers send `Origin: null` on the page's own form post, which then looks foreign.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** The hosted survey page `/s/:surveyId` for email and app links: plain HTML forms, no JavaScript needed. */
export async function hostedSurveyRoutes(fastify: FastifyInstance, options: {
  surveys: SurveyRepository; database: Pick<Database, 'ingestResponse'>;
  /** Finds the personal link a `t` token stands for (absent: tokens are refused as invalid). */
  resolveLink?: LinkResolver;
  now?: () => number;
}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const config = { access: 'public', html: true, rateLimited: true } as const;
  const params = z.strictObject({ surveyId: slug });

  async function activeSurvey(surveyId: string): Promise<Survey> {
    const survey = await options.surveys.get(surveyId);
    if (!survey) throw surveyNotFound(surveyId);
    if (!survey.active) throw new HttpError(403, 'survey_inactive', 'This survey is closed.');
    return survey;
  }

  function strings(survey: Survey, request: FastifyRequest, requested?: string) {
    const accepted = String(request.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0]);
    const locale = chooseLocale([requested, ...accepted]);
    return { locale, strings: metricSurveyStrings(survey.metric, locale, survey.brand ?? survey.name, survey.wording[locale] ?? {}) };
  }

  const html = (reply: FastifyReply, body: string) => reply.headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(body);
  const now = options.now ?? Date.now;

  /** The link a token stands for, or a page saying why it cannot be used (nothing is stored then). */
  async function personalLink(surveyId: string, token: string, reply: FastifyReply): Promise<PersonalLink | null> {
    const resolved = options.resolveLink ? await options.resolveLink(surveyId, token, now()) : { refused: 'invalid' as const };
    if (!('refused' in resolved)) return resolved;
    const refusal = LINK_REFUSALS[resolved.refused];
    html(reply.code(refusal.status), renderNoticePage({ lang: 'en', title: refusal.title, message: refusal.message }));
    return null;
  }

  app.get('/s/:surveyId', {
    schema: {
      summary: 'Hosted survey page: the question with its scale (NPS 0–10, CSAT 1–5, CES 1–7) as a radio group in a form (no JavaScript needed); `?score=N` records the score and asks why',
      description: 'The score is recorded only when the link is followed as a top-level navigation (`Sec-Fetch-Dest: document` and `Sec-Fetch-Mode: navigate` when a browser sends them, no prefetch); an image, iframe, script or fetch gets the question and records nothing. A GET never changes a comment or consent.',
      tags: ['hosted'], params, querystring: pageQuerySchema,
    },
    config,
  }, async (request, reply) => {
    const { surveyId } = request.params;
    const query = request.query;
    const survey = await activeSurvey(surveyId);
    const { locale, strings: text } = strings(survey, request, query.locale);
    const link = query.t === undefined ? null : await personalLink(surveyId, query.t, reply);
    if (query.t !== undefined && !link) return reply;
    // Only a person following the link records; an <img>, <iframe>, fetch or prefetch from any page sees the question.
    if (query.score === undefined || !isTopLevelNavigation(request.method, request.headers)) {
      const carried = link ? { t: query.t, locale: query.locale } : { locale: query.locale, touchpoint: query.touchpoint, journey: query.journey, rid: query.rid };
      const fields = Object.fromEntries(Object.entries(carried).filter((entry): entry is [string, string] => entry[1] !== undefined));
      return html(reply, renderScorePage({ lang: locale, strings: text, points: scalePoints(survey.metric), action: `/s/${surveyId}`, carried: fields }));
    }
    assertScoreOnScale(survey.metric, query.score);
    const body: ResponseBody = link ? linkResponse(link, query.score, query.locale ?? locale) : {
      id: query.rid ?? sortableId(Date.now(), randomBytes(12)), surveyId, score: query.score, channel: 'link',
      locale: query.locale ?? locale, touchpoint: query.touchpoint, journey: query.journey,
    };
    try {
      await options.database.ingestResponse(body, link ? now() : undefined);
    } catch (error) {
      if (!link || (error as HttpError).code !== 'score_locked') throw error;
      const locked = LINK_REFUSALS.locked;
      return html(reply.code(locked.status), renderNoticePage({ lang: 'en', title: locked.title, message: locked.message }));
    }
    const prompt = survey.followUp[scaleFollowUpGroup(survey.metric, query.score)] ?? text.why;
    return html(reply, renderCommentPage({
      lang: locale, strings: text, prompt, action: `/s/${surveyId}`, maxLength: LIMITS.commentMaxLength,
      fields: { id: body.id, score: String(query.score), locale, ...(link ? { t: query.t! } : {}) },
      consent: link && survey.askConsent ? text.consent : undefined,
    }));
  });

  app.post('/s/:surveyId', {
    schema: {
      summary: 'Hosted survey page: the "why" form posts here and updates the same response', tags: ['hosted'], params, body: formSchema,
      description: 'Accepted only from the page itself (`Sec-Fetch-Site: same-origin`, or an `Origin` naming this host); a post from another site is 403 `foreign_origin` and changes nothing.',
    },
    config,
  }, async (request, reply) => {
    const { surveyId } = request.params;
    const form = request.body;
    if (!isFromOwnPage(request.headers, request.host)) {
      throw new HttpError(403, 'foreign_origin', 'This form accepts answers only from its own page on this server.');
    }
    const survey = await activeSurvey(surveyId);
    const { locale, strings: text } = strings(survey, request, form.locale);
    assertScoreOnScale(survey.metric, form.score);
    if (form.t !== undefined) {
      const link = await personalLink(surveyId, form.t, reply);
      if (!link) return reply;
      if (link.responseId !== form.id) throw new HttpError(400, 'invalid_request', 'id: is not the answer of this personal link');
      await options.database.ingestResponse({ id: form.id, surveyId, score: form.score, comment: form.comment, consent: survey.askConsent ? form.consent === 'yes' : undefined }, now());
    } else if (form.comment?.trim()) {
      await options.database.ingestResponse({ id: form.id, surveyId, score: form.score, comment: form.comment, channel: 'link' });
    }
    return html(reply, renderThanksPage(locale, text));
  });
}
