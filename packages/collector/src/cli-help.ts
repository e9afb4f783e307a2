import { SERVE_OPTIONS } from './config.ts';
import { DEFAULTS } from './lib/command-line.ts';

const pad = (text: string, width: number) => text.padEnd(width);

/** The text of `npsloop --help`: every command, flag and environment variable. */
export function helpText(): string {
  const serveFlags = Object.entries(SERVE_OPTIONS)
    .map(([name, option]) => `    ${pad(`--${name}`, 22)}${pad(option.env, 27)}${option.help}`)
    .join('\n');
  return `npsloop — the self-hosted Net Promoter System collector

Usage: npsloop <command> [flags]

Commands:
  serve                     start the collector (HTTP API, ingest, widget.js, hosted survey page)
  keys create               create an API key; prints the key alone on stdout (shown once, stored hashed)
      --scope read|admin    what the key may do (required)
      --name NAME           a label for the key
  surveys create            create a survey; prints it as JSON
      --id ID               survey id, a slug (required)
      --name NAME           survey name (required)
      --brand BRAND         brand named in the question
      --origin ORIGIN       allowed origin, repeatable: https://shop.example, https://*.example.com, http://localhost:*
      --inactive            create it paused
      --if-missing          succeed without changes when the survey exists
  surveys list              list surveys (--json for JSON)
  demo                      fill a survey with a demo shop: answers in en and nl, loops in every state, actions
      --survey ID           the survey to fill, created if missing (default demo)
      --days N              days of history (default 60)
      --seed N              random seed: the same seed gives the same data (default 42)
  import FILE.csv           import historical answers from CSV; rejected rows are listed with their line numbers
      --survey ID           the survey the answers belong to (required)
      --map COLUMN=FIELD    repeatable: the column for created_at, score, comment, email, user_id, consent,
                            touchpoint, channel, locale, journey or property.NAME
      --skip-invalid        import the valid rows when some are rejected (default: import nothing then)
  rollups rebuild           recompute the analytics rollups and comment search index from the stored answers
  help                      show this help

Every command takes --db PATH (env NPSLOOP_DB, default ${DEFAULTS.db}).

serve flags (flag, then environment variable, then default):
${serveFlags}
    ${pad('', 22)}${pad('NPSLOOP_ADMIN_KEY', 27)}an admin API key accepted as given (environment only, never a flag)

API keys are sent as "Authorization: Bearer <key>". Docs: /docs and /openapi.json on the running server.
`;
}
