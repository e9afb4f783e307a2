import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { demoCommand } from '../../src/demo/demo-command.ts';
import { generateDemoResponses } from '../../src/demo/demo-generator.ts';
import { adminCall, closeLoopApp } from '../loops/close-loop-app.ts';
import { tempDir } from '../helpers.ts';
import { dbValue } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) }, out, err };
}

describe('npsloop demo', () => {
  it('generates the same data from the same seed, in several touchpoints and both languages', () => {
    const first = generateDemoResponses(7, NOW, 30);
    expect(generateDemoResponses(7, NOW, 30)).toEqual(first);
    expect(new Set(first.map((response) => response.touchpoint)).size).toBe(5);
    expect(new Set(first.map((response) => response.locale))).toEqual(new Set(['en', 'nl']));
    expect(first.every((response) => response.createdAt <= NOW && response.createdAt > NOW - 30 * 86_400_000)).toBe(true);
  });

  it('fills a database that the API then shows: loops in every state, actions, themes, a huddle', async () => {
    const dbPath = await freshDatabaseLocation(tempDir(), 'demo.db');
    const { io, out, err } = cli();
    expect(await demoCommand(['--db', dbPath], {}, io, NOW)).toBe(0);
    const report = JSON.parse(out.join(''));
    expect(report).toMatchObject({ responses: 600, actions: 4, excluded: 2 });
    for (const state of ['open', 'contacted', 'resolved', 'closed']) expect(report.loops[state], state).toBeGreaterThan(0);
    expect(err.join('')).toContain('Demo data in survey "demo": 600 answers over 60 days');

    const again = cli();
    expect(await demoCommand(['--db', dbPath], {}, again.io, NOW)).toBe(0);
    expect(again.err.join('')).toContain('already has demo data');

    const clock = { now: () => NOW, advanceHours: () => {}, set: () => {} };
    const app = await closeLoopApp({ dbPath, clock });
    const loops = (await adminCall(app, 'GET', '/v1/loops?limit=500')).json().loops;
    expect(new Set(loops.map((loop: { state: string }) => loop.state))).toEqual(new Set(['open', 'contacted', 'resolved', 'closed']));
    expect(loops.some((loop: { contactable: boolean }) => loop.contactable)).toBe(true);
    const actions = (await adminCall(app, 'GET', '/v1/actions')).json().actions;
    expect(new Set(actions.map((action: { state: string }) => action.state))).toEqual(new Set(['in_progress', 'proposed', 'done', 'dropped']));
    const stats = (await adminCall(app, 'GET', '/v1/surveys/demo/loops/stats')).json();
    expect(stats.timeToFirstContact.n).toBeGreaterThan(10);
    const huddle = (await adminCall(app, 'GET', '/v1/surveys/demo/huddle?days=14&tz=Europe/Amsterdam')).json();
    expect(huddle.figure.n).toBeGreaterThan(100);
    expect(huddle.themes.detractor.map((theme: { theme: string }) => theme.theme)).toContain('slow delivery');
    expect(huddle.segmentMovedMost).not.toBeNull();
    expect(await dbValue(app, 'SELECT COUNT(DISTINCT locale) FROM responses WHERE comment IS NOT NULL')).toBe(2);
  });

  it('makes a CSAT survey across the touchpoints, a CES survey at support and the journey across them, also beside older demo data', async () => {
    const dbPath = await freshDatabaseLocation(tempDir(), 'metrics.db');
    const { io, out, err } = cli();
    expect(await demoCommand(['--db', dbPath, '--days', '30'], {}, io, NOW)).toBe(0);
    expect(JSON.parse(out.join('')).metrics).toEqual({ csat: 240, ces: 240, journey: true });
    expect(err.join('')).toContain('CSAT demo survey "demo-csat": 240 answers across the touchpoints');

    const clock = { now: () => NOW, advanceHours: () => {}, set: () => {} };
    const app = await closeLoopApp({ dbPath, clock });
    expect((await adminCall(app, 'GET', '/v1/surveys/demo-csat')).json()).toMatchObject({ metric: 'csat', name: 'Acme touchpoints (CSAT demo)' });
    const csat = (await adminCall(app, 'GET', '/v1/surveys/demo-csat/segments?by=touchpoint')).json();
    expect(csat.segments.map((segment: { value: string }) => segment.value).sort()).toEqual(['checkout', 'delivery', 'mobile-app', 'onboarding', 'support']);
    for (const segment of csat.segments) expect(segment.distribution.length).toBe(5);
    const ces = (await adminCall(app, 'GET', '/v1/surveys/demo-ces/summary')).json();
    expect(ces).toMatchObject({ metric: 'ces', n: 240 });
    expect(ces.score).toBeGreaterThan(4);
    expect((await adminCall(app, 'GET', '/v1/surveys/demo-ces/segments?by=touchpoint')).json().segments.map((segment: { value: string }) => segment.value)).toEqual(['support']);
    const journey = (await adminCall(app, 'GET', `/v1/journeys/demo-journey/figures?to=${new Date(NOW).toISOString()}`)).json();
    expect(journey.steps.map((step: { name: string; figures: { surveyId: string; n: number }[] }) => [step.name, step.figures.map((figure) => figure.surveyId)])).toEqual([
      ['Onboarding', ['demo-csat']], ['Checkout', ['demo-csat', 'demo']], ['Delivery', ['demo-csat']], ['Support', ['demo-csat', 'demo-ces']],
    ]);
    for (const step of journey.steps) for (const figure of step.figures) expect(figure.n, `${step.name} ${figure.surveyId}`).toBeGreaterThan(10);
    await app.close();

    // A database made before CSAT and CES: the NPS demo data is kept, the new surveys and journey are added once.
    const older = await freshDatabaseLocation(tempDir(), 'older.db');
    expect(await demoCommand(['--db', older, '--days', '3'], {}, cli().io, NOW)).toBe(0);
    const olderApp = await closeLoopApp({ dbPath: older, clock });
    await adminCall(olderApp, 'DELETE', '/v1/journeys/demo-journey');
    await olderApp.close();
    const again = cli();
    expect(await demoCommand(['--db', older, '--days', '3'], {}, again.io, NOW)).toBe(0);
    expect(again.err.join('')).toContain('already has demo data');
    expect(again.err.join('')).toContain('Journey "demo-journey"');
    expect(again.err.join('')).not.toContain('CSAT demo survey');
  });

  it.each([['--days', '0'], ['--seed', 'x'], ['--survey', 'Not a slug!'], ['--wat']])('refuses %s %s', async (...args) => {
    await expect(demoCommand([...args.filter(Boolean), '--db', join(tempDir(), 'x.db')], {}, cli().io, NOW)).rejects.toThrow(/--/);
  });

  it('runs as `npsloop demo` and `npsloop import` through the CLI', async () => {
    const dir = tempDir();
    const db = await freshDatabaseLocation(dir, 'cli.db');
    const { io, out } = cli();
    expect(await runCli(['demo', '--db', db, '--days', '3'], {}, io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ responses: 30 });
    writeFileSync(join(dir, 'in.csv'), 'created_at,score\n2025-01-01,11\n');
    const imported = cli();
    expect(await runCli(['import', join(dir, 'in.csv'), '--survey', 'demo', '--db', db], {}, imported.io)).toBe(1);
    expect(imported.err.join('')).toContain('line 2: score: must be a whole number from 0 to 10');
    expect((await runCli(['import', join(dir, 'in.csv'), '--db', db], {}, cli().io))).toBe(2);
  });
});
