/** `npsloop links --survey ID --csv people.csv`: a personal link per person, written as CSV for any mailing tool. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { csvLine } from '../analytics/csv.ts';
import { withDatabase } from '../db/database.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';
import { describeIssues } from '../lib/common-schemas.ts';
import { parsePublicUrl } from '../lib/public-url.ts';
import { createLinkService } from './link-service.ts';
import { linkRequestSchema, MAX_RECIPIENTS_PER_REQUEST } from './link-schemas.ts';
import { readPeopleFile } from './people-csv.ts';

const OPTIONS = {
  survey: { type: 'string' }, csv: { type: 'string' }, 'public-url': { type: 'string' }, touchpoint: { type: 'string' },
  channel: { type: 'string' }, 'expires-in-days': { type: 'string' }, out: { type: 'string' }, db: { type: 'string' },
} as const;

/** The public URL from the flag, else NPSLOOP_PUBLIC_URL; required for links people can open. */
export function requirePublicUrl(flag: string | undefined, env: Env): string {
  const text = flag ?? (env.NPSLOOP_PUBLIC_URL || undefined);
  if (!text) throw new ConfigError('--public-url: required (or NPSLOOP_PUBLIC_URL): the address people open the collector at, e.g. https://nps.acme.example');
  return parsePublicUrl(text);
}

/** Runs `npsloop links`; resolves to the exit code. */
export async function linksCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (!values.survey) throw new ConfigError('--survey: required (the survey the links answer)');
  if (!values.csv) throw new ConfigError('--csv: required (a CSV with an email or userId column, and a header row)');
  const publicUrl = requirePublicUrl(values['public-url'], env);
  const settings = linkRequestSchema.omit({ recipients: true }).safeParse({
    touchpoint: values.touchpoint, channel: values.channel,
    expiresInDays: values['expires-in-days'] === undefined ? undefined : Number(values['expires-in-days']),
  });
  if (!settings.success) throw new ConfigError(describeIssues(settings.error.issues, 'links').replace(/^expiresInDays/, '--expires-in-days'));
  const { columns, people } = readPeopleFile(values.csv);
  const lines = [csvLine([...columns, 'url'])];
  await withDatabase(values.db ?? (env.NPSLOOP_DB || DEFAULTS.db), async (database) => {
    if (!(await database.surveys.get(values.survey!))) throw new ConfigError(`--survey: no survey "${values.survey}"; create it with npsloop surveys create`);
    const links = createLinkService(database);
    for (let start = 0; start < people.length; start += MAX_RECIPIENTS_PER_REQUEST) {
      const page = people.slice(start, start + MAX_RECIPIENTS_PER_REQUEST);
      const issued = await links.create(values.survey!, { ...settings.data, recipients: page.map((person) => person.recipient) }, publicUrl, Date.now());
      page.forEach((person, index) => lines.push(csvLine([...columns.map((column) => person.row[column]), issued[index].url])));
    }
  });
  if (values.out) writeFileSync(values.out, lines.join(''));
  else io.out(lines.join(''));
  io.err(`Made ${people.length} personal links for survey "${values.survey}"${values.out ? ` in ${values.out}` : ''}; each works for ${settings.data.expiresInDays} days.\n`);
  return 0;
}

/** `npsloop links rotate-secret [--retire-old]`: new links are signed with a new secret; with --retire-old every older link stops working. */
export async function linksRotateCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...args], options: { 'retire-old': { type: 'boolean' }, db: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const retireOthers = values['retire-old'] ?? false;
  const id = await withDatabase(values.db ?? (env.NPSLOOP_DB || DEFAULTS.db), (database) => database.write((tx) => tx.links.rotate({ retireOthers }, Date.now())));
  io.err(`New links are signed with secret ${id}; ${retireOthers ? 'every link made before no longer works.' : 'links made before keep working (retire them with --retire-old).'}\n`);
  return 0;
}
