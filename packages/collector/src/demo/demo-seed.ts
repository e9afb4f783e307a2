/** Writes the demo data set: answers and prompt events (rollups included), loops worked through every state, and huddle actions. */
import type { Database } from 'better-sqlite3';
import { createActionStore } from '../db/repositories/action-repository.ts';
import { createLoopStore } from '../db/repositories/loop-repository.ts';
import { createRollupSync } from '../loops/rollup-sync.ts';
import { generateDemoResponses, planDemoLoops, seededRandom } from './demo-generator.ts';

const HOUR = 3_600_000;

/** What the demo wrote. */
export interface DemoReport {
  responses: number;
  events: number;
  loops: Record<string, number>;
  actions: number;
  excluded: number;
}

/** Fills the survey with `days` days of demo data ending at `now`; the same seed and clock give the same data. */
export function seedDemo(db: Database, options: { surveyId: string; now: number; days?: number; seed?: number }): DemoReport {
  const seed = options.seed ?? 42;
  const responses = generateDemoResponses(seed, options.now, options.days ?? 60);
  const random = seededRandom(seed + 2);
  const loops = createLoopStore(db);
  const actions = createActionStore(db);
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_id, score, comment, consent, user_id, email, touchpoint, channel, journey, locale, page, device, properties, created_at, updated_at)
    VALUES (@id, @surveyId, @score, @comment, @consent, @userId, @email, @touchpoint, @channel, @journey, @locale, '/', 'desktop', @properties, @createdAt, @createdAt)`);
  const insertEvent = db.prepare('INSERT INTO events (id, survey_id, type, touchpoint, channel, locale, page, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  return db.transaction(() => {
    const rollups = createRollupSync(db);
    let events = 0;
    for (const response of responses) {
      const row = { ...response, surveyId: options.surveyId, properties: JSON.stringify({ plan: response.plan }) };
      insertResponse.run(row);
      rollups.change(null, { survey_id: options.surveyId, score: row.score, comment: row.comment, touchpoint: row.touchpoint, channel: row.channel, locale: row.locale, journey: row.journey, created_at: row.createdAt, excluded: 0 });
      if (response.channel !== 'web' && response.channel !== 'app') continue;
      // About three prompts shown per answer, some of them dismissed, for a realistic response rate.
      for (let shown = 0; shown < 3; shown++) {
        const type = shown === 0 || random() < 0.6 ? 'shown' : 'dismissed';
        const event = { survey_id: options.surveyId, type, touchpoint: response.touchpoint, channel: response.channel, locale: response.locale, created_at: response.createdAt - shown * 60_000 };
        insertEvent.run(`${response.id}_e${shown}`, event.survey_id, event.type, event.touchpoint, event.channel, event.locale, '/', event.created_at);
        rollups.event(event);
        events++;
      }
    }
    rollups.flush();

    for (const response of responses) loops.syncLoopForResponse(response.id, response.createdAt);
    const hasLoop = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM loops WHERE response_id = ?');
    const detractors = responses.filter((response) => hasLoop.get(response.id));
    for (const plan of planDemoLoops(seed, detractors, options.now)) {
      const openedAt = responses.find((response) => response.id === plan.responseId)!.createdAt;
      for (const step of plan.steps) {
        const at = Math.min(options.now, Math.round(openedAt + step.afterHours * HOUR));
        loops.patchResponse(plan.responseId, { status: step.status, closeReason: step.closeReason, assignee: step.assignee, tags: step.tags }, at);
        if (step.note) loops.addNote(plan.responseId, { author: step.assignee ?? 'dana', text: step.note }, at);
      }
    }
    const testAnswers = responses.slice(-2).map((response) => response.id);
    for (const id of testAnswers) loops.patchResponse(id, { excluded: true }, options.now);

    const slowDelivery = responses.filter((response) => response.comment?.toLowerCase().startsWith('slow delivery')).slice(-3).map((response) => response.id);
    const day = (offset: number) => new Date(options.now + offset * 24 * HOUR).toISOString().slice(0, 10);
    const created = [
      { title: 'Agree faster delivery times with the carrier', owner: 'dana', state: 'in_progress' as const, dueDate: day(14), themes: ['slow delivery'], responseIds: slowDelivery },
      { title: 'Retry failed card payments at checkout', owner: 'sam', dueDate: day(21), themes: ['checkout'] },
      { title: 'Answer every support email within 24 hours', owner: 'eve', state: 'in_progress' as const, themes: ['support never'], done: true },
      { title: 'Translate the returns policy into Dutch', owner: null, dropped: true },
    ].map(({ done, dropped, ...action }) => {
      const stored = actions.create({ surveyId: options.surveyId, ...action }, options.now - 20 * 24 * HOUR);
      if (done) actions.update(stored.id, { state: 'done' }, options.now - 3 * 24 * HOUR);
      if (dropped) actions.update(stored.id, { state: 'dropped' }, options.now - 10 * 24 * HOUR);
      return stored;
    });
    const states = db.prepare<[string], { state: string; count: number }>('SELECT state, COUNT(*) AS count FROM loops WHERE survey_id = ? GROUP BY state').all(options.surveyId);
    return {
      responses: responses.length, events, loops: Object.fromEntries(states.map((row) => [row.state, row.count])),
      actions: created.length, excluded: testAnswers.length,
    };
  }).immediate();
}
