/** `npsloop demo [--db PATH] [--survey ID] [--days N] [--seed N]`: a living demo shop in one command. */
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';
import { surveyCreateSchema } from '../surveys/survey-schemas.ts';
import { openDatabase } from '../db/database.ts';
import { demoMetricIds, seedMetricDemo } from './demo-metrics.ts';
import { seedDemo } from './demo-seed.ts';

function wholeNumber(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new ConfigError(`--${flag}: must be a whole number from 1 to ${max}`);
  return Number(text);
}

/** Creates the survey if needed and fills it with demo data, once; resolves to the exit code. */
export async function demoCommand(args: readonly string[], env: Env, io: CliOutput, now = Date.now()): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], strict: true, options: { db: { type: 'string' }, survey: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' } } }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const surveyId = values.survey ?? 'demo';
  const days = wholeNumber('days', values.days, 60, 730);
  const seed = wholeNumber('seed', values.seed, 42, 1_000_000);
  const survey = surveyCreateSchema.safeParse({ id: surveyId, name: 'Acme webshop (demo)', brand: 'Acme', allowedOrigins: ['http://localhost:*', 'http://127.0.0.1:*'] });
  if (!survey.success) throw new ConfigError(`--survey: must be a slug such as "demo"`);
  const database = await openDatabase({ path: values.db ?? (env.NPSLOOP_DB || DEFAULTS.db) });
  try {
    if (!(await database.surveys.get(surveyId))) await database.surveys.create(survey.data);
    const existing = await database.responses.countWithIdPrefix(surveyId, 'demo_');
    let report = null;
    if (existing > 0) io.err(`Survey "${surveyId}" already has demo data (${existing} answers); nothing added.\n`);
    else {
      report = await seedDemo(database, { surveyId, now, days, seed });
      io.err(`Demo data in survey "${surveyId}": ${report.responses} answers over ${days} days, ${report.events} prompt events, ` +
        `loops ${Object.entries(report.loops).map(([state, count]) => `${count} ${state}`).join(', ')}, ${report.actions} actions.\n`);
    }
    // CSAT and CES beside it, and the journey across them: added to an older demo database too.
    const metrics = await seedMetricDemo(database, { surveyId, now, days, seed, allowedOrigins: survey.data.allowedOrigins });
    const ids = demoMetricIds(surveyId);
    if (metrics.csat > 0) io.err(`CSAT demo survey "${ids.csat}": ${metrics.csat} answers across the touchpoints.\n`);
    if (metrics.ces > 0) io.err(`CES demo survey "${ids.ces}": ${metrics.ces} answers at support.\n`);
    if (metrics.journey) io.err(`Journey "${ids.journey}": onboarding → checkout → delivery → support.\n`);
    if (report) {
      io.err(`Try GET /v1/surveys/${surveyId}/huddle?format=md, /v1/loops, /v1/surveys/${surveyId}/summary and /v1/journeys/${ids.journey}/figures with an API key.\n`);
      io.out(`${JSON.stringify({ ...report, metrics })}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
