/** `npsloop export --survey ID [--format csv|ndjson] [--from DATE] [--to DATE] [--out FILE] [--db PATH]`. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { withDatabase } from '../db/database.ts';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';
import { describeIssues } from '../lib/common-schemas.ts';
import { progressBar } from '../lib/progress-bar.ts';
import { createAnalyticsService } from './analytics-service.ts';
import { exportQuerySchema } from './analytics-schemas.ts';
import { filterFromQuery } from './filters.ts';

/** Exports at least this large show a progress line on stderr. */
const PROGRESS_FROM_ROWS = 10_000;

function options(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args], strict: true,
      options: {
        survey: { type: 'string' }, format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        out: { type: 'string' }, db: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Where the export goes: the file named by --out, or stdout. */
function sinkFor(out: string | undefined, io: CliOutput): Writable {
  if (out) return createWriteStream(out, { flags: 'w' });
  return io.stdout ?? new Writable({ write: (chunk, _encoding, done) => { io.out(String(chunk)); done(); } });
}

/**
 * Streams a survey's responses, as the export route does, to stdout or a file; the rows are read a
 * page at a time, so memory stays flat however many there are. Resolves to the exit code.
 */
export async function exportCommand(args: readonly string[], env: Env, io: CliOutput): Promise<number> {
  const values = options(args);
  if (!values.survey) throw new ConfigError('--survey: required (the survey to export)');
  const query = exportQuerySchema.safeParse({ format: values.format, from: values.from, to: values.to });
  if (!query.success) throw new ConfigError(describeIssues(query.error.issues, 'export').replace(/^(format|from|to):/gm, '--$1:').replace(/; (format|from|to):/g, '; --$1:'));
  return withDatabase(values.db ?? (env.NPSLOOP_DB || DEFAULTS.db), async (database) => {
    const survey = await database.surveys.get(values.survey!);
    if (!survey) throw new ConfigError(`--survey: no survey "${values.survey}"`);
    const analytics = createAnalyticsService(database.analytics);
    const filter = filterFromQuery(values.survey!, query.data);
    const total = (await analytics.summary(filter, survey.metric)).n;
    const bar = total >= PROGRESS_FROM_ROWS ? progressBar(io.err, io.isTerminal ?? false) : null;
    let done = 0;
    const sink = sinkFor(values.out, io);
    const chunks = analytics.exportResponses(filter, query.data.format, survey.metric, (rows) => {
      done += rows;
      bar?.('Exporting', done, total);
    });
    for await (const chunk of chunks) if (!sink.write(chunk)) await once(sink, 'drain');
    if (values.out) {
      sink.end();
      await once(sink, 'finish');
    }
    io.err(`Exported ${done} responses of survey "${values.survey}" as ${query.data.format.toUpperCase()}${values.out ? ` to ${values.out}` : ''}.\n`);
    return 0;
  });
}
