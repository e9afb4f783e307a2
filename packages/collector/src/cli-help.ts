import { SERVE_OPTIONS } from './config.ts';
import { DEFAULTS } from './lib/command-line.ts';

/** The serve flags as three aligned columns (flag, environment variable, help), two spaces apart at the least. */
function serveFlagRows(): string {
  const rows = [
    ...Object.entries(SERVE_OPTIONS).map(([name, option]) => [`--${name}`, option.env, option.help]),
    ['', 'NPSLOOP_ADMIN_KEY', 'an admin API key accepted as given (environment only, never a flag)'],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)) + 2);
  return rows.map(([flag, env, help]) => `    ${flag.padEnd(widths[0])}${env.padEnd(widths[1])}${help}`).join('\n');
}

/** The text of `npsloop --help`: every command, flag and environment variable. */
export function helpText(): string {
  const serveFlags = serveFlagRows();
  return `npsloop — the self-hosted Net Promoter System collector

Usage: npsloop <command> [flags]

Commands:
  serve                     start the collector (HTTP API, ingest, widget.js, hosted survey page)
  keys create               create an API key; prints the key alone on stdout (shown once, stored hashed)
      --scope read|admin    what the key may do (required)
      --name NAME           a label for the key
  keys list                 list API keys: id, scope, created, last used, name (--json for JSON); never a secret
  keys revoke ID            revoke an API key; it stops working with the next request
  surveys create            create a survey; prints it as JSON
      --id ID               survey id, a slug (required)
      --name NAME           survey name (required)
      --brand BRAND         brand named in the question
      --origin ORIGIN       allowed origin, repeatable: https://shop.example, https://*.example.com, http://localhost:*
      --inactive            create it paused
      --metric METRIC       what it measures: nps (0–10, default), csat (1–5) or ces (1–7)
      --if-missing          succeed without changes when the survey exists
  surveys list              list surveys (--json for JSON)
  demo                      fill a survey with a demo shop: answers in en and nl, loops in every state, actions;
                            beside it a CSAT survey ID-csat, a CES survey ID-ces and the journey ID-journey
      --survey ID           the survey to fill, created if missing (default demo)
      --days N              days of history (default 60)
      --seed N              random seed: the same seed gives the same data (default 42)
  import FILE.csv           import historical answers from CSV; rejected rows are listed with their line numbers
      --survey ID           the survey the answers belong to (required)
      --map COLUMN=FIELD    repeatable: the column for created_at, score, comment, email, user_id, consent,
                            touchpoint, channel, locale, journey or property.NAME
      --skip-invalid        import the valid rows when some are rejected (default: import nothing then)
  links                     a signed personal link per person (CSV in, CSV out: the input columns and a url)
      --survey ID           the survey the links answer (required)
      --csv FILE            people: a header row with email and/or userId (also locale); other columns become traits
      --public-url URL      the address people open the collector at (env NPSLOOP_PUBLIC_URL; required)
      --touchpoint NAME     the touchpoint the answers count under
      --channel CHANNEL     email, link (default), app or web
      --expires-in-days N   how long each link works (default 30, at most 365)
      --out FILE            write the CSV to FILE instead of stdout
  invite                    email each person an invitation with eleven personal score links (SMTP, nodemailer)
      --survey ID           the survey to invite people to (required)
      --csv FILE            people: a header row with email (required), optional userId, locale and traits
      --smtp URL            smtp://user:pass@host:587 or smtps://…:465 (env NPSLOOP_SMTP_URL; required to send)
      --from ADDRESS        the sender, e.g. "Acme <nps@acme.example>" (required)
      --public-url URL      the address people open the collector at (env NPSLOOP_PUBLIC_URL; required)
      --subject TEXT        the subject; {brand} is replaced (default: the person's language's own)
      --rate N              emails per minute (default 60)
      --touchpoint NAME     the touchpoint the answers count under
      --dry-run             print the first message; send and store nothing
                            A rerun sends only what was not sent; nobody is invited twice within the re-survey window.
  links rotate-secret       sign new links with a new secret (--retire-old: every older link stops working)
  export                    stream a survey's responses to stdout (progress on stderr for large exports)
      --survey ID           the survey to export (required)
      --format csv|ndjson   RFC 4180 CSV (default) or one JSON object per line
      --from DATE           only answers from this ISO 8601 date or date-time on (UTC)
      --to DATE             only answers before this date or date-time
      --out FILE            write to FILE instead of stdout
  rollups rebuild           recompute the analytics rollups and comment search index from the stored answers
  migrate                   bring the database's schema up to date (serve does this too when it starts)
  copy                      copy every table into an empty database, SQLite ↔ PostgreSQL, then compare counts and summaries
      --from PATH|URL       the database to copy (required)
      --to PATH|URL         the empty database to fill (required)
  help                      show this help

Every command takes --db PATH|URL (env NPSLOOP_DB, default ${DEFAULTS.db}): a SQLite file, or a PostgreSQL
database as postgres://user:password@host:5432/database (TLS: ?sslmode=require or verify-full; a Unix
socket: its folder as the host, postgres://user:password@%2Fvar%2Frun%2Fpostgresql/database).

serve flags (flag, then environment variable, then default):
${serveFlags}

API keys are sent as "Authorization: Bearer <key>". Docs: /docs and /openapi.json on the running server.
`;
}
