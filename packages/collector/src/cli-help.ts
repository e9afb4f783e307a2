import { DEFAULTS, SERVE_OPTIONS } from './config.ts';

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
  help                      show this help

Every command takes --db PATH (env NPSLOOP_DB, default ${DEFAULTS.db}).

serve flags (flag, then environment variable, then default):
${serveFlags}
    ${pad('', 22)}${pad('NPSLOOP_ADMIN_KEY', 27)}an admin API key accepted as given (environment only, never a flag)

API keys are sent as "Authorization: Bearer <key>". Docs: /docs and /openapi.json on the running server.
`;
}
