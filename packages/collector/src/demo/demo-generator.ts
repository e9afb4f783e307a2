/** Generates the demo data set from a seed: pure, so the same seed and clock always give the same shop. */
import { scoreGroup } from '@npsloop/core';
import { DEMO_COMMENTS, DEMO_NOTES, DEMO_STAFF, DEMO_TOUCHPOINTS } from './demo-content.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One generated answer. */
export interface DemoResponse {
  id: string;
  score: number;
  comment: string | null;
  email: string | null;
  userId: string | null;
  consent: number | null;
  touchpoint: string;
  channel: string;
  journey: string;
  locale: string;
  plan: string;
  createdAt: number;
}

/** What happens to a detractor's loop, in hours after it opened. */
export interface DemoLoopPlan {
  responseId: string;
  steps: { afterHours: number; status?: 'contacted' | 'resolved' | 'closed'; closeReason?: string; assignee?: string; note?: string; tags?: string[] }[];
}

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `perDay` answers a day over `days` days before `now`, across the demo touchpoints, in English and Dutch. */
export function generateDemoResponses(seed: number, now: number, days: number, perDay = 10): DemoResponse[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const responses: DemoResponse[] = [];
  for (let index = 0; index < days * perDay; index++) {
    const createdAt = now - Math.floor(random() * days * DAY);
    const touchpoint = pick(DEMO_TOUCHPOINTS);
    const recent = now - createdAt < 14 * DAY;
    const promoterShare = touchpoint.promoterShare + (recent ? touchpoint.recentLift : 0);
    const roll = random();
    const score = roll < promoterShare ? 9 + Math.floor(random() * 2)
      : roll < promoterShare + touchpoint.detractorShare ? Math.floor(random() * 7) : 7 + Math.floor(random() * 2);
    const locale = random() < 0.3 ? 'nl' : 'en';
    const identified = random();
    responses.push({
      id: `demo_${seed}_${String(index).padStart(5, '0')}`, score, createdAt, touchpoint: touchpoint.name, journey: touchpoint.journey,
      channel: pick(touchpoint.channels), locale, plan: pick(['free', 'plus', 'pro']),
      comment: random() < 0.6 ? pick(DEMO_COMMENTS[scoreGroup(score)][locale]) : null,
      email: identified < 0.5 ? `customer${index}@example.com` : null,
      userId: identified < 0.7 ? `user-${1000 + index}` : null,
      consent: identified < 0.7 ? (random() < 0.75 ? 1 : 0) : null,
    });
  }
  return responses.sort((a, b) => a.createdAt - b.createdAt);
}

/** How staff worked each detractor's loop: older loops are further along; some of every state remain. */
export function planDemoLoops(seed: number, detractors: readonly DemoResponse[], now: number): DemoLoopPlan[] {
  const random = seededRandom(seed + 1);
  return detractors.map((response) => {
    const ageHours = (now - response.createdAt) / HOUR;
    const assignee = DEMO_STAFF[Math.floor(random() * DEMO_STAFF.length)];
    const contactAfter = 2 + random() * 70;
    const roll = random();
    const steps: DemoLoopPlan['steps'] = [{ afterHours: 0.5, assignee, tags: random() < 0.3 ? ['vip'] : [] }];
    if (ageHours < contactAfter || roll < 0.1) return { responseId: response.id, steps };
    if (roll < 0.25) return { responseId: response.id, steps: [...steps, { afterHours: contactAfter, status: 'closed', closeReason: random() < 0.5 ? 'no_reply' : 'unreachable' }] };
    steps.push({ afterHours: contactAfter, status: 'contacted', note: DEMO_NOTES[Math.floor(random() * 2)] });
    const resolveAfter = contactAfter + 4 + random() * 60;
    if (ageHours > resolveAfter && roll < 0.8) steps.push({ afterHours: resolveAfter, status: 'resolved', note: DEMO_NOTES[2] });
    return { responseId: response.id, steps };
  });
}
