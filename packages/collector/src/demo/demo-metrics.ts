/** The demo's CSAT survey (one answer per visit to each touchpoint), CES survey for support, and the shop's journey across them. */
import { scaleFollowUpGroup, type Metric } from '@npsloop/core';
import type { Database } from '../db/database.ts';
import type { JourneyStep } from '../db/repositories/journey-repository.ts';
import { DEMO_COMMENTS, DEMO_TOUCHPOINTS } from './demo-content.ts';
import type { DemoResponse } from './demo-generator.ts';
import { seededRandom } from './demo-generator.ts';

const DAY = 86_400_000;

/** The ids of what the metrics demo makes beside the NPS survey `surveyId`. */
export function demoMetricIds(surveyId: string) {
  const base = surveyId.slice(0, 56);
  return { csat: `${base}-csat`, ces: `${base}-ces`, journey: `${base}-journey` };
}

/** The touchpoints the CES survey asks at: effort matters where customers handle an issue. */
const CES_TOUCHPOINTS = new Set(['support']);

/**
 * CSAT (1–5) answers at every demo touchpoint with its own mood (the NPS shares shifted up: satisfaction runs higher than
 * advocacy), or CES (1–7) answers at support, getting easier in the last 14 days. Pure: the same seed and clock give the same answers.
 */
export function generateMetricResponses(metric: 'csat' | 'ces', seed: number, now: number, days: number, perDay = 8): DemoResponse[] {
  const random = seededRandom(seed + (metric === 'csat' ? 11 : 13));
  const touchpoints = DEMO_TOUCHPOINTS.filter((touchpoint) => metric === 'csat' || CES_TOUCHPOINTS.has(touchpoint.name));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const answers: DemoResponse[] = [];
  for (let index = 0; index < days * perDay; index++) {
    const createdAt = now - Math.floor(random() * days * DAY);
    const touchpoint = pick(touchpoints);
    const recent = now - createdAt < 14 * DAY;
    const roll = random();
    let score: number;
    if (metric === 'csat') {
      // Deliveries got better this month (the carrier action of the demo's huddle): the journey marks that step.
      const deliveryLift = touchpoint.name === 'delivery' && now - createdAt < 30 * DAY ? 0.3 : 0;
      const satisfied = Math.min(0.95, touchpoint.promoterShare + 0.15 + (recent ? touchpoint.recentLift : 0) + deliveryLift);
      score = roll < satisfied ? 4 + Math.floor(random() * 2) : roll < satisfied + touchpoint.detractorShare * 0.7 ? 1 + Math.floor(random() * 2) : 3;
    } else {
      const easy = recent ? 0.75 : 0.55;
      score = roll < easy ? 5 + Math.floor(random() * 3) : roll < easy + 0.15 ? 4 : 1 + Math.floor(random() * 3);
    }
    const locale = random() < 0.3 ? 'nl' : 'en';
    answers.push({
      id: `demo_${metric}_${seed}_${String(index).padStart(5, '0')}`, score, createdAt, touchpoint: touchpoint.name, journey: touchpoint.journey,
      channel: pick(touchpoint.channels), locale, plan: pick(['free', 'plus', 'pro']),
      comment: random() < 0.4 ? pick(DEMO_COMMENTS[scaleFollowUpGroup(metric, score)][locale]) : null,
      email: null, userId: null, consent: null,
    });
  }
  return answers.sort((a, b) => a.createdAt - b.createdAt);
}

/** The demo shop's journey, left to right: each step's touchpoint and the surveys that measure it. */
export function demoJourneySteps(ids: { nps: string; csat: string; ces: string }): JourneyStep[] {
  return [
    { name: 'Onboarding', touchpoint: 'onboarding', surveys: [ids.csat] },
    { name: 'Checkout', touchpoint: 'checkout', surveys: [ids.csat, ids.nps] },
    { name: 'Delivery', touchpoint: 'delivery', surveys: [ids.csat] },
    { name: 'Support', touchpoint: 'support', surveys: [ids.csat, ids.ces] },
  ];
}

/** What the metrics demo wrote: answers per survey it filled (0 when it already had them), and whether it made the journey. */
export interface MetricDemoReport {
  csat: number;
  ces: number;
  journey: boolean;
}

/** Makes the CSAT and CES surveys and the journey beside `surveyId` when missing, and fills each survey that has no demo answers yet. */
export async function seedMetricDemo(
  database: Pick<Database, 'surveys' | 'responses' | 'journeys' | 'transaction'>,
  options: { surveyId: string; now: number; days: number; seed: number; allowedOrigins: string[] },
): Promise<MetricDemoReport> {
  const ids = demoMetricIds(options.surveyId);
  const report: MetricDemoReport = { csat: 0, ces: 0, journey: false };
  const surveys: [Metric & ('csat' | 'ces'), string, string][] = [['csat', ids.csat, 'Acme touchpoints (CSAT demo)'], ['ces', ids.ces, 'Acme support effort (CES demo)']];
  for (const [metric, id, name] of surveys) {
    if (!(await database.surveys.get(id))) await database.surveys.create({ id, name, brand: 'Acme', metric, allowedOrigins: options.allowedOrigins }, options.now);
    if ((await database.responses.countWithIdPrefix(id, 'demo_')) > 0) continue;
    const answers = generateMetricResponses(metric, options.seed, options.now, options.days);
    await database.transaction(async (tx) => {
      await tx.responses.insertMany(answers.map((answer) => ({
        id: answer.id, surveyId: id, score: answer.score, comment: answer.comment, consent: null, userId: null, email: null,
        touchpoint: answer.touchpoint, channel: answer.channel, journey: answer.journey, locale: answer.locale,
        page: '/', device: 'desktop', properties: JSON.stringify({ plan: answer.plan }), createdAt: answer.createdAt, updatedAt: answer.createdAt,
      })), { openLoops: true });
    });
    report[metric] = answers.length;
  }
  if (!(await database.journeys.get(ids.journey))) {
    report.journey = await database.journeys.insert({ id: ids.journey, name: 'Acme webshop journey (demo)', steps: demoJourneySteps({ nps: options.surveyId, ...ids }) }, options.now);
  }
  return report;
}
