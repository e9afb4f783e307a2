/** Writes the demo data set: answers and prompt events (rollups included), loops worked through every state, and huddle actions. */
import { createAction, updateAction } from '../actions/action-service.ts';
import type { Database } from '../db/database.ts';
import type { EventInsert } from '../db/repositories/event-writer.ts';
import { addNote, patchResponse } from '../loops/loop-service.ts';
import { generateDemoResponses, planDemoLoops, seededRandom } from './demo-generator.ts';
import { DEMO_TEAMS } from './demo-content.ts';

const HOUR = 3_600_000;

/** What the demo wrote. */
export interface DemoReport {
  responses: number;
  events: number;
  loops: Record<string, number>;
  actions: number;
  excluded: number;
}

/** Fills the survey with `days` days of demo data ending at `now`, in one transaction; the same seed and clock give the same data. */
export async function seedDemo(database: Pick<Database, 'transaction'>, options: { surveyId: string; now: number; days?: number; seed?: number }): Promise<DemoReport> {
  const seed = options.seed ?? 42;
  const responses = generateDemoResponses(seed, options.now, options.days ?? 60);
  const random = seededRandom(seed + 2);

  return database.transaction(async (tx) => {
    // Detractors open their loops as they would have on ingest, at the time they answered.
    await tx.responses.insertMany(responses.map((response) => ({
      id: response.id, surveyId: options.surveyId, score: response.score, comment: response.comment,
      consent: response.consent === null ? null : response.consent === 1, userId: response.userId, email: response.email,
      touchpoint: response.touchpoint, channel: response.channel, journey: response.journey, locale: response.locale,
      page: '/', device: 'desktop', properties: JSON.stringify({ plan: response.plan, team: DEMO_TEAMS[response.touchpoint] }), createdAt: response.createdAt, updatedAt: response.createdAt,
    })), { openLoops: true });
    const prompts: EventInsert[] = [];
    for (const response of responses) {
      if (response.channel !== 'web' && response.channel !== 'app') continue;
      // About three prompts shown per answer, some of them dismissed, for a realistic response rate.
      for (let shown = 0; shown < 3; shown++) {
        const type = shown === 0 || random() < 0.6 ? 'shown' : 'dismissed';
        prompts.push({
          id: `${response.id}_e${shown}`, surveyId: options.surveyId, type, touchpoint: response.touchpoint, channel: response.channel,
          locale: response.locale, page: '/', createdAt: response.createdAt - shown * 60_000,
        });
      }
    }
    await tx.events.insertMany(prompts);
    const events = prompts.length;

    const detractors = [];
    for (const response of responses) if (await tx.loops.exists(response.id)) detractors.push(response);
    for (const plan of planDemoLoops(seed, detractors, options.now)) {
      const openedAt = responses.find((response) => response.id === plan.responseId)!.createdAt;
      for (const step of plan.steps) {
        const at = Math.min(options.now, Math.round(openedAt + step.afterHours * HOUR));
        await patchResponse(tx, plan.responseId, { status: step.status, closeReason: step.closeReason, assignee: step.assignee, tags: step.tags }, at);
        if (step.note) await addNote(tx, plan.responseId, { author: step.assignee ?? 'dana', text: step.note }, at);
      }
    }
    const testAnswers = responses.slice(-2).map((response) => response.id);
    for (const id of testAnswers) await patchResponse(tx, id, { excluded: true }, options.now);

    const slowDelivery = responses.filter((response) => response.comment?.toLowerCase().startsWith('slow delivery')).slice(-3).map((response) => response.id);
    const day = (offset: number) => new Date(options.now + offset * 24 * HOUR).toISOString().slice(0, 10);
    const planned = [
      { title: 'Agree faster delivery times with the carrier', owner: 'dana', state: 'in_progress' as const, kind: 'bigger_bet' as const, touchpoint: 'delivery', dueDate: day(14), themes: ['slow delivery'], responseIds: slowDelivery },
      { title: 'Retry failed card payments at checkout', owner: 'sam', kind: 'bigger_bet' as const, touchpoint: 'checkout', dueDate: day(21), themes: ['checkout'] },
      { title: 'Answer every support email within 24 hours', owner: 'eve', state: 'in_progress' as const, touchpoint: 'support', themes: ['support never'], done: true },
      { title: 'Translate the returns policy into Dutch', owner: null, dropped: true },
    ];
    for (const { done, dropped, ...action } of planned) {
      const stored = await createAction(tx, { surveyId: options.surveyId, ...action }, options.now - 20 * 24 * HOUR);
      if (done) await updateAction(tx, stored.id, { state: 'done' }, options.now - 3 * 24 * HOUR);
      if (dropped) await updateAction(tx, stored.id, { state: 'dropped' }, options.now - 10 * 24 * HOUR);
    }
    return {
      responses: responses.length, events, loops: await tx.loops.countByState(options.surveyId),
      actions: planned.length, excluded: testAnswers.length,
    };
  });
}
