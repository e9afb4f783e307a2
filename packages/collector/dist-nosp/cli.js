import { parseArgs } from "node:util";
import { s as scoreGroup, p as patchResponse, a as addNote, c as createAction, u as updateAction, b as surveyCreateSchema, o as openDatabase, d as propertiesSchema, e as plainText, L as LIMITS, f as describeIssues, g as slug, l as localeTag, buildApp } from "./app.js";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { z } from "zod";
import "fastify";
import "node:fs/promises";
import "node:module";
import "node:path";
import "node:url";
import "node:stream";
import "kysely";
import "node:worker_threads";
import "node:timers/promises";
import "better-sqlite3";
import "node:http";
import "node:https";
import "node:net";
import "node:dns";
class ConfigError extends Error {
}
const DEFAULTS = { port: 8787, host: "127.0.0.1", db: "./data/npsloop.db" };
const SERVE_OPTIONS = {
  port: { env: "PORT", help: `port to listen on (default ${DEFAULTS.port}; 0 picks a free one)` },
  host: { env: "HOST", help: `address to listen on (default ${DEFAULTS.host}; 0.0.0.0 for all)` },
  db: { env: "NPSLOOP_DB", help: `SQLite file; its directory is created (default ${DEFAULTS.db})` },
  "trust-proxy": { env: "NPSLOOP_TRUST_PROXY", help: "trust X-Forwarded-For: true, a hop count, or comma-separated proxy addresses/CIDRs (default false)" },
  "log-level": { env: "NPSLOOP_LOG_LEVEL", help: "fatal, error, warn, info, debug, trace or silent (default info)" },
  "cors-origin": { env: "NPSLOOP_CORS_ORIGINS", help: "origin allowed to call the key-protected API from a browser; repeat the flag or comma-separate in the env var" },
  "rate-limit-ip": { env: "NPSLOOP_RATE_LIMIT_IP", help: "public write requests per client IP per window (default 600; 0 = off)" },
  "rate-limit-survey": { env: "NPSLOOP_RATE_LIMIT_SURVEY", help: "ingest requests per survey per window (default 30000; 0 = off)" },
  "rate-limit-window": { env: "NPSLOOP_RATE_LIMIT_WINDOW", help: "rate-limit window in seconds (default 60)" },
  "body-limit": { env: "NPSLOOP_BODY_LIMIT", help: "largest request body in bytes (default 65536)" },
  widget: { env: "NPSLOOP_WIDGET", help: "path of the built widget.js (default: packages/widget/dist/widget.js)" },
  sync: { env: "NPSLOOP_SYNC", help: "SQLite synchronous mode: normal (survives a killed process; default) or full (also survives power loss, slower)" },
  "allow-private-webhooks": { env: "NPSLOOP_ALLOW_PRIVATE_WEBHOOKS", help: "true: accept webhooks to private and loopback addresses (default false)" },
  "loop-opened-delay": { env: "NPSLOOP_LOOP_OPENED_DELAY", help: "seconds a loop.opened webhook waits for the comment (default 120)" },
  "retention-days": { env: "NPSLOOP_RETENTION_DAYS", help: "purge comments and personal data of answers older than this many days (default: keep)" },
  "write-window": { env: "NPSLOOP_WRITE_WINDOW", help: "group commit: extra ms a write waits to share its transaction (default 0: writes of one event-loop turn share one)" }
};
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function integer(name, text, min, max) {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(`${name}: must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}
function trueOrFalse(name, text) {
  if (text !== "true" && text !== "false") throw new ConfigError(`${name}: must be true or false, got "${text}"`);
  return text === "true";
}
function trustProxy(text) {
  if (text === "true" || text === "false") return text === "true";
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(",").map((entry) => entry.trim()).filter(Boolean);
}
function parseServeConfig(args, env) {
  let values;
  try {
    const options = Object.fromEntries(
      Object.keys(SERVE_OPTIONS).map((name) => [name, { type: "string", multiple: name === "cors-origin" }])
    );
    values = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError(error.message);
  }
  const pick = (name) => {
    const flag = values[name];
    if (typeof flag === "string") return flag;
    const fromEnv = env[SERVE_OPTIONS[name].env];
    return fromEnv === void 0 || fromEnv === "" ? void 0 : fromEnv;
  };
  const logLevel = pick("log-level") ?? "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`--log-level: must be one of ${LOG_LEVELS.join(", ")}`);
  const sync = (pick("sync") ?? "normal").toUpperCase();
  if (sync !== "FULL" && sync !== "NORMAL") throw new ConfigError("--sync: must be full or normal");
  const corsFlags = values["cors-origin"];
  const corsOrigins = corsFlags?.length ? corsFlags : (env.NPSLOOP_CORS_ORIGINS ?? "").split(",");
  return {
    port: integer("--port", pick("port") ?? String(DEFAULTS.port), 0, 65535),
    host: pick("host") ?? DEFAULTS.host,
    dbPath: pick("db") ?? DEFAULTS.db,
    adminKey: env.NPSLOOP_ADMIN_KEY || void 0,
    trustProxy: trustProxy(pick("trust-proxy") ?? "false"),
    logLevel,
    apiCorsOrigins: corsOrigins.map((entry) => entry.trim()).filter(Boolean),
    rateLimit: {
      perIp: integer("--rate-limit-ip", pick("rate-limit-ip") ?? "600", 0, 1e9),
      perSurvey: integer("--rate-limit-survey", pick("rate-limit-survey") ?? "30000", 0, 1e9),
      windowMs: integer("--rate-limit-window", pick("rate-limit-window") ?? "60", 1, 86400) * 1e3
    },
    bodyLimit: integer("--body-limit", pick("body-limit") ?? "65536", 1024, 10 * 1024 * 1024),
    widgetPath: pick("widget"),
    sync,
    writeWindowMs: integer("--write-window", pick("write-window") ?? "0", 0, 1e3),
    allowPrivateWebhooks: trueOrFalse("--allow-private-webhooks", pick("allow-private-webhooks") ?? "false"),
    loopOpenedDelayMs: integer("--loop-opened-delay", pick("loop-opened-delay") ?? "120", 0, 86400) * 1e3,
    retentionDays: pick("retention-days") === void 0 ? void 0 : integer("--retention-days", pick("retention-days"), 1, 36500)
  };
}
const pad = (text, width) => text.padEnd(width);
function helpText() {
  const serveFlags = Object.entries(SERVE_OPTIONS).map(([name, option]) => `    ${pad(`--${name}`, 22)}${pad(option.env, 27)}${option.help}`).join("\n");
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
    ${pad("", 22)}${pad("NPSLOOP_ADMIN_KEY", 27)}an admin API key accepted as given (environment only, never a flag)

API keys are sent as "Authorization: Bearer <key>". Docs: /docs and /openapi.json on the running server.
`;
}
const DEMO_TOUCHPOINTS = [
  { name: "checkout", journey: "purchase", channels: ["web", "app"], promoterShare: 0.35, detractorShare: 0.35, recentLift: 0.25 },
  { name: "delivery", journey: "after-sales", channels: ["email", "link"], promoterShare: 0.3, detractorShare: 0.4, recentLift: 0 },
  { name: "support", journey: "after-sales", channels: ["web", "email"], promoterShare: 0.6, detractorShare: 0.15, recentLift: 0 },
  { name: "onboarding", journey: "browse", channels: ["web"], promoterShare: 0.5, detractorShare: 0.2, recentLift: 0 },
  { name: "mobile-app", journey: "browse", channels: ["app"], promoterShare: 0.45, detractorShare: 0.3, recentLift: -0.1 }
];
const DEMO_COMMENTS = {
  detractor: {
    en: [
      "Slow delivery, the parcel took two weeks",
      "Slow delivery and no tracking updates",
      "Checkout kept failing on my card",
      "Support never answered my email",
      "Too expensive for what you get",
      "The app crashes when I pay",
      "Slow delivery again, very disappointing"
    ],
    nl: ["Trage levering, pakket kwam veel te laat", "Trage levering en geen track & trace", "Klantenservice reageerde niet op mijn mail", "Te duur voor wat je krijgt", "De app crasht bij het betalen"]
  },
  passive: {
    en: ["Fine, but delivery could be faster", "Good products, checkout is clunky", "Okay overall, prices are high"],
    nl: ["Prima, maar de levering kan sneller", "Goede producten, afrekenen is omslachtig"]
  },
  promoter: {
    en: ["Friendly support staff, solved it in minutes", "Fast delivery and great quality", "Easy checkout, great products", "Friendly support and fast delivery"],
    nl: ["Vriendelijke klantenservice, snel geholpen", "Snelle levering en goede kwaliteit", "Makkelijk bestellen, mooie producten"]
  }
};
const DEMO_STAFF = ["dana", "eve", "sam"];
const DEMO_NOTES = [
  "Called the customer, apologised and offered a discount code.",
  "Emailed; the parcel was lost by the carrier, reshipped today.",
  "Customer confirmed the issue is solved.",
  "Left a voicemail, will try again tomorrow."
];
const HOUR$1 = 36e5;
const DAY = 24 * HOUR$1;
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function generateDemoResponses(seed, now, days, perDay = 10) {
  const random = seededRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const responses = [];
  for (let index = 0; index < days * perDay; index++) {
    const createdAt = now - Math.floor(random() * days * DAY);
    const touchpoint = pick(DEMO_TOUCHPOINTS);
    const recent = now - createdAt < 14 * DAY;
    const promoterShare = touchpoint.promoterShare + (recent ? touchpoint.recentLift : 0);
    const roll = random();
    const score = roll < promoterShare ? 9 + Math.floor(random() * 2) : roll < promoterShare + touchpoint.detractorShare ? Math.floor(random() * 7) : 7 + Math.floor(random() * 2);
    const locale = random() < 0.3 ? "nl" : "en";
    const identified = random();
    responses.push({
      id: `demo_${seed}_${String(index).padStart(5, "0")}`,
      score,
      createdAt,
      touchpoint: touchpoint.name,
      journey: touchpoint.journey,
      channel: pick(touchpoint.channels),
      locale,
      plan: pick(["free", "plus", "pro"]),
      comment: random() < 0.6 ? pick(DEMO_COMMENTS[scoreGroup(score)][locale]) : null,
      email: identified < 0.5 ? `customer${index}@example.com` : null,
      userId: identified < 0.7 ? `user-${1e3 + index}` : null,
      consent: identified < 0.7 ? random() < 0.75 ? 1 : 0 : null
    });
  }
  return responses.sort((a, b) => a.createdAt - b.createdAt);
}
function planDemoLoops(seed, detractors, now) {
  const random = seededRandom(seed + 1);
  return detractors.map((response) => {
    const ageHours = (now - response.createdAt) / HOUR$1;
    const assignee = DEMO_STAFF[Math.floor(random() * DEMO_STAFF.length)];
    const contactAfter = 2 + random() * 70;
    const roll = random();
    const steps = [{ afterHours: 0.5, assignee, tags: random() < 0.3 ? ["vip"] : [] }];
    if (ageHours < contactAfter || roll < 0.1) return { responseId: response.id, steps };
    if (roll < 0.25) return { responseId: response.id, steps: [...steps, { afterHours: contactAfter, status: "closed", closeReason: random() < 0.5 ? "no_reply" : "unreachable" }] };
    steps.push({ afterHours: contactAfter, status: "contacted", note: DEMO_NOTES[Math.floor(random() * 2)] });
    const resolveAfter = contactAfter + 4 + random() * 60;
    if (ageHours > resolveAfter && roll < 0.8) steps.push({ afterHours: resolveAfter, status: "resolved", note: DEMO_NOTES[2] });
    return { responseId: response.id, steps };
  });
}
const HOUR = 36e5;
async function seedDemo(database, options) {
  const seed = options.seed ?? 42;
  const responses = generateDemoResponses(seed, options.now, options.days ?? 60);
  const random = seededRandom(seed + 2);
  return database.transaction(async (tx) => {
    await tx.responses.insertMany(responses.map((response) => ({
      id: response.id,
      surveyId: options.surveyId,
      score: response.score,
      comment: response.comment,
      consent: response.consent === null ? null : response.consent === 1,
      userId: response.userId,
      email: response.email,
      touchpoint: response.touchpoint,
      channel: response.channel,
      journey: response.journey,
      locale: response.locale,
      page: "/",
      device: "desktop",
      properties: JSON.stringify({ plan: response.plan }),
      createdAt: response.createdAt,
      updatedAt: response.createdAt
    })), { openLoops: true });
    let events = 0;
    for (const response of responses) {
      if (response.channel !== "web" && response.channel !== "app") continue;
      for (let shown = 0; shown < 3; shown++) {
        const type = shown === 0 || random() < 0.6 ? "shown" : "dismissed";
        await tx.events.insert({
          id: `${response.id}_e${shown}`,
          surveyId: options.surveyId,
          type,
          touchpoint: response.touchpoint,
          channel: response.channel,
          locale: response.locale,
          page: "/",
          createdAt: response.createdAt - shown * 6e4
        });
        events++;
      }
    }
    const detractors = [];
    for (const response of responses) if (await tx.loops.exists(response.id)) detractors.push(response);
    for (const plan of planDemoLoops(seed, detractors, options.now)) {
      const openedAt = responses.find((response) => response.id === plan.responseId).createdAt;
      for (const step of plan.steps) {
        const at = Math.min(options.now, Math.round(openedAt + step.afterHours * HOUR));
        await patchResponse(tx, plan.responseId, { status: step.status, closeReason: step.closeReason, assignee: step.assignee, tags: step.tags }, at);
        if (step.note) await addNote(tx, plan.responseId, { author: step.assignee ?? "dana", text: step.note }, at);
      }
    }
    const testAnswers = responses.slice(-2).map((response) => response.id);
    for (const id of testAnswers) await patchResponse(tx, id, { excluded: true }, options.now);
    const slowDelivery = responses.filter((response) => response.comment?.toLowerCase().startsWith("slow delivery")).slice(-3).map((response) => response.id);
    const day = (offset) => new Date(options.now + offset * 24 * HOUR).toISOString().slice(0, 10);
    const planned = [
      { title: "Agree faster delivery times with the carrier", owner: "dana", state: "in_progress", dueDate: day(14), themes: ["slow delivery"], responseIds: slowDelivery },
      { title: "Retry failed card payments at checkout", owner: "sam", dueDate: day(21), themes: ["checkout"] },
      { title: "Answer every support email within 24 hours", owner: "eve", state: "in_progress", themes: ["support never"], done: true },
      { title: "Translate the returns policy into Dutch", owner: null, dropped: true }
    ];
    for (const { done, dropped, ...action } of planned) {
      const stored = await createAction(tx, { surveyId: options.surveyId, ...action }, options.now - 20 * 24 * HOUR);
      if (done) await updateAction(tx, stored.id, { state: "done" }, options.now - 3 * 24 * HOUR);
      if (dropped) await updateAction(tx, stored.id, { state: "dropped" }, options.now - 10 * 24 * HOUR);
    }
    return {
      responses: responses.length,
      events,
      loops: await tx.loops.countByState(options.surveyId),
      actions: planned.length,
      excluded: testAnswers.length
    };
  });
}
function wholeNumber(flag, text, fallback, max) {
  if (text === void 0) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new ConfigError(`--${flag}: must be a whole number from 1 to ${max}`);
  return Number(text);
}
async function demoCommand(args, env, io, now = Date.now()) {
  let values;
  try {
    values = parseArgs({ args: [...args], strict: true, options: { db: { type: "string" }, survey: { type: "string" }, days: { type: "string" }, seed: { type: "string" } } }).values;
  } catch (error) {
    throw new ConfigError(error.message);
  }
  const surveyId = values.survey ?? "demo";
  const days = wholeNumber("days", values.days, 60, 730);
  const seed = wholeNumber("seed", values.seed, 42, 1e6);
  const survey = surveyCreateSchema.safeParse({ id: surveyId, name: "Acme webshop (demo)", brand: "Acme", allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"] });
  if (!survey.success) throw new ConfigError(`--survey: must be a slug such as "demo"`);
  const database = await openDatabase({ path: values.db ?? (env.NPSLOOP_DB || DEFAULTS.db) });
  try {
    if (!await database.surveys.get(surveyId)) await database.surveys.create(survey.data);
    const existing = await database.responses.countWithIdPrefix(surveyId, "demo_");
    if (existing > 0) {
      io.err(`Survey "${surveyId}" already has demo data (${existing} answers); nothing added.
`);
      return 0;
    }
    const report = await seedDemo(database, { surveyId, now, days, seed });
    io.err(`Demo data in survey "${surveyId}": ${report.responses} answers over ${days} days, ${report.events} prompt events, loops ${Object.entries(report.loops).map(([state, count]) => `${count} ${state}`).join(", ")}, ${report.actions} actions.
Try GET /v1/surveys/${surveyId}/huddle?format=md, /v1/loops and /v1/surveys/${surveyId}/summary with an API key.
`);
    io.out(`${JSON.stringify(report)}
`);
    return 0;
  } finally {
    await database.close();
  }
}
const IMPORT_FIELDS = ["created_at", "score", "comment", "email", "user_id", "consent", "touchpoint", "channel", "locale", "journey"];
const ALIASES = {
  date: "created_at",
  timestamp: "created_at",
  "created at": "created_at",
  "submitted at": "created_at",
  "response date": "created_at",
  "survey date": "created_at",
  nps: "score",
  "nps score": "score",
  rating: "score",
  "likelihood to recommend": "score",
  feedback: "comment",
  reason: "comment",
  why: "comment",
  "open text": "comment",
  text: "comment",
  "e-mail": "email",
  "email address": "email",
  "user id": "user_id",
  userid: "user_id",
  "customer id": "user_id",
  "contact consent": "consent"
};
class ImportFormatError extends Error {
}
const fold = (header) => header.trim().toLowerCase().replace(/[\s_]+/g, " ");
const PROPERTY = /^property\.[A-Za-z0-9_.-]{1,40}$/;
function isImportField(name) {
  return IMPORT_FIELDS.includes(name) || PROPERTY.test(name);
}
function parseMapFlags(flags2) {
  const map = /* @__PURE__ */ new Map();
  for (const flag of flags2) {
    const separator = flag.lastIndexOf("=");
    const column = flag.slice(0, separator).trim();
    const field = flag.slice(separator + 1).trim();
    if (separator <= 0 || !column) throw new ImportFormatError(`--map "${flag}": must be column=field`);
    if (!isImportField(field)) throw new ImportFormatError(`--map "${flag}": field must be one of ${IMPORT_FIELDS.join(", ")} or property.NAME`);
    map.set(fold(column), field);
  }
  return map;
}
function mapColumns(headers, explicit) {
  const fields = headers.map((header) => {
    const folded = fold(header);
    const own = folded.replace(/ /g, "_");
    if (explicit.has(folded)) return explicit.get(folded);
    if (isImportField(own)) return own;
    if (PROPERTY.test(header.trim())) return header.trim();
    return ALIASES[folded] ?? null;
  });
  const seen = /* @__PURE__ */ new Set();
  for (const field of fields) {
    if (field === null) continue;
    if (seen.has(field)) throw new ImportFormatError(`two columns feed "${field}"; pick one with --map`);
    seen.add(field);
  }
  for (const required of ["created_at", "score"]) {
    if (!seen.has(required)) throw new ImportFormatError(`no column for "${required}" (header: ${headers.join(", ")}); name one with --map COLUMN=${required}`);
  }
  return fields;
}
class CsvSyntaxError extends Error {
  constructor(line, message) {
    super(`line ${line}: ${message}`);
    this.line = line;
    this.name = "CsvSyntaxError";
  }
  line;
}
function* parseCsv(text, delimiter = ",") {
  let position = text.charCodeAt(0) === 65279 ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    if (text[position] === "\r" || text[position] === "\n") {
      position += text.startsWith("\r\n", position) ? 2 : 1;
      line++;
      continue;
    }
    const startLine = line;
    const fields = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let value = "";
      if (text[position] === '"') {
        position++;
        for (; ; ) {
          const quote = text.indexOf('"', position);
          if (quote === -1) throw new CsvSyntaxError(startLine, "a quoted field is never closed");
          const chunk = text.slice(position, quote);
          value += chunk;
          line += countLineBreaks(chunk);
          if (text[quote + 1] === '"') {
            value += '"';
            position = quote + 2;
            continue;
          }
          position = quote + 1;
          break;
        }
        const next = text[position];
        if (next !== void 0 && next !== delimiter && next !== "\r" && next !== "\n") {
          throw new CsvSyntaxError(line, "unexpected text after a closing quote (quotes inside a field must be doubled)");
        }
      } else {
        let end = position;
        while (end < text.length && text[end] !== delimiter && text[end] !== "\r" && text[end] !== "\n") end++;
        value = text.slice(position, end);
        if (value.includes('"')) throw new CsvSyntaxError(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
        position = end;
      }
      fields.push(value);
      if (text[position] === delimiter) position++;
      else {
        atRecordEnd = true;
        if (text[position] === "\r") position++;
        if (text[position] === "\n") position++;
        line++;
      }
    }
    yield { line: startLine, fields };
  }
}
function countLineBreaks(text) {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const optional = (schema) => z.preprocess((value) => value === "" ? void 0 : value, schema.optional());
const rowSchema = z.strictObject({
  created_at: z.string().trim().regex(DATE_TIME, { error: "must be an ISO 8601 date or date-time such as 2025-06-01T14:30:00Z" }).transform((text, context) => {
    const normalized = text.replace(" ", "T") + (/[T ]/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? "Z" : "");
    const ms = Date.parse(normalized);
    if (Number.isNaN(ms)) context.addIssue({ code: "custom", message: "is not a real date" });
    return ms;
  }),
  score: z.string().trim().regex(/^(10|[0-9])$/, { error: "must be a whole number from 0 to 10" }).transform(Number),
  comment: optional(plainText(LIMITS.commentMaxLength).transform((text) => text.trim() || void 0)),
  email: optional(z.email({ error: "must be an email address" }).max(LIMITS.emailMaxLength)),
  user_id: optional(plainText(LIMITS.userIdMaxLength)),
  consent: optional(z.string().trim().toLowerCase().pipe(z.enum(["true", "false", "yes", "no", "1", "0"], { error: "must be true/false, yes/no or 1/0" }))),
  touchpoint: optional(slug),
  channel: optional(z.enum(["web", "app", "email", "link"], { error: "must be one of web, app, email, link" })),
  locale: optional(localeTag),
  journey: optional(slug),
  properties: propertiesSchema.optional()
});
function toImportRow(fields, columns) {
  const raw = {};
  const properties = {};
  columns.forEach((field, index) => {
    if (field === null) return;
    const value = fields[index] ?? "";
    if (field.startsWith("property.")) {
      if (value !== "") properties[field.slice("property.".length)] = value;
    } else raw[field] = value;
  });
  if (Object.keys(properties).length) raw.properties = properties;
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) return { error: describeIssues(parsed.error.issues, "row") };
  const data = parsed.data;
  return {
    row: {
      created_at: data.created_at,
      score: data.score,
      comment: data.comment ?? null,
      email: data.email ?? null,
      user_id: data.user_id ?? null,
      consent: data.consent === void 0 ? null : ["true", "yes", "1"].includes(data.consent) ? 1 : 0,
      touchpoint: data.touchpoint ?? null,
      channel: data.channel ?? null,
      locale: data.locale ?? null,
      journey: data.journey ?? null,
      properties: data.properties ? JSON.stringify(Object.fromEntries(Object.entries(data.properties).sort(([a], [b]) => a < b ? -1 : 1))) : null
    }
  };
}
function rowId(surveyId, fields, occurrence) {
  return `imp_${createHash("sha256").update(JSON.stringify([surveyId, fields, occurrence])).digest("base64url").slice(0, 32)}`;
}
async function importCsv(database, text, options) {
  const records = [...parseCsv(text)];
  const header = records.shift();
  if (!header) throw new ImportFormatError("the file is empty: a header row is required");
  const columns = mapColumns(header.fields, options.map ?? /* @__PURE__ */ new Map());
  const report = {
    rows: records.length,
    imported: 0,
    alreadyImported: 0,
    rejected: [],
    ignoredColumns: header.fields.filter((_, index) => columns[index] === null),
    written: false
  };
  const valid = [];
  const seen = /* @__PURE__ */ new Map();
  records.forEach((record, index) => {
    if (record.fields.length !== header.fields.length) {
      report.rejected.push({ line: record.line, message: `has ${record.fields.length} fields, the header has ${header.fields.length}` });
    } else {
      const result = toImportRow(record.fields, columns);
      if ("error" in result) report.rejected.push({ line: record.line, message: result.error });
      else {
        const key = JSON.stringify(record.fields);
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        valid.push({ id: rowId(options.surveyId, record.fields, occurrence), row: result.row });
      }
    }
    if ((index + 1) % 1e3 === 0 || index + 1 === records.length) options.onProgress?.("checking", index + 1, records.length);
  });
  if (report.rejected.length > 0 && !options.skipInvalid) return report;
  const now = options.now ?? Date.now();
  const rows = valid.map(({ id, row }) => ({
    id,
    surveyId: options.surveyId,
    score: row.score,
    comment: row.comment,
    consent: row.consent === null ? null : row.consent === 1,
    userId: row.user_id,
    email: row.email,
    touchpoint: row.touchpoint,
    channel: row.channel,
    journey: row.journey,
    locale: row.locale,
    page: null,
    device: null,
    properties: row.properties,
    createdAt: row.created_at,
    updatedAt: now
  }));
  const counts = await database.transaction((tx) => tx.responses.insertMany(rows, {
    openLoops: false,
    onProgress: (done) => options.onProgress?.("writing", done, rows.length)
  }));
  report.imported = counts.inserted;
  report.alreadyImported = counts.existing;
  report.written = true;
  return report;
}
function progressLine(label, done, total, width = 30) {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `${label.padEnd(9)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
}
function progressBar(write, isTerminal) {
  return (label, done, total) => {
    if (isTerminal) write(`\r${progressLine(label, done, total)}${done >= total ? "\n" : ""}`);
    else if (done >= total) write(`${progressLine(label, done, total)}
`);
  };
}
const SHOWN_REJECTIONS = 50;
function summary(report, surveyId) {
  const lines = report.rejected.slice(0, SHOWN_REJECTIONS).map((rejection) => `  line ${rejection.line}: ${rejection.message}
`);
  if (report.rejected.length > SHOWN_REJECTIONS) lines.push(`  …and ${report.rejected.length - SHOWN_REJECTIONS} more
`);
  if (report.ignoredColumns.length) lines.unshift(`Ignored columns: ${report.ignoredColumns.join(", ")} (map them with --map COLUMN=FIELD)
`);
  if (report.rejected.length) lines.unshift(`${report.rejected.length} of ${report.rows} rows rejected:
`);
  lines.push(report.written ? `Imported ${report.imported} of ${report.rows} rows into survey "${surveyId}" (${report.alreadyImported} already imported, ${report.rejected.length} rejected).
` : "Nothing imported: fix the rows above, or pass --skip-invalid to import only the valid ones.\n");
  return lines.join("");
}
async function importCommand(args, env, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { survey: { type: "string" }, db: { type: "string" }, map: { type: "string", multiple: true }, "skip-invalid": { type: "boolean" } }
    });
  } catch (error) {
    throw new ConfigError(error.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ConfigError("import: give exactly one CSV file");
  if (!values.survey) throw new ConfigError("--survey: required (the survey the answers belong to)");
  let map;
  try {
    map = parseMapFlags(values.map ?? []);
  } catch (error) {
    throw new ConfigError(error.message);
  }
  let text;
  try {
    text = readFileSync(positionals[0], "utf8");
  } catch (error) {
    throw new ConfigError(`${positionals[0]}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  }
  const database = await openDatabase({ path: values.db ?? (env.NPSLOOP_DB || DEFAULTS.db) });
  try {
    if (!await database.surveys.get(values.survey)) throw new ConfigError(`--survey: no survey "${values.survey}"; create it with npsloop surveys create`);
    const bar = progressBar(io.err, io.isTerminal ?? false);
    const report = await importCsv(database, text, {
      surveyId: values.survey,
      map,
      skipInvalid: values["skip-invalid"],
      onProgress: (phase, done, total) => bar(phase === "checking" ? "Checking" : "Writing", done, total)
    });
    io.err(summary(report, values.survey));
    io.out(`${JSON.stringify(report)}
`);
    return report.written ? 0 : 1;
  } catch (error) {
    if (error instanceof CsvSyntaxError || error instanceof ImportFormatError) {
      throw new ConfigError(`${positionals[0]}: ${error.message}`);
    }
    throw error;
  } finally {
    await database.close();
  }
}
async function runRollupsRebuild(database, io) {
  const started = Date.now();
  let lastReport = started;
  const counts = await database.rebuildRollups((rowsRead) => {
    if (Date.now() - lastReport < 1e3) return;
    lastReport = Date.now();
    io.err(`  ${rowsRead.toLocaleString("en")} rows read…
`);
  });
  io.err(`Rebuilt rollups from ${counts.responses} responses and ${counts.events} events in ${((Date.now() - started) / 1e3).toFixed(1)} s.
`);
  io.out(`${JSON.stringify(counts)}
`);
}
const SHUTDOWN_TIMEOUT_MS = 15e3;
function listeningUrl(host, port) {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}
async function startServer(config) {
  const app = await buildApp({
    dbPath: config.dbPath,
    adminKey: config.adminKey,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    rateLimit: config.rateLimit,
    apiCorsOrigins: config.apiCorsOrigins,
    widgetPath: config.widgetPath,
    sync: config.sync,
    writeWindowMs: config.writeWindowMs,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    loopOpenedDelayMs: config.loopOpenedDelayMs,
    retentionDays: config.retentionDays
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  process.stdout.write(`npsloop collector listening on ${listeningUrl(config.host, port)} (db ${config.dbPath})
`);
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests and writes");
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      }
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return app;
}
function flags(args, options) {
  try {
    return parseArgs({ args: [...args], options: { ...options, db: { type: "string" } }, strict: true }).values;
  } catch (error) {
    throw new ConfigError(error.message);
  }
}
async function withDatabase(dbPath, env, use) {
  const database = await openDatabase({ path: dbPath ?? (env.NPSLOOP_DB || DEFAULTS.db) });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
async function keysCreate(args, env, io) {
  const values = flags(args, { scope: { type: "string" }, name: { type: "string" } });
  const scope = values.scope;
  if (scope !== "read" && scope !== "admin") throw new ConfigError("--scope: must be read or admin");
  const { secret, key } = await withDatabase(values.db, env, (database) => database.keys.create(scope, values.name ?? null));
  io.err(`Created ${key.scope} key ${key.id}${key.name ? ` (${key.name})` : ""}. Copy it now: it is shown only once.
`);
  io.out(`${secret}
`);
}
async function surveysCreate(args, env, io) {
  const values = flags(args, {
    id: { type: "string" },
    name: { type: "string" },
    brand: { type: "string" },
    origin: { type: "string", multiple: true },
    inactive: { type: "boolean" },
    "if-missing": { type: "boolean" }
  });
  const parsed = surveyCreateSchema.safeParse({
    id: values.id,
    name: values.name,
    brand: values.brand,
    allowedOrigins: values.origin ?? [],
    active: values.inactive ? false : void 0
  });
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues, "survey").replace(/allowedOrigins(\.\d+)?/g, "--origin"));
  await withDatabase(values.db, env, async (database) => {
    const existing = await database.surveys.get(parsed.data.id);
    if (existing && values["if-missing"]) {
      io.err(`Survey "${existing.id}" already exists; left unchanged.
`);
      io.out(`${JSON.stringify(existing, null, 2)}
`);
      return;
    }
    const survey = await database.surveys.create(parsed.data);
    io.err(`Created survey "${survey.id}".
`);
    io.out(`${JSON.stringify(survey, null, 2)}
`);
  });
}
async function surveysList(args, env, io) {
  const values = flags(args, { json: { type: "boolean" } });
  const surveys = await withDatabase(values.db, env, (database) => database.surveys.list());
  if (values.json) return io.out(`${JSON.stringify(surveys, null, 2)}
`);
  if (surveys.length === 0) return io.err("No surveys yet. Create one with: npsloop surveys create --id ID --name NAME\n");
  const rows = surveys.map((survey) => [survey.id, survey.active ? "active" : "paused", survey.name, survey.allowedOrigins.join(",") || "-"]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length), ["ID", "STATE", "NAME"][column].length));
  const line = (row) => `${row.slice(0, 3).map((cell, column) => cell.padEnd(widths[column])).join("  ")}  ${row[3]}
`;
  io.out(line(["ID", "STATE", "NAME", "ORIGINS"]) + rows.map(line).join(""));
}
async function runCli(argv, env, io) {
  const [command, sub, ...rest] = argv;
  try {
    if (!command || command === "help" || command === "--help" || command === "-h" || argv.includes("--help")) {
      io.out(helpText());
      return command ? 0 : 2;
    }
    if (command === "serve") {
      await startServer(parseServeConfig(argv.slice(1), env));
      return 0;
    }
    if (command === "keys" && sub === "create") await keysCreate(rest, env, io);
    else if (command === "surveys" && sub === "create") await surveysCreate(rest, env, io);
    else if (command === "surveys" && sub === "list") await surveysList(rest, env, io);
    else if (command === "demo") return await demoCommand(argv.slice(1), env, io);
    else if (command === "import") return await importCommand(argv.slice(1), env, io);
    else if (command === "rollups" && sub === "rebuild") {
      const values = flags(rest, {});
      await withDatabase(values.db, env, (database) => runRollupsRebuild(database, io));
    } else throw new ConfigError(`unknown command "${argv.slice(0, 2).join(" ")}"; see npsloop --help`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error.statusCode === 409) {
      io.err(`npsloop: ${error.message}
`);
      return 2;
    }
    throw error;
  }
}
async function main(argv) {
  const io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), isTerminal: process.stderr.isTTY };
  try {
    process.exitCode = await runCli(argv, process.env, io);
  } catch (error) {
    io.err(`npsloop: ${error instanceof Error ? error.message : String(error)}
`);
    process.exitCode = 1;
  }
}
export {
  main,
  runCli
};
//# sourceMappingURL=cli.js.map
