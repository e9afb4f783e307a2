import Fastify, { LogController } from "fastify";
import { createHash, randomBytes, timingSafeEqual, createHmac } from "node:crypto";
import { z } from "zod";
import { existsSync, mkdirSync } from "node:fs";
import { stat, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, resolve, sep, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Readable } from "node:stream";
import { sql, CompiledQuery, Kysely, SqliteDialect, SqliteDriver } from "kysely";
import { Worker } from "node:worker_threads";
import { setTimeout as setTimeout$1, setImmediate as setImmediate$1 } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { request as request$1 } from "node:http";
import { request } from "node:https";
import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns";
const LATENCY_BUCKETS = [1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3];
const escapeLabel = (value) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const renderedLabels = /* @__PURE__ */ new WeakMap();
const NO_LABELS = {};
function labelText(labels) {
  let text = renderedLabels.get(labels);
  if (text === void 0) {
    const entries = Object.entries(labels);
    text = entries.length === 0 ? "" : `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(",")}}`;
    renderedLabels.set(labels, text);
  }
  return text;
}
function createMetricsRegistry() {
  const counters = /* @__PURE__ */ new Map();
  const histograms = /* @__PURE__ */ new Map();
  return {
    /** Adds to a counter. */
    inc(name, help, labels = NO_LABELS, by = 1) {
      let counter = counters.get(name);
      if (!counter) counters.set(name, counter = { help, series: /* @__PURE__ */ new Map() });
      const key = labelText(labels);
      counter.series.set(key, (counter.series.get(key) ?? 0) + by);
    },
    /** Records one observation in a histogram (`latency` or `batch` buckets). */
    observe(name, help, value, labels = NO_LABELS, kind = "latency") {
      let histogram = histograms.get(name);
      const bounds = kind === "latency" ? LATENCY_BUCKETS : BATCH_BUCKETS;
      if (!histogram) histograms.set(name, histogram = { help, bounds, series: /* @__PURE__ */ new Map() });
      const key = labelText(labels);
      let series = histogram.series.get(key);
      if (!series) histogram.series.set(key, series = { buckets: bounds.map(() => 0), sum: 0, count: 0 });
      for (let index = bounds.length - 1; index >= 0 && value <= bounds[index]; index -= 1) series.buckets[index] += 1;
      series.sum += value;
      series.count += 1;
    },
    /** The exposition text, plus gauges computed at scrape time. */
    render(gauges = []) {
      const lines = [];
      for (const [name, counter] of counters) {
        lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
        for (const [labels, value] of counter.series) lines.push(`${name}${labels} ${value}`);
      }
      for (const [name, histogram] of histograms) {
        lines.push(`# HELP ${name} ${histogram.help}`, `# TYPE ${name} histogram`);
        for (const [labels, series] of histogram.series) {
          const inner = labels.slice(1, -1);
          const join2 = (extra) => `{${inner ? `${inner},` : ""}${extra}}`;
          histogram.bounds.forEach((bound, index) => lines.push(`${name}_bucket${join2(`le="${bound}"`)} ${series.buckets[index]}`));
          lines.push(`${name}_bucket${join2('le="+Inf"')} ${series.count}`, `${name}_sum${labels} ${series.sum}`, `${name}_count${labels} ${series.count}`);
        }
      }
      for (const gauge of gauges) lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`, `${gauge.name} ${gauge.value}`);
      return `${lines.join("\n")}
`;
    }
  };
}
class HttpError extends Error {
  statusCode;
  code;
  headers;
  constructor(statusCode, code, message, headers = {}) {
    super(message);
    this.name = "HttpError";
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}
function surveyNotFound(surveyId) {
  return new HttpError(404, "survey_not_found", `surveyId: no survey with id "${surveyId}"`);
}
function hashSecret(secret) {
  return createHash("sha256").update(secret).digest("hex");
}
class KeyRepository {
  constructor(executor) {
    this.executor = executor;
  }
  executor;
  /** Creates a key and returns its secret, which is shown once and never stored. */
  async create(scope, name = null, now = Date.now()) {
    const id = `key_${randomBytes(6).toString("hex")}`;
    const secret = `npsk_${scope}_${randomBytes(32).toString("base64url")}`;
    await this.executor.db.insertInto("api_keys").values({ id, name, scope, secret_hash: hashSecret(secret), created_at: now }).execute();
    return { secret, key: { id, name, scope, createdAt: new Date(now).toISOString() } };
  }
  /** The key a secret belongs to, or undefined. */
  async find(secret) {
    const row = await this.executor.db.selectFrom("api_keys").select(["id", "name", "scope", "created_at"]).where("secret_hash", "=", hashSecret(secret)).executeTakeFirst();
    return row && { id: row.id, name: row.name, scope: row.scope, createdAt: new Date(row.created_at).toISOString() };
  }
}
function globalPlugin(plugin) {
  Object.assign(plugin, { [/* @__PURE__ */ Symbol.for("skip-override")]: true });
  return plugin;
}
function addRouteHook(route, name, hook) {
  const existing = route[name];
  const list = existing === void 0 ? [] : Array.isArray(existing) ? existing : [existing];
  route[name] = [...list, ...Array.isArray(hook) ? hook : [hook]];
}
const challenge = { "WWW-Authenticate": 'Bearer realm="npsloop"' };
function bearerToken(request2) {
  const header = request2.headers.authorization;
  if (!header) return null;
  const match = /^Bearer[ ]+(\S{1,512})\s*$/i.exec(header);
  return match ? match[1] : "";
}
const auth = globalPlugin(async (app, options) => {
  const adminKeyHash = options.adminKey ? Buffer.from(hashSecret(options.adminKey), "hex") : null;
  app.decorateRequest("keyScope", null);
  async function scopeOf(token) {
    const hash = Buffer.from(hashSecret(token), "hex");
    if (adminKeyHash && timingSafeEqual(hash, adminKeyHash)) return "admin";
    return (await options.keys.find(token))?.scope ?? null;
  }
  app.addHook("onRoute", (route) => {
    const access = route.config?.access ?? "admin";
    if (access === "public") return;
    addRouteHook(route, "onRequest", async (request2) => authenticate(request2, access));
  });
  async function authenticate(request2, access) {
    const token = bearerToken(request2);
    if (token === null) throw new HttpError(401, "unauthorized", "Authorization: a Bearer API key is required", challenge);
    const scope = token ? await scopeOf(token) : null;
    if (!scope) throw new HttpError(401, "unauthorized", "Authorization: the API key is not valid", challenge);
    if (access === "admin" && scope !== "admin") {
      throw new HttpError(403, "forbidden", "Authorization: this route needs an admin key; the key has read scope");
    }
    request2.keyScope = scope;
  }
});
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
const STYLE = `body{font:17px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.35rem;line-height:1.3}
.scale{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:1rem 0 .25rem}
.scale a{display:flex;align-items:center;justify-content:center;min-width:2.75rem;min-height:2.75rem;border:1px solid #767676;border-radius:.4rem;background:#fff;color:#1a1a1a;text-decoration:none;font-weight:600}
.scale a:hover{background:#f0f0f0}a:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9rem;color:#4a4a4a}
textarea{box-sizing:border-box;width:100%;min-height:8rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
button{margin-top:.75rem;min-height:2.75rem;padding:0 1.25rem;font:inherit;font-weight:600;border:1px solid #1a1a1a;border-radius:.4rem;background:#1a1a1a;color:#fff;cursor:pointer}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}.scale a,textarea{background:#1e1e1e;color:#eee;border-color:#aaa}.ends{color:#ccc}button{background:#eee;color:#121212}}`;
function page$1(lang, title, body) {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}
function renderScorePage(options) {
  const { lang, strings } = options;
  const links = Array.from({ length: 11 }, (_, score) => `<li><a href="${escapeHtml(options.scoreHref(score))}" aria-describedby="${score === 0 ? "low" : score === 10 ? "high" : "question"}">${score}</a></li>`).join("");
  return page$1(lang, strings.question, `<h1 id="question">${escapeHtml(strings.question)}</h1>
<nav aria-labelledby="question"><ol class="scale" start="0">${links}</ol></nav>
<p class="ends"><span id="low">0 = ${escapeHtml(strings.low)}</span><span id="high">10 = ${escapeHtml(strings.high)}</span></p>`);
}
function renderCommentPage(options) {
  const hidden = Object.entries(options.fields).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("");
  return page$1(options.lang, options.prompt, `<p role="status">${escapeHtml(options.strings.thanks)}</p>
<form method="post" action="${escapeHtml(options.action)}">${hidden}
<h1><label for="comment">${escapeHtml(options.prompt)}</label></h1>
<textarea id="comment" name="comment" maxlength="${options.maxLength}" rows="6"></textarea>
<button type="submit">${escapeHtml(options.strings.send)}</button></form>`);
}
function renderThanksPage(lang, strings) {
  return page$1(lang, strings.thanks, `<h1 role="status">${escapeHtml(strings.thanks)}</h1>`);
}
function renderErrorPage(status, message) {
  return page$1("en", `Error ${status}`, `<h1>Error ${status}</h1><p>${escapeHtml(message)}</p>`);
}
const CODES_BY_STATUS = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  408: "request_timeout",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "unavailable"
};
const FASTIFY_CODES = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json"
};
function toEnvelope(error) {
  if (error instanceof HttpError) return { status: error.statusCode, code: error.code, message: error.message };
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return { status: 500, code: "internal_error", message: "Internal server error" };
  const fastifyCode = error.code;
  if (error instanceof SyntaxError || fastifyCode === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return { status: 400, code: "invalid_json", message: "body: must be valid JSON without __proto__ or constructor.prototype keys" };
  }
  if (fastifyCode === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return { status, code: "unsupported_media_type", message: "Content-Type: must be application/json or text/plain carrying JSON" };
  }
  return { status, code: FASTIFY_CODES[fastifyCode] ?? CODES_BY_STATUS[status] ?? "invalid_request", message: error.message };
}
function send(request2, reply, envelope) {
  reply.code(envelope.status);
  if (request2.routeOptions.config?.html) {
    return reply.type("text/html; charset=utf-8").send(renderErrorPage(envelope.status, envelope.message));
  }
  return reply.type("application/json; charset=utf-8").send({ error: { code: envelope.code, message: envelope.message } });
}
function frameworkErrors(error, _request, reply) {
  const envelope = error.code === "FST_ERR_BAD_URL" ? { status: 400, code: "invalid_url", message: "URL: not a valid percent-encoded path" } : toEnvelope(error);
  reply.code(envelope.status).type("application/json; charset=utf-8").send({ error: { code: envelope.code, message: envelope.message } });
}
const errorHandler = globalPlugin(async (app) => {
  app.setErrorHandler((error, request2, reply) => {
    const envelope = toEnvelope(error);
    if (envelope.status >= 500) request2.log.error({ err: error }, "request failed");
    if (error instanceof HttpError) reply.headers(error.headers);
    return send(request2, reply, envelope);
  });
  app.setNotFoundHandler(
    (request2, reply) => send(request2, reply, { status: 404, code: "not_found", message: `${request2.method} ${request2.url.split("?")[0].slice(0, 200)}: no such route` })
  );
});
const gracefulClose = globalPlugin(async (app) => {
  let closing = false;
  let reaper = null;
  app.addHook("preClose", (done) => {
    closing = true;
    if (app.server.listening) reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("Connection", "close");
    done(null, payload);
  });
  app.addHook("onClose", (_instance, done) => {
    if (reaper) clearInterval(reaper);
    done();
  });
});
const metrics = globalPlugin(async (app, options) => {
  app.decorate("metrics", options.registry);
  const labelSets = /* @__PURE__ */ new Map();
  const labelsFor = (method, route, status) => {
    const key = `${method} ${route} ${status}`;
    let labels = labelSets.get(key);
    if (!labels) labelSets.set(key, labels = { counter: { method, route, status }, latency: { method, route } });
    return labels;
  };
  const record = (route) => (request2, reply, done) => {
    const labels = labelsFor(request2.method, route, String(reply.statusCode));
    options.registry.inc("npsloop_http_requests_total", "HTTP requests answered", labels.counter);
    options.registry.observe("npsloop_http_request_duration_seconds", "Time to answer an HTTP request", reply.elapsedTime / 1e3, labels.latency);
    done();
  };
  app.addHook("onRoute", (route) => addRouteHook(route, "onResponse", record(route.url)));
  const unmatched = record("unmatched");
  app.addHook("onResponse", (request2, reply, done) => request2.is404 ? unmatched(request2, reply, done) : done());
});
const ORIGIN_PATTERN_SYNTAX = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/i;
function parseOrigin(origin2) {
  const match = /^(https?):\/\/([^/:]+)(?::(\d{1,5}))?$/i.exec(origin2);
  if (!match) return null;
  const scheme = match[1].toLowerCase();
  const defaultPort = scheme === "https" ? "443" : "80";
  return { scheme, host: match[2].toLowerCase(), port: match[3] ?? defaultPort };
}
function originMatches(origin2, pattern) {
  const request2 = parseOrigin(origin2);
  const wildcardPort = pattern.endsWith(":*");
  const allowed = parseOrigin((wildcardPort ? pattern.slice(0, -2) : pattern).replace("://*.", "://wildcard."));
  if (!request2 || !allowed || request2.scheme !== allowed.scheme) return false;
  if (!wildcardPort && request2.port !== allowed.port) return false;
  if (pattern.includes("://*.")) {
    const parent = allowed.host.slice("wildcard.".length);
    return request2.host.endsWith(`.${parent}`);
  }
  return request2.host === allowed.host;
}
function originAllowed(origin2, patterns) {
  return patterns.some((pattern) => originMatches(origin2, pattern));
}
const PREFLIGHT_MAX_AGE = "86400";
function enforceSurveyOrigin(request2, reply, survey) {
  const origin2 = request2.headers.origin;
  if (origin2 === void 0) return;
  if (!originAllowed(origin2, survey.allowedOrigins)) {
    throw new HttpError(403, "origin_not_allowed", `Origin: "${origin2.slice(0, 100)}" is not in the allowed origins of survey "${survey.id}"`);
  }
  reply.header("Access-Control-Allow-Origin", origin2);
}
const origin = globalPlugin(async (app, options) => {
  const apiOrigins = options.apiCorsOrigins ?? [];
  app.addHook("onRoute", (route) => {
    if (route.config?.cors === "survey") {
      addRouteHook(route, "onRequest", (request2, reply, done) => {
        reply.header("Vary", "Origin");
        const requestOrigin = request2.headers.origin;
        if (!requestOrigin) return done();
        options.activeOriginPatterns().then((patterns) => {
          if (originAllowed(requestOrigin, patterns)) reply.header("Access-Control-Allow-Origin", requestOrigin);
          done();
        }, done);
      });
    } else if (apiOrigins.length > 0 && route.config?.access !== "public") {
      addRouteHook(route, "onRequest", (request2, reply, done) => {
        const requestOrigin = request2.headers.origin;
        if (requestOrigin && originAllowed(requestOrigin, apiOrigins)) {
          reply.header("Vary", "Origin");
          reply.header("Access-Control-Allow-Origin", requestOrigin);
        }
        done();
      });
    }
  });
  const ingestPreflight = async (request2, reply) => {
    const requestOrigin = request2.headers.origin;
    reply.header("Vary", "Origin");
    if (!requestOrigin || !originAllowed(requestOrigin, await options.activeOriginPatterns())) {
      throw new HttpError(403, "origin_not_allowed", `Origin: "${String(requestOrigin ?? "").slice(0, 100)}" is not allowed by any active survey`);
    }
    return reply.code(204).header("Access-Control-Allow-Origin", requestOrigin).header("Access-Control-Allow-Methods", "POST, OPTIONS").header("Access-Control-Allow-Headers", "Content-Type").header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE).send();
  };
  for (const url of ["/v1/responses", "/v1/events"]) {
    app.options(url, { config: { access: "public" }, schema: { hide: true } }, ingestPreflight);
  }
  app.options("/*", { config: { access: "public" }, schema: { hide: true } }, async (request2, reply) => {
    const requestOrigin = request2.headers.origin;
    reply.header("Vary", "Origin");
    if (!requestOrigin || !originAllowed(requestOrigin, apiOrigins)) {
      throw new HttpError(403, "origin_not_allowed", "Origin: not allowed to call this API from a browser");
    }
    return reply.code(204).header("Access-Control-Allow-Origin", requestOrigin).header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS").header("Access-Control-Allow-Headers", "Authorization, Content-Type").header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE).send();
  });
});
function createRateLimiter(max, windowMs) {
  let windowStart = 0;
  let counts = /* @__PURE__ */ new Map();
  return {
    hit(key, now = Date.now()) {
      if (max <= 0) return { allowed: true };
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = /* @__PURE__ */ new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1e3)) };
    }
  };
}
function limitError(retryAfterSeconds, what) {
  const seconds = String(retryAfterSeconds);
  return new HttpError(429, "rate_limited", `${what}: too many requests; retry after ${seconds} s`, { "Retry-After": seconds });
}
const rateLimit = globalPlugin(async (app, options) => {
  const perIp = createRateLimiter(options.perIp, options.windowMs);
  const perSurvey = createRateLimiter(options.perSurvey, options.windowMs);
  app.decorate("limitSurvey", (surveyId) => {
    const verdict = perSurvey.hit(surveyId);
    if (!verdict.allowed) throw limitError(verdict.retryAfterSeconds, `survey ${surveyId}`);
  });
  app.addHook("onRoute", (route) => {
    if (!route.config?.rateLimited) return;
    addRouteHook(route, "onRequest", (request2, _reply, done) => {
      const verdict = perIp.hit(request2.ip);
      done(verdict.allowed ? void 0 : limitError(verdict.retryAfterSeconds, "client"));
    });
  });
});
const requestLog = globalPlugin(async (app) => {
  if (!["trace", "debug", "info"].includes(app.log.level)) return;
  app.addHook("onResponse", (request2, reply, done) => {
    request2.log.info({ req: request2, res: reply, responseTime: reply.elapsedTime }, "request completed");
    done();
  });
});
const routeCatalog = globalPlugin(async (app) => {
  const routes = [];
  app.decorate("routeCatalog", routes);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema ?? {};
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        access: route.config?.access ?? "admin",
        hidden: schema.hide === true || method === "HEAD",
        summary: schema.summary,
        description: schema.description,
        tags: schema.tags,
        body: schema.body,
        querystring: schema.querystring,
        params: schema.params,
        response: schema.response
      });
    }
  });
});
function isValidScore(score) {
  return Number.isInteger(score) && score >= 0 && score <= 10;
}
function scoreGroup(score) {
  if (!isValidScore(score)) throw new RangeError(`score must be an integer from 0 to 10, got ${score}`);
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
function roundOneDecimal(value) {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}
function erfc(x) {
  const z2 = Math.abs(x);
  const t = 1 / (1 + 0.5 * z2);
  const poly = -z2 * z2 - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}
function twoSidedP(z2) {
  if (!Number.isFinite(z2)) return Number.isNaN(z2) ? 1 : 0;
  return Math.min(1, erfc(Math.abs(z2) / Math.SQRT2));
}
const Z_95 = 1.959963984540054;
function totalCount(counts) {
  return counts.promoters + counts.passives + counts.detractors;
}
function npsFromCounts(counts) {
  const n = totalCount(counts);
  if (n === 0) return null;
  return (counts.promoters - counts.detractors) / n * 100;
}
function adjustedWald(counts) {
  const adjustedN = totalCount(counts) + 3;
  const promoterShare = (counts.promoters + 0.75) / adjustedN;
  const detractorShare = (counts.detractors + 0.75) / adjustedN;
  const adjustedNps = promoterShare - detractorShare;
  const variance = promoterShare + detractorShare - adjustedNps * adjustedNps;
  return { adjustedN, adjustedNps, variance };
}
function npsInterval(counts) {
  if (totalCount(counts) === 0) return null;
  const { adjustedN, adjustedNps, variance } = adjustedWald(counts);
  const margin = Z_95 * Math.sqrt(variance / adjustedN);
  return {
    low: roundOneDecimal(Math.max(-100, (adjustedNps - margin) * 100)),
    high: roundOneDecimal(Math.min(100, (adjustedNps + margin) * 100)),
    level: 0.95,
    method: "adjusted-wald"
  };
}
function share$1(count, n) {
  return { count, percent: n === 0 ? 0 : roundOneDecimal(count / n * 100) };
}
function npsFigure(counts) {
  const n = totalCount(counts);
  const nps = npsFromCounts(counts);
  return {
    n,
    nps: nps === null ? null : roundOneDecimal(nps),
    interval: npsInterval(counts),
    promoters: share$1(counts.promoters, n),
    passives: share$1(counts.passives, n),
    detractors: share$1(counts.detractors, n)
  };
}
function compareNps(a, b, alpha = 0.05) {
  const npsA = npsFromCounts(a);
  const npsB = npsFromCounts(b);
  if (npsA === null || npsB === null) return { difference: null, z: null, p: null, significant: false };
  const adjustedA = adjustedWald(a);
  const adjustedB = adjustedWald(b);
  const standardError = Math.sqrt(adjustedA.variance / adjustedA.adjustedN + adjustedB.variance / adjustedB.adjustedN);
  const z2 = (adjustedB.adjustedNps - adjustedA.adjustedNps) / standardError;
  const p = twoSidedP(z2);
  return {
    difference: roundOneDecimal(npsB - npsA),
    z: Math.round(z2 * 1e3) / 1e3,
    p: Math.round(p * 1e4) / 1e4,
    significant: p < alpha
  };
}
function countsFromDistribution(distribution) {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  distribution.forEach((count, score) => {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  });
  return { promoters, passives, detractors };
}
const BUILT_IN_STRINGS = {
  en: {
    question: "How likely are you to recommend {brand} to a friend or colleague?",
    low: "Not at all likely",
    high: "Extremely likely",
    why: "What is the main reason for your score?",
    send: "Send",
    close: "Close",
    consent: "May we contact you about your answer?",
    yes: "Yes",
    no: "No",
    email: "Your email address",
    thanks: "Thank you for your feedback!"
  },
  nl: {
    question: "Hoe waarschijnlijk is het dat je {brand} aanbeveelt aan een vriend of collega?",
    low: "Helemaal niet waarschijnlijk",
    high: "Zeer waarschijnlijk",
    why: "Wat is de belangrijkste reden voor je score?",
    send: "Versturen",
    close: "Sluiten",
    consent: "Mogen we contact met je opnemen over je antwoord?",
    yes: "Ja",
    no: "Nee",
    email: "Je e-mailadres",
    thanks: "Bedankt voor je feedback!"
  },
  de: {
    question: "Wie wahrscheinlich ist es, dass Sie {brand} einem Freund oder Kollegen empfehlen?",
    low: "Überhaupt nicht wahrscheinlich",
    high: "Äußerst wahrscheinlich",
    why: "Was ist der wichtigste Grund für Ihre Bewertung?",
    send: "Senden",
    close: "Schließen",
    consent: "Dürfen wir Sie zu Ihrer Antwort kontaktieren?",
    yes: "Ja",
    no: "Nein",
    email: "Ihre E-Mail-Adresse",
    thanks: "Vielen Dank für Ihr Feedback!"
  },
  fr: {
    question: "Quelle est la probabilité que vous recommandiez {brand} à un ami ou un collègue ?",
    low: "Pas du tout probable",
    high: "Très probable",
    why: "Quelle est la raison principale de votre note ?",
    send: "Envoyer",
    close: "Fermer",
    consent: "Pouvons-nous vous contacter au sujet de votre réponse ?",
    yes: "Oui",
    no: "Non",
    email: "Votre adresse e-mail",
    thanks: "Merci pour votre avis !"
  },
  es: {
    question: "¿Qué probabilidad hay de que recomiendes {brand} a un amigo o colega?",
    low: "Nada probable",
    high: "Muy probable",
    why: "¿Cuál es el motivo principal de tu puntuación?",
    send: "Enviar",
    close: "Cerrar",
    consent: "¿Podemos contactarte sobre tu respuesta?",
    yes: "Sí",
    no: "No",
    email: "Tu correo electrónico",
    thanks: "¡Gracias por tus comentarios!"
  }
};
function chooseLocale(candidates) {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && primary in BUILT_IN_STRINGS) return primary;
  }
  return "en";
}
function surveyStrings(locale, brand, overrides = {}) {
  const strings = { ...BUILT_IN_STRINGS[locale], ...overrides };
  strings.question = strings.question.split("{brand}").join(brand);
  return strings;
}
const LIMITS = {
  commentMaxLength: 5e3,
  slugMaxLength: 64,
  pageMaxLength: 512,
  propertiesMaxKeys: 20,
  propertyKeyMaxLength: 40,
  propertyValueMaxLength: 200,
  emailMaxLength: 254,
  userIdMaxLength: 128
};
const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const SORTABLE_ID_ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const TIME_CHARACTERS = 8;
function sortableId(now, random) {
  let id = "";
  for (let index = TIME_CHARACTERS - 1; index >= 0; index--) id += SORTABLE_ID_ALPHABET[Math.floor(now / 64 ** index) % 64];
  for (let index = 0; index < 12; index++) id += SORTABLE_ID_ALPHABET[random[index] & 63];
  return id;
}
const clientId = z.string().regex(CLIENT_ID_PATTERN, { error: 'must be 8–64 characters of A–Z, a–z, 0–9, "_" or "-"' });
const slug = z.string().regex(SLUG_PATTERN, { error: `must be a slug: 1–${LIMITS.slugMaxLength} of a–z, 0–9, ".", "_", "-"` });
const localeTag = z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { error: 'must be a language tag such as "en" or "nl-BE"' });
function plainText(maxLength) {
  return z.string().max(maxLength, { error: `must be at most ${maxLength} characters` }).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { error: "must not contain control characters" });
}
function describeIssues(issues, root) {
  return issues.slice(0, 5).map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const prefix = issue.path.length ? `${issue.path.join(".")}.` : "";
      return issue.keys.map((key) => `${prefix}${key}: unknown field`).join("; ");
    }
    if (issue.path.length === 0 && issue.code === "invalid_type" && issue.expected === "object") {
      return `${root}: must be a JSON object`;
    }
    const field = issue.path.length ? issue.path.map(String).join(".") : root;
    const message = issue.code === "invalid_key" ? issue.issues[0]?.message ?? issue.message : issue.message;
    return `${field}: ${message}`;
  }).join("; ");
}
const PART_NAMES = { body: "body", querystring: "query", params: "path", headers: "headers" };
const zodValidation = globalPlugin(async (app) => {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const zodSchema = schema;
    const part = PART_NAMES[httpPart ?? "body"] ?? "body";
    return (data) => {
      const result = zodSchema.safeParse(data ?? void 0);
      if (result.success) return { value: result.data };
      return { error: new HttpError(400, "invalid_request", describeIssues(result.error.issues, part)) };
    };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
});
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json"
};
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
function dashboardCandidates() {
  let root = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(root, "package.json")) && dirname(root) !== root) root = dirname(root);
  const candidates = [join(root, "../dashboard/dist")];
  try {
    candidates.unshift(join(dirname(createRequire(import.meta.url).resolve("@npsloop/dashboard/package.json")), "dist"));
  } catch {
  }
  return candidates;
}
async function dashboardRoutes(app, options = {}) {
  const candidates = options.dashboardDir ? [options.dashboardDir] : dashboardCandidates();
  const config = { access: "public" };
  async function builtDir() {
    for (const dir of candidates) {
      if ((await stat(join(dir, "index.html")).catch(() => null))?.isFile()) return resolve(dir);
    }
    throw new HttpError(503, "dashboard_unavailable", "dashboard: not built yet (run the dashboard build: pnpm --filter @npsloop/dashboard build)");
  }
  async function sendIndex(dir, reply) {
    reply.header("Cache-Control", "no-cache").header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    return reply.type(TYPES[".html"]).send(await readFile(join(dir, "index.html")));
  }
  app.get(
    "/dashboard",
    { schema: { summary: "The team dashboard, a web app (redirects to /dashboard/; its data needs an API key)", tags: ["dashboard"] }, config },
    async (_request, reply) => reply.redirect("/dashboard/", 308)
  );
  app.get("/dashboard/*", {
    // Static files: kept out of the API reference (a wildcard is no OpenAPI path); GET /dashboard documents the page.
    schema: { summary: "The dashboard files, and index.html for its pages", tags: ["dashboard"], hide: true, params: z.object({ "*": z.string().max(300) }) },
    config
  }, async (request2, reply) => {
    const dir = await builtDir();
    const wanted = request2.params["*"];
    if (!extname(wanted)) return sendIndex(dir, reply);
    const path = resolve(dir, wanted);
    const info = path.startsWith(dir + sep) ? await stat(path).catch(() => null) : null;
    if (!info?.isFile()) throw new HttpError(404, "not_found", `dashboard/${wanted.slice(0, 100)}: no such file`);
    if (path.endsWith(`${sep}index.html`)) return sendIndex(dir, reply);
    const hashed = path.startsWith(join(dir, "assets") + sep);
    reply.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300").header("X-Content-Type-Options", "nosniff");
    return reply.type(TYPES[extname(path)] ?? "application/octet-stream").send(await readFile(path));
  });
}
const errorEnvelope = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } }
};
const ERROR_STATUSES = {
  400: "Invalid input; the message names the field and the rule",
  401: "Missing or wrong API key",
  403: "Key scope too low, origin not allowed, or survey paused",
  404: "Not found",
  409: "Conflict",
  413: "Body too large",
  415: "Unsupported content type",
  429: "Rate limited; see Retry-After",
  500: "Internal error (no details)"
};
function toJsonSchema(schema, io) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}
function parameters(schema, where) {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input");
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: property
  }));
}
function operation(route) {
  const responses = {};
  for (const [status, schema] of Object.entries(route.response ?? {})) {
    responses[status] = { description: "Success", content: { "application/json": { schema: toJsonSchema(schema, "output") } } };
  }
  if (Object.keys(responses).length === 0) responses["200"] = { description: "Success" };
  for (const [status, description] of Object.entries(ERROR_STATUSES)) {
    responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  const body = route.body && toJsonSchema(route.body, "input");
  return {
    summary: route.summary,
    description: route.description,
    tags: route.tags,
    security: route.access === "public" ? [] : [{ bearer: [route.access] }],
    parameters: [...parameters(route.params, "path"), ...parameters(route.querystring, "query")],
    ...body && {
      requestBody: {
        required: true,
        content: route.tags?.includes("ingest") ? { "application/json": { schema: body }, "text/plain": { schema: body } } : { "application/json": { schema: body } }
      }
    },
    responses,
    "x-access": route.access
  };
}
function buildOpenApi(routes, version) {
  const paths = {};
  for (const route of routes) {
    if (route.hidden) continue;
    const path = route.url.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "npsloop collector API",
      version,
      description: 'Ingest (public), surveys, analytics and operations. Keys: `Authorization: Bearer <key>`, scope `read` or `admin`. Every error is `{ "error": { "code", "message" } }`.'
    },
    paths,
    components: {
      schemas: { Error: errorEnvelope },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "API key created with `npsloop keys create`" } }
    }
  };
}
function renderDocs(document) {
  const paths = document.paths;
  const sections = Object.entries(paths).flatMap(
    ([path, methods]) => Object.entries(methods).map(([method, op]) => {
      const params = op.parameters.map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""})`).join(", ");
      const body = op.requestBody && Object.values(op.requestBody.content)[0].schema;
      return `<section id="${escapeHtml(`${method}-${path}`)}"><h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary ?? "")} <span class="access">access: ${escapeHtml(op["x-access"])}</span></p>
${op.description ? `<p>${escapeHtml(op.description)}</p>` : ""}${params ? `<p>Parameters: ${params}</p>` : ""}
${body ? `<details><summary>Request body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ""}</section>`;
    })
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>npsloop API</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
section{border-top:1px solid #ddd;padding:.5rem 0}.method{font-family:monospace;background:#eef;padding:0 .3rem}.access{color:#555}pre{overflow:auto;background:#f6f6f6;padding:.5rem}</style></head>
<body><main><h1>npsloop collector API</h1><p>${escapeHtml(String(document.info.description))}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${sections.join("\n")}</main></body></html>`;
}
async function docsRoutes(app) {
  let document = null;
  const openApi = () => document ??= buildOpenApi(app.routeCatalog, "0.1.0");
  app.get(
    "/openapi.json",
    { schema: { summary: "This API as OpenAPI 3.1", tags: ["docs"] }, config: { access: "public" } },
    async () => openApi()
  );
  app.get(
    "/docs",
    { schema: { summary: "Human-readable API reference", tags: ["docs"] }, config: { access: "public", html: true } },
    async (_request, reply) => reply.type("text/html; charset=utf-8").send(renderDocs(openApi()))
  );
}
const scoreText = z.string().regex(/^(10|[0-9])$/, { error: "must be a whole number from 0 to 10" }).transform(Number);
const pageQuerySchema = z.object({
  score: scoreText.optional(),
  locale: localeTag.optional(),
  touchpoint: slug.optional(),
  journey: slug.optional(),
  rid: clientId.optional().describe("response id chosen by the sender, so a repeated click records once")
});
const formSchema = z.strictObject({
  id: clientId,
  score: scoreText,
  locale: localeTag.optional(),
  comment: plainText(LIMITS.commentMaxLength).optional()
});
const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store"
};
async function hostedSurveyRoutes(app, options) {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body)));
  });
  const config = { access: "public", html: true, rateLimited: true };
  const params = z.strictObject({ surveyId: slug });
  async function activeSurvey(surveyId) {
    const survey = await options.surveys.get(surveyId);
    if (!survey) throw surveyNotFound(surveyId);
    app.limitSurvey(surveyId);
    if (!survey.active) throw new HttpError(403, "survey_inactive", "This survey is closed.");
    return survey;
  }
  function strings(survey, request2, requested) {
    const accepted = String(request2.headers["accept-language"] ?? "").split(",").map((part) => part.split(";")[0]);
    const locale = chooseLocale([requested, ...accepted]);
    return { locale, strings: surveyStrings(locale, survey.brand ?? survey.name, survey.wording[locale] ?? {}) };
  }
  const html = (reply, body) => reply.headers(SECURITY_HEADERS).type("text/html; charset=utf-8").send(body);
  app.get("/s/:surveyId", {
    schema: {
      summary: "Hosted survey page: the 0–10 question as links; `?score=N` records the score and asks why",
      tags: ["hosted"],
      params,
      querystring: pageQuerySchema
    },
    config
  }, async (request2, reply) => {
    const { surveyId } = request2.params;
    const query = request2.query;
    const survey = await activeSurvey(surveyId);
    const { locale, strings: text } = strings(survey, request2, query.locale);
    if (query.score === void 0) {
      const carried = { locale: query.locale, touchpoint: query.touchpoint, journey: query.journey, rid: query.rid };
      const scoreHref = (score) => {
        const search = new URLSearchParams(Object.entries({ ...carried, score: String(score) }).filter((e) => e[1] !== void 0));
        return `/s/${surveyId}?${search}`;
      };
      return html(reply, renderScorePage({ lang: locale, strings: text, scoreHref }));
    }
    const body = {
      id: query.rid ?? sortableId(Date.now(), randomBytes(12)),
      surveyId,
      score: query.score,
      channel: "link",
      locale: query.locale ?? locale,
      touchpoint: query.touchpoint,
      journey: query.journey
    };
    await options.database.ingestResponse(body);
    const prompt = survey.followUp[scoreGroup(query.score)] ?? text.why;
    return html(reply, renderCommentPage({
      lang: locale,
      strings: text,
      prompt,
      action: `/s/${surveyId}`,
      maxLength: LIMITS.commentMaxLength,
      fields: { id: body.id, score: String(query.score), locale }
    }));
  });
  app.post("/s/:surveyId", {
    schema: { summary: 'Hosted survey page: the "why" form posts here and updates the same response', tags: ["hosted"], params, body: formSchema },
    config
  }, async (request2, reply) => {
    const { surveyId } = request2.params;
    const form = request2.body;
    const survey = await activeSurvey(surveyId);
    const { locale, strings: text } = strings(survey, request2, form.locale);
    if (form.comment?.trim()) {
      await options.database.ingestResponse({ id: form.id, surveyId, score: form.score, comment: form.comment, channel: "link" });
    }
    return html(reply, renderThanksPage(locale, text));
  });
}
const FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
const propertiesSchema = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, { error: `property names must be 1–${LIMITS.propertyKeyMaxLength} of A–Z, a–z, 0–9, ".", "_", "-"` }).refine((key) => !FORBIDDEN_KEYS.has(key), { error: "property name is reserved" }),
  z.union([plainText(LIMITS.propertyValueMaxLength), z.number().finite(), z.boolean()], {
    error: `property values must be a string (≤ ${LIMITS.propertyValueMaxLength} characters), a finite number or a boolean`
  })
).refine((record) => Object.keys(record).length <= LIMITS.propertiesMaxKeys, {
  error: `must have at most ${LIMITS.propertiesMaxKeys} keys`
});
const respondentSchema = z.strictObject({
  userId: plainText(LIMITS.userIdMaxLength).min(1).optional(),
  email: z.email({ error: "must be an email address" }).max(LIMITS.emailMaxLength).optional()
});
const channel = z.enum(["web", "app", "email", "link"], { error: "must be one of web, app, email, link" });
const page = plainText(LIMITS.pageMaxLength);
const responseBodySchema = z.strictObject({
  id: clientId,
  surveyId: slug,
  score: z.number({ error: "must be an integer from 0 to 10" }).int({ error: "must be an integer from 0 to 10" }).min(0, { error: "must be an integer from 0 to 10" }).max(10, { error: "must be an integer from 0 to 10" }),
  comment: plainText(LIMITS.commentMaxLength).optional(),
  consent: z.boolean().optional(),
  respondent: respondentSchema.optional(),
  touchpoint: slug.optional(),
  channel: channel.optional(),
  journey: slug.optional(),
  locale: localeTag.optional(),
  page: page.optional(),
  device: z.enum(["mobile", "tablet", "desktop"], { error: "must be one of mobile, tablet, desktop" }).optional(),
  properties: propertiesSchema.optional()
});
const eventBodySchema = z.strictObject({
  id: clientId,
  surveyId: slug,
  type: z.enum(["shown", "dismissed"], { error: 'must be "shown" or "dismissed"' }),
  touchpoint: slug.optional(),
  channel: channel.optional(),
  locale: localeTag.optional(),
  page: page.optional()
});
const ingestResultSchema = z.object({
  id: z.string(),
  status: z.enum(["created", "updated", "unchanged"])
});
const ingestConfig = { access: "public", cors: "survey", rateLimited: true };
async function acceptingSurvey(app, surveys, request2, reply, surveyId) {
  const survey = await surveys.get(surveyId);
  if (!survey) throw surveyNotFound(surveyId);
  enforceSurveyOrigin(request2, reply, survey);
  app.limitSurvey(surveyId);
  if (!survey.active) throw new HttpError(403, "survey_inactive", `surveyId: survey "${surveyId}" is paused`);
  return survey;
}
const INGEST_LABELS = Object.fromEntries(["response", "event"].map((kind) => [
  kind,
  Object.fromEntries(["created", "updated", "unchanged"].map((status) => [status, { kind, status }]))
]));
function answer(app, reply, kind, id, status) {
  app.metrics.inc("npsloop_ingest_total", "Ingest requests stored, by kind and outcome", INGEST_LABELS[kind][status]);
  return reply.code(status === "created" ? 201 : 200).send({ id, status });
}
async function ingestRoutes(app, options) {
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser("text/plain", { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));
  const ingest = (url, kind, body, text, store) => app.post(url, {
    schema: { ...text, tags: ["ingest"], body, response: { 201: ingestResultSchema, 200: ingestResultSchema } },
    config: ingestConfig
  }, async (request2, reply) => {
    const payload = request2.body;
    await acceptingSurvey(app, options.surveys, request2, reply, payload.surveyId);
    return answer(app, reply, kind, payload.id, await store(payload));
  });
  ingest("/v1/responses", "response", responseBodySchema, {
    summary: "Record a response, or update it with the same id (comment, consent)",
    description: "201 `created` the first time; 200 `updated` or `unchanged` for the same id again. A changed score is accepted within 30 minutes of the first send (409 `score_locked` after); the same id for another survey is 409 `id_conflict`."
  }, (body) => options.database.ingestResponse(body));
  ingest("/v1/events", "event", eventBodySchema, {
    summary: "Record that a prompt was shown or dismissed (for the response rate)",
    description: "201 `created` the first time; 200 `unchanged` for the same id again."
  }, (body) => options.database.ingestEvent(body));
}
async function opsRoutes(app, options) {
  app.get("/healthz", {
    schema: { summary: "Liveness and database check", tags: ["operations"], response: { 200: z.object({ status: z.literal("ok") }) } },
    config: { access: "public" }
  }, async (_request, reply) => {
    if (!await options.database.ping()) throw new HttpError(503, "unavailable", "database: not answering");
    reply.header("Cache-Control", "no-store");
    return { status: "ok" };
  });
  app.get("/metrics", {
    schema: { summary: "Prometheus metrics: requests, latency, ingest counts, write batch sizes", tags: ["operations"] },
    config: { access: "read" }
  }, async (_request, reply) => {
    const gauges = [{ name: "npsloop_write_queue_pending", help: "Writes waiting for the next commit", value: options.database.pendingWrites }];
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(app.metrics.render(gauges));
  });
}
const stringKeys = Object.keys(BUILT_IN_STRINGS.en);
const wordingSchema = z.strictObject(
  Object.fromEntries(stringKeys.map((key) => [key, plainText(500).min(1).optional()]))
);
const followUpSchema = z.strictObject({
  detractor: plainText(500).min(1).optional(),
  passive: plainText(500).min(1).optional(),
  promoter: plainText(500).min(1).optional()
});
const originPatternSchema = z.string().max(255).regex(ORIGIN_PATTERN_SYNTAX, {
  error: 'must be an origin such as "https://shop.example", "https://*.example.com" or "http://localhost:*"'
});
const surveyFields = {
  name: plainText(200).min(1, { error: "must not be empty" }),
  brand: plainText(100).min(1).optional(),
  wording: z.record(localeTag, wordingSchema).optional(),
  followUp: followUpSchema.optional(),
  allowedOrigins: z.array(originPatternSchema).max(50, { error: "must have at most 50 entries" }),
  sampling: z.number().min(0).max(1, { error: "must be a share from 0 to 1" }).optional(),
  resurveyDays: z.number().int().min(0).max(3650).optional(),
  dismissDays: z.number().int().min(0).max(3650).optional(),
  askConsent: z.boolean().optional(),
  active: z.boolean().optional()
};
const surveyCreateSchema = z.strictObject({ id: slug, ...surveyFields });
const surveyPatchSchema = z.strictObject({
  ...surveyFields,
  name: surveyFields.name.optional(),
  brand: surveyFields.brand.unwrap().nullable().optional(),
  allowedOrigins: surveyFields.allowedOrigins.optional()
});
const surveyParamsSchema = z.strictObject({ id: slug });
const surveySchema = z.object({
  id: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  wording: z.record(z.string(), wordingSchema),
  followUp: followUpSchema,
  allowedOrigins: z.array(z.string()),
  sampling: z.number(),
  resurveyDays: z.number(),
  dismissDays: z.number(),
  askConsent: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string()
});
const publicSettingsSchema = surveySchema.pick({ id: true, brand: true, wording: true, followUp: true, sampling: true, resurveyDays: true, dismissDays: true, askConsent: true, active: true });
async function surveyRoutes(app, options) {
  const { surveys } = options;
  const byId = async (id) => {
    const survey = await surveys.get(id);
    if (!survey) throw surveyNotFound(id);
    return survey;
  };
  app.post("/v1/surveys", {
    schema: { summary: "Create a survey", tags: ["surveys"], body: surveyCreateSchema, response: { 201: surveySchema } },
    config: { access: "admin" }
  }, async (request2, reply) => reply.code(201).send(await surveys.create(request2.body)));
  app.get("/v1/surveys", {
    schema: { summary: "List surveys", tags: ["surveys"], response: { 200: z.object({ surveys: z.array(surveySchema) }) } },
    config: { access: "read" }
  }, async () => ({ surveys: await surveys.list() }));
  app.get("/v1/surveys/:id", {
    schema: { summary: "Read a survey", tags: ["surveys"], params: surveyParamsSchema, response: { 200: surveySchema } },
    config: { access: "read" }
  }, async (request2) => byId(request2.params.id));
  app.patch("/v1/surveys/:id", {
    schema: {
      summary: "Update a survey (any subset of fields; `active: false` pauses it)",
      tags: ["surveys"],
      params: surveyParamsSchema,
      body: surveyPatchSchema,
      response: { 200: surveySchema }
    },
    config: { access: "admin" }
  }, async (request2) => {
    const { id } = request2.params;
    return await surveys.update(id, request2.body) ?? byId(id);
  });
  app.get("/v1/surveys/:id/public", {
    schema: {
      summary: "A survey's public settings for the widget (cacheable, no secrets)",
      tags: ["surveys"],
      params: surveyParamsSchema,
      response: { 200: publicSettingsSchema }
    },
    config: { access: "public", cors: "survey" }
  }, async (request2, reply) => {
    const survey = await byId(request2.params.id);
    enforceSurveyOrigin(request2, reply, survey);
    reply.header("Cache-Control", "public, max-age=60");
    return publicSettingsSchema.parse(survey);
  });
}
const MINUTE$1 = 6e4;
const HOUR$2 = 60 * MINUTE$1;
const formatters = /* @__PURE__ */ new Map();
function formatter(timeZone) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
    formatters.set(timeZone, format);
  }
  return format;
}
function isTimeZone(timeZone) {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
const WALL_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})$/;
function localWallMs(timeZone, utcMs) {
  const match = WALL_PATTERN.exec(formatter(timeZone).format(new Date(utcMs)));
  if (!match) throw new RangeError(`cannot read the wall clock of ${timeZone} at ${utcMs}`);
  const [, month, day2, year, hour, minute, second] = match.map(Number);
  return Date.UTC(year, month - 1, day2, hour, minute, second) + (utcMs % 1e3 + 1e3) % 1e3;
}
function zoneOffsetMs(timeZone, utcMs) {
  return localWallMs(timeZone, utcMs) - utcMs;
}
function wallToUtc(timeZone, wallMs) {
  const candidates = /* @__PURE__ */ new Set([
    wallMs - zoneOffsetMs(timeZone, wallMs - 14 * HOUR$2),
    wallMs - zoneOffsetMs(timeZone, wallMs + 14 * HOUR$2),
    wallMs - zoneOffsetMs(timeZone, wallMs)
  ]);
  const exact = [...candidates].filter((utc) => localWallMs(timeZone, utc) === wallMs).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0];
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > 1e3) {
    const middle = Math.floor((low + high) / 2e3) * 1e3;
    if (localWallMs(timeZone, middle) >= wallMs) high = middle;
    else low = middle;
  }
  return localWallMs(timeZone, low) >= wallMs ? low : high;
}
function formatInZone(timeZone, utcMs) {
  return formatWall(localWallMs(timeZone, utcMs), utcMs);
}
function formatWall(wall, utcMs) {
  const offsetMinutes = Math.round((wall - utcMs) / MINUTE$1);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const pad = (value) => String(value).padStart(2, "0");
  const offset = `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return new Date(wall).toISOString().slice(0, 19) + offset;
}
const DAY$1 = 864e5;
function bucketWallStart(interval2, wallMs) {
  const date = new Date(wallMs);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (interval2 === "day") return midnight;
  if (interval2 === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY$1;
}
function nextWallStart(interval2, wallStart) {
  if (interval2 === "day") return wallStart + DAY$1;
  if (interval2 === "week") return wallStart + 7 * DAY$1;
  const date = new Date(wallStart);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}
function countBuckets(interval2, timeZone, from, to) {
  if (to <= from) return 0;
  const first = bucketWallStart(interval2, localWallMs(timeZone, from));
  const last = bucketWallStart(interval2, localWallMs(timeZone, to - 1));
  if (interval2 === "month") {
    const a = new Date(first);
    const b = new Date(last);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  return Math.round((last - first) / (interval2 === "day" ? DAY$1 : 7 * DAY$1)) + 1;
}
function localBuckets(interval2, timeZone, from, to) {
  const buckets = [];
  if (to <= from) return buckets;
  let wallStart = bucketWallStart(interval2, localWallMs(timeZone, from));
  let start = wallToUtc(timeZone, wallStart);
  let startWall = localWallMs(timeZone, start);
  while (start < to) {
    const nextWall = nextWallStart(interval2, wallStart);
    const guess = start + (nextWall - startWall);
    const fast = localWallMs(timeZone, guess) === nextWall;
    const end = fast ? guess : wallToUtc(timeZone, nextWall);
    buckets.push({ start, end, label: formatWall(startWall, start) });
    wallStart = nextWall;
    start = end;
    startWall = fast ? nextWall : localWallMs(timeZone, end);
  }
  return buckets;
}
const FILTER_DIMENSIONS = ["touchpoint", "channel", "locale", "journey"];
const OPEN_FROM = -864e13;
const OPEN_TO = 864e13;
function rollupSelector(filter) {
  if (filter.properties.length > 0) return null;
  const dims = Object.entries(filter.dims);
  if (dims.length === 0) return { dim: "*", value: "" };
  if (dims.length === 1) return { dim: dims[0][0], value: dims[0][1] };
  return null;
}
function eventsAttributable(filter) {
  return filter.dims.journey === void 0 && filter.properties.length === 0;
}
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
function parseIsoInstant(text, timeZone = "UTC") {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day2, hour = "0", minute = "0", second = "0", fraction = "0", zone] = match;
  const parts = [year, month, day2, hour, minute, second].map(Number);
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], millis);
  const check = new Date(wall);
  if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  if (parts[0] < 1970 || parts[0] > 9999) return null;
  if (!zone) return wallToUtc(timeZone, wall);
  if (zone.toUpperCase() === "Z") return wall;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  if (offsetMinutes > 18 * 60) return null;
  return wall - sign * offsetMinutes * 6e4;
}
const queryText = (max) => z.string().max(max, { error: `must be at most ${max} characters` });
const dimValue = queryText(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be a slug such as "checkout"' });
const PROPERTY_KEY = /^property\.([A-Za-z0-9_.-]{1,40})$/;
const propertyKeyPattern = (prefixes) => new RegExp(`^(?:${prefixes.map((prefix) => prefix.replace(".", "\\.")).join("|")})property\\.[A-Za-z0-9_.-]{1,40}$`);
const MAX_PROPERTY_FILTERS = 5;
const filterShape = {
  from: queryText(40).optional(),
  to: queryText(40).optional(),
  touchpoint: dimValue.optional(),
  channel: dimValue.optional(),
  locale: queryText(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { error: 'must be a language tag such as "nl-BE"' }).optional(),
  journey: dimValue.optional(),
  tz: queryText(64).refine(isTimeZone, { error: 'must be an IANA time zone such as "Europe/Amsterdam"' }).optional()
};
function analyticsQuerySchema(shape, propertyPrefixes = [""]) {
  const known = /* @__PURE__ */ new Set([...Object.keys(filterShape), ...Object.keys(shape)]);
  const propertyKey = propertyKeyPattern(propertyPrefixes);
  return z.object({ ...filterShape, ...shape }).catchall(queryText(200)).superRefine((query, context) => {
    let properties = 0;
    for (const key of Object.keys(query)) {
      if (known.has(key)) continue;
      if (!propertyKey.test(key)) context.addIssue({ code: "custom", path: [key], message: "unknown parameter" });
      else if (++properties > MAX_PROPERTY_FILTERS) context.addIssue({ code: "custom", path: [key], message: `at most ${MAX_PROPERTY_FILTERS} property filters` });
    }
    const zone = typeof query.tz === "string" && isTimeZone(query.tz) ? query.tz : "UTC";
    const timeKeys = Object.keys(query).filter((key) => /^(from|to|[ab]From|[ab]To)$/.test(key));
    for (const key of timeKeys) {
      const text = query[key];
      if (typeof text === "string" && parseIsoInstant(text, zone) === null) {
        context.addIssue({ code: "custom", path: [key], message: "must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)" });
      }
    }
    for (const [fromKey, toKey] of [["from", "to"], ["aFrom", "aTo"], ["bFrom", "bTo"]]) {
      const from = typeof query[fromKey] === "string" ? parseIsoInstant(query[fromKey], zone) : null;
      const to = typeof query[toKey] === "string" ? parseIsoInstant(query[toKey], zone) : null;
      if (from !== null && to !== null && to <= from) context.addIssue({ code: "custom", path: [toKey], message: `must be later than ${fromKey}` });
    }
  });
}
function filterFromQuery(surveyId, query, side) {
  const zone = typeof query.tz === "string" ? query.tz : "UTC";
  const text = (key) => typeof query[key] === "string" ? query[key] : void 0;
  const filter = { surveyId, dims: {}, properties: [] };
  const from = (side && text(`${side}From`)) ?? text("from");
  const to = (side && text(`${side}To`)) ?? text("to");
  if (from !== void 0) filter.from = parseIsoInstant(from, zone) ?? void 0;
  if (to !== void 0) filter.to = parseIsoInstant(to, zone) ?? void 0;
  for (const dim of FILTER_DIMENSIONS) {
    const value = (side && text(`${side}.${dim}`)) ?? text(dim);
    if (value !== void 0) filter.dims[dim] = value;
  }
  const properties = /* @__PURE__ */ new Map();
  for (const prefix of side ? ["", `${side}.`] : [""]) {
    for (const [key, value] of Object.entries(query)) {
      const match = key.startsWith(prefix) ? PROPERTY_KEY.exec(key.slice(prefix.length)) : null;
      if (match && typeof value === "string") properties.set(match[1], value);
    }
  }
  filter.properties = [...properties];
  return filter;
}
const integer = (min, max) => queryText(9).regex(/^\d+$/, { error: `must be an integer from ${min} to ${max}` }).transform(Number).pipe(z.number().min(min, { error: `must be an integer from ${min} to ${max}` }).max(max, { error: `must be an integer from ${min} to ${max}` }));
const group = z.enum(["detractor", "passive", "promoter"], { error: "must be one of detractor, passive, promoter" });
const summaryQuerySchema = analyticsQuerySchema({});
const trendQuerySchema = analyticsQuerySchema({
  interval: z.enum(["day", "week", "month"], { error: "must be one of day, week, month" }).default("day")
});
const segmentsQuerySchema = analyticsQuerySchema({
  by: queryText(49).regex(new RegExp(`^(${FILTER_DIMENSIONS.join("|")}|property\\.[A-Za-z0-9_.-]{1,40})$`), {
    error: "must be one of touchpoint, channel, locale, journey, property.NAME"
  }),
  minN: integer(1, 1e6).default(30)
});
const sideKeys = Object.fromEntries(
  ["a", "b"].flatMap((side) => FILTER_DIMENSIONS.map((dim) => [`${side}.${dim}`, dimValue.optional()]))
);
const compareQuerySchema = analyticsQuerySchema(
  { aFrom: queryText(40).optional(), aTo: queryText(40).optional(), bFrom: queryText(40).optional(), bTo: queryText(40).optional(), ...sideKeys },
  ["", "a.", "b."]
);
const responsesQuerySchema = analyticsQuerySchema({
  group: group.optional(),
  score: integer(0, 10).optional(),
  hasComment: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  q: queryText(200).optional(),
  status: z.enum(["open", "contacted", "resolved", "closed"], { error: "must be one of open, contacted, resolved, closed" }).optional(),
  limit: integer(1, 500).default(50),
  cursor: queryText(64).optional()
});
const themesQuerySchema = analyticsQuerySchema({ group: group.optional(), limit: integer(1, 100).default(20) });
const exportQuerySchema = analyticsQuerySchema({
  format: z.enum(["csv", "ndjson"], { error: "must be csv or ndjson" }).default("csv")
});
const share = z.object({ count: z.number(), percent: z.number() });
const interval = z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.literal("adjusted-wald") }).nullable();
const figureSchema = z.object({
  n: z.number(),
  nps: z.number().nullable(),
  interval,
  promoters: share,
  passives: share,
  detractors: share
});
const summaryBodySchema = figureSchema.extend({
  surveyId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  distribution: z.array(z.number()).length(11).describe("answers per score 0–10"),
  comments: z.number(),
  commentRate: z.number().nullable().describe("share of responses with a comment, 0–1"),
  shown: z.number().nullable(),
  dismissed: z.number().nullable(),
  responseRate: z.number().nullable().describe("answers to prompts (web, app) per shown prompt, 0–1; null without events or when events cannot be filtered so")
});
const trendBodySchema = z.object({
  surveyId: z.string(),
  interval: z.string(),
  tz: z.string(),
  from: z.string(),
  to: z.string(),
  buckets: z.array(figureSchema.extend({ start: z.string().describe("local start, ISO 8601 with offset") }))
});
const segmentsBodySchema = z.object({
  surveyId: z.string(),
  by: z.string(),
  minN: z.number(),
  segments: z.array(figureSchema.extend({ value: z.string().nullable(), smallSample: z.boolean() }))
});
const compareBodySchema = z.object({
  surveyId: z.string(),
  a: figureSchema,
  b: figureSchema,
  difference: z.number().nullable().describe("b.nps − a.nps"),
  z: z.number().nullable(),
  p: z.number().nullable(),
  significant: z.boolean()
});
const themesBodySchema = z.object({
  surveyId: z.string(),
  group: z.string().nullable(),
  comments: z.number(),
  truncated: z.boolean(),
  themes: z.array(figureSchema.extend({ term: z.string(), kind: z.enum(["word", "phrase"]), count: z.number(), share: z.number() }))
});
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const responseSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  score: z.number(),
  group: z.enum(["detractor", "passive", "promoter"]),
  comment: z.string().nullable(),
  consent: z.boolean().nullable(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  touchpoint: z.string().nullable(),
  channel: z.string().nullable(),
  journey: z.string().nullable(),
  locale: z.string().nullable(),
  page: z.string().nullable(),
  device: z.string().nullable(),
  properties: z.record(z.string(), scalar).nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
});
const responsesBodySchema = z.object({
  responses: z.array(responseSchema),
  nextCursor: z.string().nullable().describe("pass as `cursor` for the next (older) page; null on the last page")
});
function encodeCursor(position) {
  return Buffer.from(`${position.createdAt}.${position.id}`, "utf8").toString("base64url");
}
function decodeCursor(token) {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(token)) return null;
  const match = /^(-?\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) return null;
  const createdAt = Number(match[1]);
  return Number.isSafeInteger(createdAt) ? { createdAt, id: match[2] } : null;
}
const GRAINS = [
  { grain: "15m", ms: 15 * 6e4 },
  { grain: "1h", ms: 60 * 6e4 },
  { grain: "3h", ms: 3 * 60 * 6e4 },
  { grain: "6h", ms: 6 * 60 * 6e4 },
  { grain: "1d", ms: 24 * 60 * 6e4 },
  { grain: "7d", ms: 7 * 24 * 60 * 6e4 }
];
const floorTo = (value, step) => Math.floor(value / step) * step;
const ceilTo = (value, step) => Math.ceil(value / step) * step;
function planRange(from, to) {
  const plan = { pieces: [], raw: [] };
  if (to <= from) return plan;
  const finest = GRAINS[0].ms;
  const alignedFrom = ceilTo(from, finest);
  const alignedTo = floorTo(to, finest);
  if (alignedFrom >= alignedTo) {
    plan.raw.push({ from, to });
    return plan;
  }
  if (from < alignedFrom) plan.raw.push({ from, to: alignedFrom });
  if (alignedTo < to) plan.raw.push({ from: alignedTo, to });
  plan.pieces = coverAligned(0, alignedFrom, alignedTo, 1).pieces;
  return plan;
}
function coverAligned(level, from, to, sign) {
  const { grain, ms } = GRAINS[level];
  const here = { pieces: [{ grain, from, to, sign }], rows: (to - from) / ms };
  const coarser = GRAINS[level + 1];
  if (!coarser) return here;
  const nearer = (inward, outward, at) => Math.abs(inward - at) <= Math.abs(at - outward) ? inward : outward;
  const left = nearer(ceilTo(from, coarser.ms), floorTo(from, coarser.ms), from);
  const right = nearer(floorTo(to, coarser.ms), ceilTo(to, coarser.ms), to);
  if (left >= right) return here;
  const edges = [];
  if (left !== from) edges.push(left > from ? { grain, from, to: left, sign } : { grain, from: left, to: from, sign: -sign });
  if (right !== to) edges.push(right < to ? { grain, from: right, to, sign } : { grain, from: to, to: right, sign: -sign });
  const inner = coverAligned(level + 1, left, right, sign);
  const rows = inner.rows + edges.reduce((sum, edge) => sum + (edge.to - edge.from) / ms, 0);
  return rows < here.rows ? { pieces: [...edges, ...inner.pieces], rows } : here;
}
const COUNTER_COLUMNS = [
  "s0",
  "s1",
  "s2",
  "s3",
  "s4",
  "s5",
  "s6",
  "s7",
  "s8",
  "s9",
  "s10",
  "comments",
  "prompted",
  "shown",
  "dismissed"
];
const COUNTER = { comments: 11, prompted: 12, shown: 13, dismissed: 14 };
function isPromptedChannel(channel2) {
  return channel2 === null || channel2 === "web" || channel2 === "app";
}
const QUARTER_HOUR = GRAINS[0].ms;
class RollupDeltas {
  // survey → 15-minute bucket → dimension → value → row: lookups on the strings at hand, no key built per write.
  rows = /* @__PURE__ */ new Map();
  /** Records a response going from `before` to `after` (null = absent or deleted). */
  addResponseChange(before, after) {
    if (before && !before.excluded) this.addResponse(before, -1);
    if (after && !after.excluded) this.addResponse(after, 1);
  }
  /** Records a new prompt event (or, with sign −1, its removal). */
  addEvent(event2, sign = 1) {
    const column = event2.type === "shown" ? COUNTER.shown : COUNTER.dismissed;
    const bucket = event2.createdAt - (event2.createdAt % QUARTER_HOUR + QUARTER_HOUR) % QUARTER_HOUR;
    this.counters(event2.surveyId, bucket, "*", "")[column] += sign;
    this.counters(event2.surveyId, bucket, "touchpoint", event2.touchpoint)[column] += sign;
    this.counters(event2.surveyId, bucket, "channel", event2.channel)[column] += sign;
    this.counters(event2.surveyId, bucket, "locale", event2.locale)[column] += sign;
  }
  /** The accumulated non-zero deltas for every grain; the accumulator is emptied. */
  drain() {
    const quarters = this.drainQuarters();
    const coarser = /* @__PURE__ */ new Map();
    for (const row of quarters) {
      for (const { grain, ms } of GRAINS.slice(1)) {
        const bucketStart = row.bucketStart - (row.bucketStart % ms + ms) % ms;
        const key = `${row.surveyId}\0${grain}\0${bucketStart}\0${row.dim}\0${row.value}`;
        const target = coarser.get(key);
        if (target) for (let index = 0; index < row.counters.length; index++) target.counters[index] += row.counters[index];
        else coarser.set(key, { ...row, grain, bucketStart, counters: [...row.counters] });
      }
    }
    return [...quarters, ...coarser.values()];
  }
  /** The accumulated non-zero 15-minute deltas only; the accumulator is emptied. */
  drainQuarters() {
    const quarters = [];
    for (const buckets of this.rows.values()) {
      for (const dims of buckets.values()) {
        for (const values of dims.values()) {
          for (const row of values.values()) if (row.counters.some((count) => count !== 0)) quarters.push(row);
        }
      }
    }
    this.rows.clear();
    return quarters;
  }
  /** Adds 15-minute deltas drained elsewhere (e.g. read back from the pending table). */
  addQuarters(quarters) {
    for (const quarter of quarters) {
      const counters = this.counters(quarter.surveyId, quarter.bucketStart, quarter.dim, quarter.value);
      for (let index = 0; index < counters.length; index++) counters[index] += quarter.counters[index] ?? 0;
    }
  }
  addResponse(response, sign) {
    const at = response.createdAt;
    const bucket = at - (at % QUARTER_HOUR + QUARTER_HOUR) % QUARTER_HOUR;
    const prompted = isPromptedChannel(response.channel);
    for (const [dim, value] of [
      ["*", ""],
      ["touchpoint", response.touchpoint],
      ["channel", response.channel],
      ["locale", response.locale],
      ["journey", response.journey]
    ]) {
      const counters = this.counters(response.surveyId, bucket, dim, value);
      counters[response.score] += sign;
      if (response.hasComment) counters[COUNTER.comments] += sign;
      if (prompted) counters[COUNTER.prompted] += sign;
    }
  }
  counters(surveyId, bucketStart, dim, rawValue) {
    const value = rawValue ?? "";
    const buckets = getOrCreate(this.rows, surveyId, () => /* @__PURE__ */ new Map());
    const values = getOrCreate(getOrCreate(buckets, bucketStart, () => /* @__PURE__ */ new Map()), dim, () => /* @__PURE__ */ new Map());
    let row = values.get(value);
    if (!row) {
      row = { surveyId, grain: "15m", bucketStart, dim, value, counters: new Array(COUNTER_COLUMNS.length).fill(0) };
      values.set(value, row);
    }
    return row.counters;
  }
}
function getOrCreate(map, key, create) {
  let found = map.get(key);
  if (found === void 0) {
    found = create();
    map.set(key, found);
  }
  return found;
}
function figureOf(counters) {
  return npsFigure(countsFromDistribution(counters.slice(0, 11)));
}
function rate(part, whole) {
  if (whole === 0) return null;
  return Math.round(Math.min(1, part / whole) * 1e4) / 1e4;
}
function summaryOf(counters, eventsKnown) {
  const figure = figureOf(counters);
  const shown = eventsKnown ? counters[COUNTER.shown] : null;
  return {
    ...figure,
    distribution: counters.slice(0, 11),
    comments: counters[COUNTER.comments],
    commentRate: rate(counters[COUNTER.comments], figure.n),
    shown,
    dismissed: eventsKnown ? counters[COUNTER.dismissed] : null,
    responseRate: shown === null ? null : rate(counters[COUNTER.prompted], shown)
  };
}
function segmentReport(by, counts, minN) {
  const segments = [...counts.entries()].map(([value, counters]) => ({ value: value === "" ? null : value, ...figureOf(counters) })).filter((segment) => segment.n > 0).map((segment) => ({ ...segment, smallSample: segment.n < minN })).sort((a, b) => b.n - a.n || String(a.value ?? "").localeCompare(String(b.value ?? "")));
  return { by, minN, segments };
}
function foldText(text) {
  return text.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").toLowerCase();
}
function foldedWords(text) {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
function searchWords(text) {
  return (text.normalize("NFC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, 16);
}
const MAX_TREND_BUCKETS = 1e3;
const DEFAULT_TREND_SPAN_MS = { day: 30 * 864e5, week: 12 * 7 * 864e5, month: 365 * 864e5 };
const iso$2 = (ms) => ms === void 0 ? null : new Date(ms).toISOString();
function readRoute(summary, querystring, response) {
  return {
    schema: { summary, tags: ["analytics"], params: surveyParamsSchema, querystring, ...response && { response: { 200: response } } },
    config: { access: "read" }
  };
}
async function analyticsRoutes(app, options) {
  const { analytics, surveys } = options;
  const filterOf = async (params, query, side) => {
    const { id } = params;
    if (!await surveys.get(id)) throw surveyNotFound(id);
    return filterFromQuery(id, query, side);
  };
  app.get("/v1/surveys/:id/summary", readRoute(
    "NPS with its 95% interval, groups, distribution, comment and response rates",
    summaryQuerySchema,
    summaryBodySchema
  ), async (request2) => {
    const filter = await filterOf(request2.params, request2.query);
    return { surveyId: filter.surveyId, from: iso$2(filter.from), to: iso$2(filter.to), ...await analytics.summary(filter) };
  });
  app.get("/v1/surveys/:id/trend", readRoute(
    "NPS per local day, week (from Monday) or month, in any IANA time zone",
    trendQuerySchema,
    trendBodySchema
  ), async (request2) => {
    const query = request2.query;
    const filter = await filterOf(request2.params, query);
    const tz = query.tz ?? "UTC";
    const interval2 = query.interval;
    const to = filter.to ?? Date.now();
    const from = filter.from ?? localBuckets(interval2, tz, to - DEFAULT_TREND_SPAN_MS[interval2], to - DEFAULT_TREND_SPAN_MS[interval2] + 1)[0].start;
    if (to <= from) throw new HttpError(400, "invalid_request", "from: must be earlier than to (to defaults to now)");
    const buckets = countBuckets(interval2, tz, from, to);
    if (buckets > MAX_TREND_BUCKETS) {
      throw new HttpError(400, "invalid_request", `from: the trend would have ${buckets} buckets, at most ${MAX_TREND_BUCKETS}; narrow from/to or use a longer interval`);
    }
    return { surveyId: filter.surveyId, interval: interval2, tz, from: iso$2(from), to: iso$2(to), buckets: await analytics.trend({ ...filter, from, to }, interval2, tz) };
  });
  app.get("/v1/surveys/:id/segments", readRoute(
    "NPS per touchpoint, channel, locale, journey or custom property, small samples flagged",
    segmentsQuerySchema,
    segmentsBodySchema
  ), async (request2) => {
    const query = request2.query;
    const filter = await filterOf(request2.params, query);
    return { surveyId: filter.surveyId, ...segmentReport(query.by, await analytics.segmentCounts(filter, query.by), query.minN) };
  });
  app.get("/v1/surveys/:id/compare", readRoute(
    "Two periods or two segments: difference, z, p, significant",
    compareQuerySchema,
    compareBodySchema
  ), async (request2) => {
    const a = await filterOf(request2.params, request2.query, "a");
    const b = await filterOf(request2.params, request2.query, "b");
    if (JSON.stringify(a) === JSON.stringify(b)) {
      throw new HttpError(400, "invalid_request", "compare: the two sides are the same; give aFrom/aTo/bFrom/bTo or a.<filter>/b.<filter>");
    }
    return { surveyId: a.surveyId, ...await analytics.compare(a, b) };
  });
  app.get("/v1/surveys/:id/responses", readRoute(
    "Responses newest first: filters, full-text search, cursor pagination",
    responsesQuerySchema,
    responsesBodySchema
  ), async (request2) => {
    const query = request2.query;
    const filter = await filterOf(request2.params, query);
    const after = query.cursor === void 0 ? void 0 : decodeCursor(query.cursor);
    if (after === null) throw new HttpError(400, "invalid_request", "cursor: is not a nextCursor from this API");
    const words = query.q === void 0 ? void 0 : searchWords(query.q);
    if (words?.length === 0) throw new HttpError(400, "invalid_request", "q: must contain a letter or digit");
    const hasComment = query.hasComment === void 0 ? void 0 : query.hasComment === "true";
    return analytics.listResponses(filter, { group: query.group, score: query.score, hasComment, status: query.status, words, after, limit: query.limit });
  });
  app.get("/v1/surveys/:id/themes", readRoute(
    "Recurring words and phrases in comments, with counts and the NPS of those mentioning them",
    themesQuerySchema,
    themesBodySchema
  ), async (request2) => {
    const query = request2.query;
    const filter = await filterOf(request2.params, query);
    return { surveyId: filter.surveyId, ...await analytics.themes(filter, query.group ?? null, query.limit) };
  });
  app.get("/v1/surveys/:id/export", readRoute(
    "Every stored field of the filtered responses, streamed as RFC 4180 CSV or NDJSON",
    exportQuerySchema
  ), async (request2, reply) => {
    const query = request2.query;
    const filter = await filterOf(request2.params, query);
    const csv = query.format === "csv";
    reply.type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8").header("content-disposition", `attachment; filename="${filter.surveyId}-responses.${query.format}"`);
    return reply.send(Readable.from(analytics.exportResponses(filter, query.format)));
  });
}
function collectorRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
function widgetCandidates() {
  const root = collectorRoot();
  const candidates = [join(root, "node_modules/@npsloop/widget/dist/widget.js"), join(root, "../widget/dist/widget.js")];
  try {
    candidates.unshift(createRequire(import.meta.url).resolve("@npsloop/widget/widget.js"));
  } catch {
  }
  return candidates;
}
function createWidgetLoader(paths) {
  let cached = null;
  return async function load() {
    for (const path of paths) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (cached && cached.path === path && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
      const body = await readFile(path);
      const sha384 = createHash("sha384").update(body).digest();
      const hash = sha384.toString("hex").slice(0, 16);
      cached = { path, mtimeMs: info.mtimeMs, size: info.size, body, hash, etag: `"${hash}"`, integrity: `sha384-${sha384.toString("base64")}` };
      return cached;
    }
    return null;
  };
}
const JS = "text/javascript; charset=utf-8";
async function widgetRoutes(app, options) {
  const load = createWidgetLoader(options.widgetPath ? [options.widgetPath] : widgetCandidates());
  const bundle = async () => {
    const widget = await load();
    if (!widget) throw new HttpError(503, "widget_unavailable", "widget.js has not been built yet (run the widget build)");
    return widget;
  };
  const shared = (reply) => reply.header("Access-Control-Allow-Origin", "*").header("Cross-Origin-Resource-Policy", "cross-origin");
  const config = { access: "public" };
  app.get("/widget.js", { schema: { summary: "The widget script (revalidated every 5 minutes)", tags: ["widget"] }, config }, async (request2, reply) => {
    const widget = await bundle();
    shared(reply).header("ETag", widget.etag).header("Cache-Control", "public, max-age=300");
    if (request2.headers["if-none-match"] === widget.etag) return reply.code(304).send();
    return reply.type(JS).send(widget.body);
  });
  app.get("/widget.:hash.js", {
    schema: { summary: "The widget script at its content-hashed URL (cached for a year)", tags: ["widget"], params: z.object({ hash: z.string().max(64) }) },
    config
  }, async (request2, reply) => {
    const widget = await bundle();
    if (request2.params.hash !== widget.hash) {
      throw new HttpError(404, "not_found", `widget.${String(request2.params.hash)}.js: not the current widget build; see /widget.json`);
    }
    shared(reply).header("ETag", widget.etag).header("Cache-Control", "public, max-age=31536000, immutable");
    return reply.type(JS).send(widget.body);
  });
  app.get("/widget.json", {
    schema: {
      summary: "The hashed widget URL and its Subresource Integrity hash",
      tags: ["widget"],
      response: { 200: z.object({ url: z.string(), integrity: z.string() }) }
    },
    config
  }, async (_request, reply) => {
    const widget = await bundle();
    shared(reply).header("Cache-Control", "public, max-age=60");
    return { url: `/widget.${widget.hash}.js`, integrity: widget.integrity };
  });
}
class HuddleReads {
  constructor(db) {
    this.db = db;
  }
  db;
  answers(surveyId, span) {
    return this.db.selectFrom("responses").where("survey_id", "=", surveyId).where("created_at", ">=", span.from).where("created_at", "<", span.to).where("excluded", "=", 0);
  }
  /** How many answers each score got. */
  async scoreCounts(surveyId, span) {
    const rows = await this.answers(surveyId, span).select((eb) => ["score", eb.fn.countAll().as("count")]).groupBy("score").execute();
    return rows.map((row) => ({ score: row.score, count: Number(row.count) }));
  }
  /** How many answers each score got, per value of a dimension (answers without one left out). */
  async segmentScoreCounts(dim, surveyId, span) {
    const column = sql.ref(dim);
    const rows = await this.answers(surveyId, span).where(column, "is not", null).select((eb) => [column.as("value"), "score", eb.fn.countAll().as("count")]).groupBy([column, "score"]).execute();
    return rows.map((row) => ({ value: row.value, score: row.score, count: Number(row.count) }));
  }
  /** The period's comments with their scores, newest first (at most `limit`). */
  async comments(surveyId, span, limit) {
    const rows = await this.answers(surveyId, span).where("comment", "is not", null).select(["id", "score", "comment", "created_at"]).orderBy("created_at", "desc").limit(limit).execute();
    return rows.map((row) => ({ id: row.id, score: row.score, comment: row.comment, createdAt: row.created_at }));
  }
}
function emptyCounters() {
  return new Array(COUNTER_COLUMNS.length).fill(0);
}
function addCounters(target, source) {
  for (let index = 0; index < target.length; index++) target[index] += source[index] ?? 0;
  return target;
}
function responseConditions(dialectSql, filter) {
  const parts = [sql`r.excluded = 0`];
  for (const [dim, value] of Object.entries(filter.dims)) parts.push(sql`${sql.ref(`r.${dim}`)} = ${value}`);
  for (const [name, value] of filter.properties) parts.push(dialectSql.propertyEquals("r.properties", name, value));
  return sql`${sql.join(parts, sql` AND `)}`;
}
function eventConditions(filter) {
  if (!eventsAttributable(filter)) return null;
  const parts = Object.entries(filter.dims).map(([dim, value]) => sql`${sql.ref(`e.${dim}`)} = ${value}`);
  return parts.length ? sql`${sql.join(parts, sql` AND `)}` : sql`1 = 1`;
}
function rangesJson(ranges) {
  return JSON.stringify(ranges.map((range) => [range.from, range.to, range.key]));
}
function addScoreRow(target, row) {
  target[row.score] += Number(row.answers);
  target[COUNTER.comments] += Number(row.comments ?? 0);
  target[COUNTER.prompted] += Number(row.prompted ?? 0);
}
class RawCounts {
  constructor(db, dialectSql) {
    this.db = db;
    this.dialectSql = dialectSql;
  }
  db;
  dialectSql;
  /** Responses of the survey in the ranges (each range an index range seek: the ranges are the outer loop), by score. */
  responsesByScore(filter, ranges) {
    const { jsonArrayRows, jsonArrayNumber } = this.dialectSql;
    return this.db.selectFrom(jsonArrayRows(rangesJson(ranges)).as("b")).crossJoin("responses as r").select((eb) => [
      "r.score",
      eb.fn.countAll().as("answers"),
      sql`SUM(CASE WHEN r.comment IS NOT NULL THEN 1 ELSE 0 END)`.as("comments"),
      sql`SUM(CASE WHEN r.channel IS NULL OR r.channel IN ('web', 'app') THEN 1 ELSE 0 END)`.as("prompted")
    ]).where("r.survey_id", "=", filter.surveyId).where((eb) => eb.and([eb("r.created_at", ">=", jsonArrayNumber("b.value", 0)), eb("r.created_at", "<", jsonArrayNumber("b.value", 1))])).where(responseConditions(this.dialectSql, filter));
  }
  /** Counters per range key for the filtered responses and, when attributable, events. */
  async countByKey(filter, ranges) {
    const totals = /* @__PURE__ */ new Map();
    if (ranges.length === 0) return totals;
    const at = (key) => totals.get(key) ?? totals.set(key, emptyCounters()).get(key);
    const keyOf = this.dialectSql.jsonArrayNumber("b.value", 2);
    const rows = await this.responsesByScore(filter, ranges).select(keyOf.as("k")).groupBy([keyOf, "r.score"]).execute();
    for (const row of rows) addScoreRow(at(Number(row.k)), row);
    const events = eventConditions(filter);
    if (events) {
      const { jsonArrayRows, jsonArrayNumber } = this.dialectSql;
      const eventRows = await this.db.selectFrom(jsonArrayRows(rangesJson(ranges)).as("b")).crossJoin("events as e").select((eb) => [keyOf.as("k"), "e.type", eb.fn.countAll().as("count")]).where("e.survey_id", "=", filter.surveyId).where("e.type", "in", ["shown", "dismissed"]).where((eb) => eb.and([eb("e.created_at", ">=", jsonArrayNumber("b.value", 0)), eb("e.created_at", "<", jsonArrayNumber("b.value", 1))])).where(events).groupBy([keyOf, "e.type"]).execute();
      for (const row of eventRows) at(Number(row.k))[row.type === "shown" ? COUNTER.shown : COUNTER.dismissed] += Number(row.count);
    }
    return totals;
  }
  /** Response counters per segment value (`''` for none) over the ranges. */
  async countByValue(filter, ranges, grouping) {
    const totals = /* @__PURE__ */ new Map();
    if (ranges.length === 0) return totals;
    const segment = "column" in grouping ? sql`${sql.ref(`r.${grouping.column}`)}` : this.dialectSql.propertyJson("r.properties", grouping.property);
    const rows = await this.responsesByScore(filter, ranges).select(segment.as("segment")).groupBy([segment, "r.score"]).execute();
    for (const row of rows) {
      const value = row.segment === null ? "" : "column" in grouping ? row.segment : String(JSON.parse(row.segment));
      addScoreRow(totals.get(value) ?? totals.set(value, emptyCounters()).get(value), row);
    }
    return totals;
  }
}
function toStoredResponse(row) {
  return {
    id: row.id,
    surveyId: row.survey_id,
    score: row.score,
    comment: row.comment,
    consent: row.consent === null ? null : row.consent === 1,
    userId: row.user_id,
    email: row.email,
    touchpoint: row.touchpoint,
    channel: row.channel,
    journey: row.journey,
    locale: row.locale,
    page: row.page,
    device: row.device,
    properties: row.properties === null ? null : JSON.parse(row.properties),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    excluded: row.excluded === 1
  };
}
class ResponseReads {
  constructor(executor, dialectSql) {
    this.executor = executor;
    this.dialectSql = dialectSql;
  }
  executor;
  dialectSql;
  /** One response, or undefined. */
  async get(id) {
    const row = await this.executor.db.selectFrom("responses").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toStoredResponse(row);
  }
  /** The survey a response belongs to, or undefined when there is no such response. */
  async surveyOf(id) {
    return (await this.executor.db.selectFrom("responses").select("survey_id").where("id", "=", id).executeTakeFirst())?.survey_id;
  }
  /** Every response of one respondent (email ignoring case). */
  async ofRespondent(who) {
    let query = this.executor.db.selectFrom("responses").selectAll();
    query = who.email !== void 0 ? query.where(this.dialectSql.equalsIgnoringCase("email", who.email)) : query.where("user_id", "=", who.userId);
    return (await query.execute()).map(toStoredResponse);
  }
  /** How many responses of a survey have ids starting with `prefix` (the demo data marks its own). */
  async countWithIdPrefix(surveyId, prefix) {
    const row = await this.executor.db.selectFrom("responses").select((eb) => eb.fn.countAll().as("count")).where("survey_id", "=", surveyId).where("id", ">=", prefix).where("id", "<", `${prefix}￿`).executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
class ResponseList {
  constructor(db, dialectSql) {
    this.db = db;
    this.dialectSql = dialectSql;
  }
  db;
  dialectSql;
  /** The filtered responses of the survey within the filter's time range (the time index serves the range). */
  filtered(filter) {
    return this.db.selectFrom("responses as r").selectAll("r").where("r.survey_id", "=", filter.surveyId).where("r.created_at", ">=", filter.from ?? OPEN_FROM).where("r.created_at", "<", filter.to ?? OPEN_TO).where(responseConditions(this.dialectSql, filter));
  }
  /** Responses newest first, one page, and the position the next page starts after (null on the last). */
  async list(filter, options) {
    let query = this.filtered(filter);
    if (options.scores) query = query.where("r.score", ">=", options.scores[0]).where("r.score", "<=", options.scores[1]);
    if (options.hasComment !== void 0) query = query.where("r.comment", options.hasComment ? "is not" : "is", null);
    const loopState = options.loopState;
    if (loopState) {
      query = query.where((eb) => eb.exists(eb.selectFrom("loops as l").select("l.response_id").whereRef("l.response_id", "=", "r.id").where("l.state", "=", loopState)));
    }
    if (options.words?.length) query = query.where(this.dialectSql.commentMatches("r", options.words));
    const before = options.before;
    if (before) {
      query = query.where("r.created_at", "<=", before.createdAt).where((eb) => eb(eb.refTuple("r.created_at", "r.id"), "<", eb.tuple(before.createdAt, before.id)));
    }
    const rows = await query.orderBy("r.created_at", "desc").orderBy("r.id", "desc").limit(options.limit + 1).execute();
    const responses = rows.slice(0, options.limit).map(toStoredResponse);
    const last = responses.at(-1);
    return { responses, next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }
  /** One page of the export, oldest first, after `after` (keyset: each page's index seek starts where the last ended). */
  async exportPage(filter, after, pageSize) {
    let query = this.filtered(filter);
    if (after) query = query.where((eb) => eb(eb.refTuple("r.created_at", "r.id"), ">", eb.tuple(after.createdAt, after.id)));
    const rows = await query.orderBy("r.created_at").orderBy("r.id").limit(pageSize).execute();
    return rows.map(toStoredResponse);
  }
  /** The newest comments (up to `limit`) with their scores. */
  async comments(filter, limit) {
    const rows = await this.db.selectFrom("responses as r").select(["r.score", "r.comment"]).where("r.survey_id", "=", filter.surveyId).where("r.created_at", ">=", filter.from ?? OPEN_FROM).where("r.created_at", "<", filter.to ?? OPEN_TO).where("r.comment", "is not", null).where(responseConditions(this.dialectSql, filter)).orderBy("r.created_at", "desc").limit(limit).execute();
    return rows.map((row) => ({ score: row.score, comment: row.comment }));
  }
  /** When the survey's first response arrived (UTC ms), or null. */
  async firstResponseAt(surveyId) {
    const row = await this.db.selectFrom("responses").select((eb) => eb.fn.min("created_at").as("at")).where("survey_id", "=", surveyId).executeTakeFirst();
    return row?.at === null || row?.at === void 0 ? null : Number(row.at);
  }
}
const PLACEHOLDER = "\0npsloop-value:";
function queryTemplate(build) {
  const compiled = build((name) => `${PLACEHOLDER}${name}`).compile();
  const slots = compiled.parameters.map((parameter) => typeof parameter === "string" && parameter.startsWith(PLACEHOLDER) ? { name: parameter.slice(PLACEHOLDER.length) } : { fixed: parameter });
  return { sql: compiled.sql, slots };
}
function templateParameters(template, values) {
  const parameters2 = new Array(template.slots.length);
  for (let index = 0; index < parameters2.length; index++) {
    const slot = template.slots[index];
    parameters2[index] = "name" in slot ? values[slot.name] : slot.fixed;
  }
  return parameters2;
}
function* chunks(items, size = 500) {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
function kyselyExecutor(db) {
  return {
    db,
    async run(template, values) {
      const result = await db.executeQuery(CompiledQuery.raw(template.sql, templateParameters(template, values)));
      return Number(result.numAffectedRows ?? 0n);
    },
    async first(template, values) {
      const result = await db.executeQuery(CompiledQuery.raw(template.sql, templateParameters(template, values)));
      return result.rows[0];
    }
  };
}
const PURGE_BATCH = 500;
class PrivacyRepository {
  constructor(executor) {
    this.executor = executor;
  }
  executor;
  /** Counts what hangs off the responses. */
  async dependents(ids) {
    const counts = { loops: 0, notes: 0, actionLinks: 0, webhookDeliveries: 0 };
    const count = async (table, chunk) => Number((await this.executor.db.selectFrom(table).select((eb) => eb.fn.countAll().as("count")).where("response_id", "in", chunk).executeTakeFirstOrThrow()).count);
    for (const chunk of chunks(ids)) {
      counts.loops += await count("loops", chunk);
      counts.notes += await count("loop_notes", chunk);
      counts.actionLinks += await count("action_responses", chunk);
      counts.webhookDeliveries += Number((await this.executor.db.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll().as("count")).where("subject_id", "in", chunk).executeTakeFirstOrThrow()).count);
    }
    return counts;
  }
  /** Deletes the notes and webhook deliveries of responses (they carry comments and contact details); resolves to how many. */
  async deleteNotesAndDeliveries(ids) {
    const deleted = { notes: 0, webhookDeliveries: 0 };
    for (const chunk of chunks(ids)) {
      deleted.webhookDeliveries += Number((await this.executor.db.deleteFrom("webhook_deliveries").where("subject_id", "in", chunk).executeTakeFirst()).numDeletedRows);
      deleted.notes += Number((await this.executor.db.deleteFrom("loop_notes").where("response_id", "in", chunk).executeTakeFirst()).numDeletedRows);
    }
    return deleted;
  }
  /** Deletes the loops and action links of responses. */
  async deleteLoopsAndLinks(ids) {
    for (const chunk of chunks(ids)) {
      await this.executor.db.deleteFrom("loops").where("response_id", "in", chunk).execute();
      await this.executor.db.deleteFrom("action_responses").where("response_id", "in", chunk).execute();
    }
  }
  /** Up to `limit` responses created before `cutoff` that still hold a comment or personal data. */
  async expiredWithPersonalData(cutoff, limit) {
    return this.executor.db.selectFrom("responses").selectAll().where("created_at", "<", cutoff).where((eb) => eb.or([eb("comment", "is not", null), eb("email", "is not", null), eb("user_id", "is not", null), eb("page", "is not", null)])).limit(limit).execute();
  }
}
async function eraseRespondent(database, who) {
  const report = await database.erasingTransaction(async (tx) => {
    const ids = (await tx.responses.ofRespondent(who)).map((response) => response.id);
    const counted = await tx.privacy.dependents(ids);
    await tx.privacy.deleteNotesAndDeliveries(ids);
    await tx.privacy.deleteLoopsAndLinks(ids);
    await tx.responses.erase(ids);
    return { responses: ids.length, ...counted, responseIds: ids };
  });
  return { ...report, walCheckpointed: report.responses === 0 ? true : await database.flushErasure() };
}
async function purgeExpired(database, retentionDays, now) {
  const cutoff = now - retentionDays * 864e5;
  const report = { cutoff: new Date(cutoff).toISOString(), responses: 0, notes: 0, webhookDeliveries: 0 };
  for (let done = false; !done; ) {
    done = await database.erasingTransaction(async (tx) => {
      const rows = await tx.privacy.expiredWithPersonalData(cutoff, PURGE_BATCH);
      const deleted = await tx.privacy.deleteNotesAndDeliveries(rows.map((row) => row.id));
      await tx.responses.clearPersonalData(rows);
      report.notes += deleted.notes;
      report.webhookDeliveries += deleted.webhookDeliveries;
      report.responses += rows.length;
      return rows.length < PURGE_BATCH;
    });
  }
  if (report.responses > 0) await database.flushErasure();
  return report;
}
const SETTING_DEFAULTS = { wording: {}, followUp: {}, sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true };
const SETTING_KEYS = Object.keys(SETTING_DEFAULTS);
function toSurvey(row) {
  const settings = { ...SETTING_DEFAULTS, ...JSON.parse(row.settings) };
  return {
    id: row.id,
    name: row.name,
    brand: row.brand,
    ...settings,
    allowedOrigins: JSON.parse(row.allowed_origins),
    active: row.active === 1,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString()
  };
}
function toRow(survey, createdAt, updatedAt) {
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, survey[key]]));
  return {
    id: survey.id,
    name: survey.name,
    brand: survey.brand,
    settings: JSON.stringify(settings),
    allowed_origins: JSON.stringify(survey.allowedOrigins),
    active: survey.active ? 1 : 0,
    created_at: createdAt,
    updated_at: updatedAt
  };
}
const CACHE_TTL_MS = 1e3;
const CACHE_MAX_ENTRIES = 1e3;
class SurveyCache {
  surveys = /* @__PURE__ */ new Map();
  activeOrigins = null;
  /** Forgets what a write changed. */
  invalidate(id) {
    this.surveys.delete(id);
    this.activeOrigins = null;
  }
}
class SurveyRepository {
  constructor(executor, cache) {
    this.executor = executor;
    this.cache = cache;
  }
  executor;
  cache;
  /** One survey, or undefined (unknown ids are cached too, so a flood of made-up ids costs no reads). */
  async get(id) {
    const now = Date.now();
    const cached = this.cache.surveys.get(id);
    if (cached && cached.expires > now) return cached.survey;
    const row = await this.executor.db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
    const survey = row && toSurvey(row);
    if (this.cache.surveys.size >= CACHE_MAX_ENTRIES) this.cache.surveys.clear();
    this.cache.surveys.set(id, { survey, expires: now + CACHE_TTL_MS });
    return survey;
  }
  /** Every survey, oldest first. */
  async list() {
    const rows = await this.executor.db.selectFrom("surveys").selectAll().orderBy("created_at").orderBy("id").execute();
    return rows.map(toSurvey);
  }
  /** Every allowed-origin pattern of the active surveys (for CORS), cached briefly. */
  async activeOriginPatterns() {
    const now = Date.now();
    if (this.cache.activeOrigins && this.cache.activeOrigins.expires > now) return this.cache.activeOrigins.patterns;
    const rows = await this.executor.db.selectFrom("surveys").select("allowed_origins").where("active", "=", 1).execute();
    const patterns = [...new Set(rows.flatMap((row) => JSON.parse(row.allowed_origins)))];
    this.cache.activeOrigins = { patterns, expires: now + CACHE_TTL_MS };
    return patterns;
  }
  /** Creates a survey; 409 when the id is taken. */
  async create(input, now = Date.now()) {
    const survey = { ...SETTING_DEFAULTS, ...input, brand: input.brand ?? null, active: input.active ?? true };
    const inserted = await this.executor.db.insertInto("surveys").values(toRow(survey, now, now)).onConflict((conflict) => conflict.column("id").doNothing()).executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) throw new HttpError(409, "survey_exists", `id: a survey with id "${input.id}" already exists`);
    this.cache.invalidate(input.id);
    return await this.get(input.id);
  }
  /** Applies a partial update; undefined when the survey does not exist. */
  async update(id, changes, now = Date.now()) {
    const row = await this.executor.db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return void 0;
    const current = toSurvey(row);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== void 0));
    const next = { ...current, ...defined, id };
    const { id: _id, created_at: _created, ...columns2 } = toRow(next, row.created_at, now);
    await this.executor.db.updateTable("surveys").set(columns2).where("id", "=", id).execute();
    this.cache.invalidate(id);
    return this.get(id);
  }
}
const ROWS_PER_STATEMENT = 500;
function counterValues(counters) {
  const values = {};
  COUNTER_COLUMNS.forEach((column, index) => values[column] = counters[index]);
  return values;
}
async function applyRollupDeltas(db, deltas) {
  for (let start = 0; start < deltas.length; start += ROWS_PER_STATEMENT) {
    const rows = deltas.slice(start, start + ROWS_PER_STATEMENT).map((delta) => ({
      survey_id: delta.surveyId,
      grain: delta.grain,
      dim: delta.dim,
      value: delta.value,
      bucket_start: delta.bucketStart,
      ...counterValues(delta.counters)
    }));
    await db.insertInto("analytics_rollups").values(rows).onConflict((conflict) => conflict.columns(["survey_id", "grain", "dim", "value", "bucket_start"]).doUpdateSet((eb) => Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, eb(`analytics_rollups.${column}`, "+", eb.ref(`excluded.${column}`))])))).execute();
  }
}
async function flushRollupDeltas(db, accumulator) {
  const deltas = accumulator.drain();
  await applyRollupDeltas(db, deltas);
  return deltas.length;
}
async function storePendingDeltas(tx, insertPending, recorder) {
  const quarters = recorder.drainQuarters();
  if (quarters.length === 0) return false;
  const deltas = JSON.stringify(quarters.map((quarter) => [quarter.surveyId, quarter.bucketStart, quarter.dim, quarter.value, ...quarter.counters]));
  await tx.run(insertPending, { deltas });
  return true;
}
async function foldPendingDeltas(dialect) {
  const any = await dialect.db.selectFrom("analytics_rollup_pending").select("id").limit(1).executeTakeFirst();
  if (!any) return 0;
  return dialect.transaction(async (tx) => {
    const rows = await tx.db.selectFrom("analytics_rollup_pending").select(["id", "deltas"]).orderBy("id").execute();
    if (rows.length === 0) return 0;
    const folded = new RollupDeltas();
    for (const row of rows) {
      folded.addQuarters(JSON.parse(row.deltas).map(([surveyId, bucketStart, dim, value, ...counters]) => ({ surveyId, bucketStart, dim, value, counters })));
    }
    await flushRollupDeltas(tx.db, folded);
    await tx.db.deleteFrom("analytics_rollup_pending").where("id", "<=", rows[rows.length - 1].id).execute();
    return rows.length;
  });
}
const COARSEST = GRAINS[GRAINS.length - 1].grain;
const SCORE_COLUMNS = COUNTER_COLUMNS.slice(0, 11);
function piecesJson(pieces) {
  return JSON.stringify(pieces.map((piece) => [piece.grain, piece.from, piece.to, piece.key]));
}
class RollupReader {
  constructor(db, dialectSql) {
    this.db = db;
    this.dialectSql = dialectSql;
  }
  db;
  dialectSql;
  /** Counters per piece key for one dimension value (`*` with value `''` for all responses); `scoresOnly` leaves the rest 0. */
  async sumByKey(surveyId, dim, value, pieces, scoresOnly = false) {
    const columns2 = scoresOnly ? SCORE_COLUMNS : COUNTER_COLUMNS;
    const sums = await this.netted(pieces, async (json) => {
      const key = this.dialectSql.jsonArrayNumber("p.value", 3);
      const rows = await this.pieceRows(json, surveyId, dim, columns2).select(key.as("k")).where("r.value", "=", value).groupBy(key).execute();
      return rows.map((row) => [Number(row.k), columns2.map((column) => Number(row[column] ?? 0))]);
    });
    return sums;
  }
  /** Counters per value of a dimension (`''` for responses without one), over all pieces. */
  async sumByValue(surveyId, dim, pieces) {
    return this.netted(pieces, async (json) => {
      const values = this.db.selectFrom("analytics_rollups").select("value").where("survey_id", "=", surveyId).where("grain", "=", COARSEST).where("dim", "=", dim).groupBy("value");
      const rows = await this.pieceRows(json, surveyId, dim, COUNTER_COLUMNS).select("r.value").where("r.value", "in", values).groupBy("r.value").execute();
      return rows.map((row) => [row.value, COUNTER_COLUMNS.map((column) => Number(row[column] ?? 0))]);
    });
  }
  // The pieces are the outer loop (CROSS JOIN), so each one is a primary-key range seek.
  pieceRows(json, surveyId, dim, columns2) {
    const { jsonArrayRows, jsonArrayNumber, jsonArrayText } = this.dialectSql;
    return this.db.selectFrom(jsonArrayRows(json).as("p")).crossJoin("analytics_rollups as r").select(columns2.map((column) => sql`SUM(${sql.ref(`r.${column}`)})`.as(column))).where("r.survey_id", "=", surveyId).where((eb) => eb("r.grain", "=", jsonArrayText("p.value", 0))).where("r.dim", "=", dim).where((eb) => eb.and([eb("r.bucket_start", ">=", jsonArrayNumber("p.value", 1)), eb("r.bucket_start", "<", jsonArrayNumber("p.value", 2))]));
  }
  /** Runs a query once over the added pieces and once over the subtracted ones, netting the rows by their key. */
  async netted(pieces, run) {
    const sums = /* @__PURE__ */ new Map();
    for (const sign of [1, -1]) {
      const signed2 = pieces.filter((piece) => piece.sign === sign);
      if (signed2.length === 0) continue;
      for (const [key, counts] of await run(piecesJson(signed2))) {
        const total = sums.get(key);
        if (!total) sums.set(key, sign === 1 ? counts : counts.map((count) => -count));
        else for (let index = 0; index < counts.length; index++) total[index] += sign * counts[index];
      }
    }
    return sums;
  }
}
function responseFacts(row) {
  return {
    surveyId: row.survey_id,
    createdAt: row.created_at,
    score: row.score,
    hasComment: row.comment !== null,
    excluded: Boolean(row.excluded),
    touchpoint: row.touchpoint,
    channel: row.channel,
    locale: row.locale,
    journey: row.journey
  };
}
function eventFacts(row) {
  if (row.type !== "shown" && row.type !== "dismissed") return null;
  return { surveyId: row.survey_id, createdAt: row.created_at, type: row.type, touchpoint: row.touchpoint, channel: row.channel, locale: row.locale };
}
const PAGE = 5e4;
async function rebuildRollups(dialect, onProgress) {
  const counts = { responses: 0, events: 0 };
  await dialect.withBulkCache(() => dialect.transaction(async (tx) => {
    await tx.db.deleteFrom("analytics_rollups").execute();
    await tx.db.deleteFrom("analytics_rollup_pending").execute();
    const deltas = new RollupDeltas();
    for (let after = ""; ; ) {
      const rows = await tx.db.selectFrom("responses").select([
        "id",
        "survey_id",
        "score",
        sql`CASE WHEN comment IS NULL THEN NULL ELSE '' END`.as("comment"),
        "touchpoint",
        "channel",
        "locale",
        "journey",
        "created_at",
        "excluded"
      ]).where("id", ">", after).orderBy("id").limit(PAGE).execute();
      if (rows.length === 0) break;
      for (const row of rows) deltas.addResponseChange(null, responseFacts(row));
      after = rows[rows.length - 1].id;
      counts.responses += rows.length;
      await flushRollupDeltas(tx.db, deltas);
      onProgress?.(counts.responses);
    }
    for (let after = ""; ; ) {
      const rows = await tx.db.selectFrom("events").select(["id", "survey_id", "type", "touchpoint", "channel", "locale", "created_at"]).where("id", ">", after).orderBy("id").limit(PAGE).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const facts = eventFacts(row);
        if (facts) deltas.addEvent(facts);
      }
      after = rows[rows.length - 1].id;
      counts.events += rows.length;
      await flushRollupDeltas(tx.db, deltas);
      onProgress?.(counts.responses + counts.events);
    }
    await dialect.rebuildCommentIndex(tx);
  }));
  return counts;
}
async function countRollupRows(dialect) {
  const row = await dialect.db.selectFrom("analytics_rollups").select((eb) => eb.fn.countAll().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); process.exit(0); });
`;
function startCheckpointer(path, intervalMs = 500) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs } });
  worker.unref();
  worker.on("error", () => {
  });
  const exited = new Promise((resolve2) => worker.once("exit", () => resolve2()));
  return {
    async stop() {
      worker.postMessage("stop");
      await exited;
    }
  };
}
const COMMENT_INDEX = "response_comments_fts";
function propertyPath(name) {
  return `$."${name}"`;
}
const operand = (column) => typeof column === "string" ? sql.ref(column) : column;
function ftsExpression(words) {
  return words.map((word, index) => `"${word.replace(/"/g, "")}"${index === words.length - 1 ? "*" : ""}`).join(" ");
}
const sqliteSql = {
  jsonArrayRows: (json) => sql`json_each(${json})`,
  jsonArrayNumber: (column, index) => sql`${operand(column)} ->> ${sql.lit(index)}`,
  jsonArrayText: (column, index) => sql`${operand(column)} ->> ${sql.lit(index)}`,
  jsonListContains: (column, value) => sql`EXISTS (SELECT 1 FROM json_each(${operand(column)}) AS item WHERE item.value = ${value})`,
  jsonNumberField: (column, field) => sql`json_extract(${operand(column)}, ${sql.lit(`$.${field}`)})`,
  propertyJson: (column, name) => sql`${operand(column)} -> ${propertyPath(name)}`,
  // `->` gives JSON text: "pro" for a string, 3 for a number, true for a boolean.
  propertyEquals: (column, name, value) => sql`(${operand(column)} -> ${propertyPath(name)}) IN (json_quote(${value}), ${value})`,
  // The same collation as the responses_by_email index, so the index serves it.
  equalsIgnoringCase: (column, value) => sql`${operand(column)} = ${value} COLLATE NOCASE`,
  commentMatches: (alias, words) => sql`${sql.ref(`${alias}.rowid`)} IN (SELECT rowid FROM ${sql.table(COMMENT_INDEX)} WHERE ${sql.table(COMMENT_INDEX)} MATCH ${ftsExpression(words)})`
};
async function withSecureDelete(handle, change) {
  const previous = handle.pragma("secure_delete", { simple: true });
  handle.pragma("secure_delete = ON");
  try {
    return await change();
  } finally {
    handle.pragma(`secure_delete = ${previous ? "ON" : "OFF"}`);
  }
}
async function flushErasure(handle) {
  await withSecureDelete(handle, async () => {
    handle.prepare(`INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('optimize')`).run();
  });
  for (let attempt = 0; attempt < 40; attempt++) {
    const [result] = handle.pragma("wal_checkpoint(TRUNCATE)");
    if (result === void 0 || result.busy === 0) return true;
    await setTimeout$1(5);
  }
  return false;
}
function isFileDatabase(path) {
  return path !== ":memory:" && path !== "" && !path.startsWith("file:");
}
class StatementCache {
  constructor(handle, limit = 500) {
    this.handle = handle;
    this.limit = limit;
  }
  handle;
  limit;
  statements = /* @__PURE__ */ new Map();
  /** The prepared statement of `sql`, prepared on first use. */
  prepare(sql2) {
    let statement = this.statements.get(sql2);
    if (statement) {
      this.statements.delete(sql2);
    } else {
      statement = this.handle.prepare(sql2);
      if (this.statements.size >= this.limit) this.statements.delete(this.statements.keys().next().value);
    }
    this.statements.set(sql2, statement);
    return statement;
  }
}
class ImmediateSqliteDriver extends SqliteDriver {
  async beginTransaction(connection) {
    await connection.executeQuery(CompiledQuery.raw("BEGIN IMMEDIATE"));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(config) {
    super(config);
    this.config = config;
  }
  config;
  createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
}
function openSqlite(path, sync = "NORMAL") {
  if (isFileDatabase(path)) mkdirSync(dirname(path), { recursive: true });
  const handle = new BetterSqlite3(path);
  handle.pragma("journal_mode = WAL");
  handle.pragma(`synchronous = ${sync}`);
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  handle.pragma("cache_size = -65536");
  const statements = new StatementCache(handle);
  const database = { prepare: (sql2) => statements.prepare(sql2), close: () => handle.close() };
  const db = new Kysely({ dialect: new ImmediateSqliteDialect({ database }) });
  const savepoints = { begin: handle.prepare("SAVEPOINT job"), release: handle.prepare("RELEASE job"), rollback: handle.prepare("ROLLBACK TO job") };
  return { handle, statements, templates: /* @__PURE__ */ new WeakMap(), savepoints, db };
}
const MIGRATION_0001 = {
  version: 1,
  name: "surveys, responses, events, api keys",
  sql: `
CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  brand TEXT,
  settings TEXT NOT NULL DEFAULT '{}',
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT,
  consent INTEGER,
  user_id TEXT,
  email TEXT,
  touchpoint TEXT,
  channel TEXT,
  journey TEXT,
  locale TEXT,
  page TEXT,
  device TEXT,
  properties TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX responses_by_survey_time ON responses (survey_id, created_at);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  type TEXT NOT NULL CHECK (type IN ('shown', 'dismissed')),
  touchpoint TEXT,
  channel TEXT,
  locale TEXT,
  page TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX events_by_survey_type_time ON events (survey_id, type, created_at);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'admin')),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
`
};
const MIGRATION_0002 = {
  version: 2,
  name: "analytics rollups (15m/1h/3h/6h/1d by dimension) and comment full-text index, backfilled",
  sql: `
CREATE TABLE analytics_rollups (
  survey_id TEXT NOT NULL,
  grain TEXT NOT NULL CHECK (grain IN ('15m', '1h', '3h', '6h', '1d', '7d')),
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  bucket_start INTEGER NOT NULL,
  s0 INTEGER NOT NULL DEFAULT 0,
  s1 INTEGER NOT NULL DEFAULT 0,
  s2 INTEGER NOT NULL DEFAULT 0,
  s3 INTEGER NOT NULL DEFAULT 0,
  s4 INTEGER NOT NULL DEFAULT 0,
  s5 INTEGER NOT NULL DEFAULT 0,
  s6 INTEGER NOT NULL DEFAULT 0,
  s7 INTEGER NOT NULL DEFAULT 0,
  s8 INTEGER NOT NULL DEFAULT 0,
  s9 INTEGER NOT NULL DEFAULT 0,
  s10 INTEGER NOT NULL DEFAULT 0,
  comments INTEGER NOT NULL DEFAULT 0,
  prompted INTEGER NOT NULL DEFAULT 0,
  shown INTEGER NOT NULL DEFAULT 0,
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (survey_id, grain, dim, value, bucket_start)
) WITHOUT ROWID;
CREATE TABLE analytics_rollup_pending (
  id INTEGER PRIMARY KEY,
  deltas TEXT NOT NULL
);
CREATE VIRTUAL TABLE response_comments_fts USING fts5(
  comment, content = 'responses', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER response_comments_fts_insert AFTER INSERT ON responses WHEN new.comment IS NOT NULL BEGIN
  INSERT INTO response_comments_fts (rowid, comment) VALUES (new.rowid, new.comment);
END;
CREATE TRIGGER response_comments_fts_update AFTER UPDATE OF comment ON responses WHEN old.comment IS NOT new.comment BEGIN
  INSERT INTO response_comments_fts (response_comments_fts, rowid, comment) SELECT 'delete', old.rowid, old.comment WHERE old.comment IS NOT NULL;
  INSERT INTO response_comments_fts (rowid, comment) SELECT new.rowid, new.comment WHERE new.comment IS NOT NULL;
END;
CREATE TRIGGER response_comments_fts_delete AFTER DELETE ON responses WHEN old.comment IS NOT NULL BEGIN
  INSERT INTO response_comments_fts (response_comments_fts, rowid, comment) VALUES ('delete', old.rowid, old.comment);
END;

DELETE FROM analytics_rollups;
INSERT INTO analytics_rollups (survey_id, grain, dim, value, bucket_start, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, comments, prompted, shown, dismissed)
SELECT survey_id, grain, dim, value, bucket_start, SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(comments), SUM(prompted), SUM(shown), SUM(dismissed) FROM (
  SELECT r.survey_id, g.grain, d.dim, CASE d.dim WHEN '*' THEN '' WHEN 'touchpoint' THEN coalesce(r.touchpoint, '') WHEN 'channel' THEN coalesce(r.channel, '')
   WHEN 'locale' THEN coalesce(r.locale, '') ELSE coalesce(r.journey, '') END AS value, r.created_at - r.created_at % g.ms AS bucket_start,
    (r.score = 0) AS s0, (r.score = 1) AS s1, (r.score = 2) AS s2, (r.score = 3) AS s3, (r.score = 4) AS s4, (r.score = 5) AS s5, (r.score = 6) AS s6, (r.score = 7) AS s7, (r.score = 8) AS s8, (r.score = 9) AS s9, (r.score = 10) AS s10, (r.comment IS NOT NULL) AS comments, (r.channel IS NULL OR r.channel IN ('web', 'app')) AS prompted, 0 AS shown, 0 AS dismissed
  FROM responses AS r, (SELECT '15m' AS grain, 900000 AS ms UNION ALL SELECT '1h' AS grain, 3600000 AS ms UNION ALL SELECT '3h' AS grain, 10800000 AS ms UNION ALL SELECT '6h' AS grain, 21600000 AS ms UNION ALL SELECT '1d' AS grain, 86400000 AS ms UNION ALL SELECT '7d' AS grain, 604800000 AS ms) AS g, (SELECT '*' AS dim UNION ALL SELECT 'touchpoint' AS dim UNION ALL SELECT 'channel' AS dim UNION ALL SELECT 'locale' AS dim UNION ALL SELECT 'journey' AS dim) AS d
  UNION ALL
  SELECT e.survey_id, g.grain, d.dim, CASE d.dim WHEN '*' THEN '' WHEN 'touchpoint' THEN coalesce(e.touchpoint, '') WHEN 'channel' THEN coalesce(e.channel, '')
   WHEN 'locale' THEN coalesce(e.locale, '') ELSE '' END, e.created_at - e.created_at % g.ms,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (e.type = 'shown'), (e.type = 'dismissed')
  FROM events AS e, (SELECT '15m' AS grain, 900000 AS ms UNION ALL SELECT '1h' AS grain, 3600000 AS ms UNION ALL SELECT '3h' AS grain, 10800000 AS ms UNION ALL SELECT '6h' AS grain, 21600000 AS ms UNION ALL SELECT '1d' AS grain, 86400000 AS ms UNION ALL SELECT '7d' AS grain, 604800000 AS ms) AS g, (SELECT '*' AS dim UNION ALL SELECT 'touchpoint' AS dim UNION ALL SELECT 'channel' AS dim UNION ALL SELECT 'locale' AS dim UNION ALL SELECT 'journey' AS dim) AS d
  WHERE d.dim <> 'journey' AND e.type IN ('shown', 'dismissed')
) GROUP BY survey_id, grain, dim, value, bucket_start;
INSERT INTO response_comments_fts (response_comments_fts) VALUES ('rebuild');
`
};
const MIGRATION_0003 = {
  version: 3,
  name: "close the loop: excluded flag, loops, notes, loop settings, webhooks, actions",
  sql: `
ALTER TABLE responses ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX responses_by_email ON responses (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX responses_by_user_id ON responses (user_id) WHERE user_id IS NOT NULL;
CREATE TABLE loop_settings (
  survey_id TEXT PRIMARY KEY REFERENCES surveys(id),
  settings TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE loops (
  response_id TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  state TEXT NOT NULL CHECK (state IN ('open', 'contacted', 'resolved', 'closed')),
  assignee TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  close_reason TEXT,
  opened_at INTEGER NOT NULL,
  first_contact_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  overdue_notified_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX loops_by_survey_state ON loops (survey_id, state, opened_at);
CREATE INDEX loops_by_state ON loops (state, opened_at);
CREATE TABLE loop_notes (
  id TEXT PRIMARY KEY,
  response_id TEXT NOT NULL REFERENCES loops(response_id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX loop_notes_by_response ON loop_notes (response_id, created_at);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  survey_id TEXT REFERENCES surveys(id),
  description TEXT,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  subject_id TEXT,
  payload TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (subject_id);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  title TEXT NOT NULL,
  description TEXT,
  owner TEXT,
  state TEXT NOT NULL CHECK (state IN ('proposed', 'in_progress', 'done', 'dropped')),
  due_date TEXT,
  themes TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  done_at INTEGER
) STRICT;
CREATE INDEX actions_by_survey_state ON actions (survey_id, state, created_at);
CREATE TABLE action_responses (
  action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, response_id)
) WITHOUT ROWID;
CREATE INDEX action_responses_by_response ON action_responses (response_id);
`
};
const MIGRATION_0004 = {
  version: 4,
  name: "loops without rowid, one index (cheaper to open on ingest)",
  rebuildsTables: ["loops", "loop_notes"],
  sql: `
CREATE TABLE loops_rebuilt (
  response_id TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  state TEXT NOT NULL CHECK (state IN ('open', 'contacted', 'resolved', 'closed')),
  assignee TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  close_reason TEXT,
  opened_at INTEGER NOT NULL,
  first_contact_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  overdue_notified_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO loops_rebuilt SELECT response_id, survey_id, state, assignee, tags, close_reason, opened_at,
  first_contact_at, resolved_at, closed_at, overdue_notified_at, updated_at FROM loops;
DROP TABLE loops;
ALTER TABLE loops_rebuilt RENAME TO loops;
CREATE INDEX loops_by_survey_state ON loops (survey_id, state, opened_at);
`
};
const SQLITE_MIGRATIONS = [MIGRATION_0001, MIGRATION_0002, MIGRATION_0003, MIGRATION_0004];
function migrateSqlite(handle, migrations = SQLITE_MIGRATIONS) {
  handle.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const current = handle.prepare("SELECT MAX(version) AS version FROM schema_migrations").get().version ?? 0;
  const record = handle.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const foreignKeys = handle.pragma("foreign_keys", { simple: true });
    if (migration.rebuildsTables) handle.pragma("foreign_keys = OFF");
    try {
      handle.transaction(() => {
        handle.exec(migration.sql);
        const broken = (migration.rebuildsTables ?? []).filter((table) => handle.pragma(`foreign_key_check(${table})`).length > 0);
        if (broken.length > 0) {
          throw new Error(`migration ${migration.version} (${migration.name}) would break foreign keys in ${broken.join(", ")}`);
        }
        record.run(migration.version, migration.name, Date.now());
      }).immediate();
    } finally {
      if (migration.rebuildsTables) handle.pragma(`foreign_keys = ${foreignKeys}`);
    }
  }
  return Math.max(current, migrations.at(-1)?.version ?? 0);
}
const SAFETY_NET_CHECKPOINT_PAGES = 2e4;
function transactionExecutor(connection, trx) {
  const { statements, savepoints } = connection;
  const prepared = connection.templates;
  const statementOf = (template) => {
    let statement = prepared.get(template);
    if (!statement) prepared.set(template, statement = statements.prepare(template.sql));
    return statement;
  };
  return {
    db: trx,
    async run(template, values) {
      return statementOf(template).run(templateParameters(template, values)).changes;
    },
    async first(template, values) {
      return statementOf(template).get(templateParameters(template, values));
    },
    async savepoint() {
    },
    async releaseSavepoint() {
    },
    async rollbackToSavepoint() {
      savepoints.rollback.run();
    }
  };
}
function openSqliteDialect(options) {
  const connection = openSqlite(options.path, options.sync);
  const { handle, db } = connection;
  let schemaVersion;
  try {
    schemaVersion = migrateSqlite(handle);
  } catch (error) {
    handle.close();
    throw error;
  }
  let checkpointer = null;
  if (options.backgroundCheckpoints && isFileDatabase(options.path)) {
    handle.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
    checkpointer = startCheckpointer(options.path);
  }
  let closed = false;
  return {
    name: "sqlite",
    db,
    root: kyselyExecutor(db),
    sql: sqliteSql,
    schemaVersion,
    transaction: (work) => db.transaction().execute((trx) => work(transactionExecutor(connection, trx))),
    // The pragma is per connection: hold the connection so nothing else runs between switching it on and off.
    erasingTransaction: (work) => db.connection().execute((held) => withSecureDelete(handle, () => held.transaction().execute((trx) => work(transactionExecutor(connection, trx))))),
    flushErasure: () => db.connection().execute(() => flushErasure(handle)),
    async rebuildCommentIndex(tx) {
      await sql`INSERT INTO ${sql.table(COMMENT_INDEX)} (${sql.table(COMMENT_INDEX)}) VALUES ('rebuild')`.execute(tx.db);
    },
    async withBulkCache(work) {
      const cacheSize = handle.pragma("cache_size", { simple: true });
      handle.pragma("cache_size = -262144");
      try {
        return await work();
      } finally {
        handle.pragma(`cache_size = ${cacheSize}`);
      }
    },
    async ping() {
      if (closed) return false;
      try {
        const row = await sql`SELECT 1 AS ok`.execute(db);
        return row.rows[0]?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await checkpointer?.stop();
    }
  };
}
class ActionRepository {
  constructor(executor) {
    this.executor = executor;
  }
  executor;
  /** Stores a new action. */
  async insert(id, surveyId, fields2, now) {
    await this.executor.db.insertInto("actions").values({ id, survey_id: surveyId, ...columns(fields2), created_at: now }).execute();
  }
  /** Writes an action's fields. */
  async update(id, fields2) {
    await this.executor.db.updateTable("actions").set(columns(fields2)).where("id", "=", id).execute();
  }
  /** Replaces the responses an action is linked to. */
  async link(id, responseIds) {
    await this.executor.db.deleteFrom("action_responses").where("action_id", "=", id).execute();
    const unique = [...new Set(responseIds)];
    if (unique.length) await this.executor.db.insertInto("action_responses").values(unique.map((responseId) => ({ action_id: id, response_id: responseId }))).execute();
  }
  /** One action, or undefined. */
  async get(id) {
    const row = await this.executor.db.selectFrom("actions").selectAll().where("id", "=", id).executeTakeFirst();
    return row && (await this.withLinks([row]))[0];
  }
  /** Actions matching the filter: dated ones first (soonest due first), then undated, oldest first. */
  async list(filter) {
    let query = this.executor.db.selectFrom("actions").selectAll();
    if (filter.surveyId) query = query.where("survey_id", "=", filter.surveyId);
    if (filter.state?.length) query = query.where("state", "in", filter.state);
    if (filter.owner) query = query.where("owner", "=", filter.owner);
    const rows = await query.orderBy((eb) => eb("due_date", "is", null)).orderBy("due_date").orderBy("created_at").orderBy("id").execute();
    return this.withLinks(rows);
  }
  async withLinks(rows) {
    const links = rows.length === 0 ? [] : await this.executor.db.selectFrom("action_responses").select(["action_id", "response_id"]).where("action_id", "in", rows.map((row) => row.id)).orderBy("response_id").execute();
    return rows.map((row) => ({
      id: row.id,
      surveyId: row.survey_id,
      title: row.title,
      description: row.description,
      owner: row.owner,
      state: row.state,
      dueDate: row.due_date,
      themes: JSON.parse(row.themes),
      responseIds: links.filter((link) => link.action_id === row.id).map((link) => link.response_id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      doneAt: row.done_at
    }));
  }
}
function columns(fields2) {
  return {
    title: fields2.title,
    description: fields2.description,
    owner: fields2.owner,
    state: fields2.state,
    due_date: fields2.dueDate,
    themes: JSON.stringify([...new Set(fields2.themes)]),
    updated_at: fields2.updatedAt,
    done_at: fields2.doneAt
  };
}
function eventTemplates(db) {
  return {
    insert: queryTemplate((value) => db.insertInto("events").values({
      id: value("id"),
      survey_id: value("surveyId"),
      type: value("type"),
      touchpoint: value("touchpoint"),
      channel: value("channel"),
      locale: value("locale"),
      page: value("page"),
      created_at: value("createdAt")
    }).onConflict((conflict) => conflict.column("id").doNothing())),
    select: queryTemplate((value) => db.selectFrom("events").select(["survey_id", "type"]).where("id", "=", value("id")))
  };
}
class EventWriter {
  constructor(executor, templates, rollups) {
    this.executor = executor;
    this.templates = templates;
    this.rollups = rollups;
  }
  executor;
  templates;
  rollups;
  /** Inserts an event once; the same id again is unchanged, or 409 when it differs. */
  async ingest(input, now) {
    const event2 = {
      id: input.id,
      surveyId: input.surveyId,
      type: input.type,
      touchpoint: input.touchpoint ?? null,
      channel: input.channel ?? null,
      locale: input.locale ?? null,
      page: input.page ?? null,
      createdAt: now
    };
    if (await this.insert(event2)) return "created";
    const existing = await this.executor.first(this.templates.select, { id: input.id });
    if (existing.survey_id !== input.surveyId || existing.type !== input.type) {
      throw new HttpError(409, "id_conflict", `id: event "${input.id}" was recorded with another survey or type`);
    }
    return "unchanged";
  }
  /** Stores an event unless its id is; resolves to whether it was new. */
  async insert(event2) {
    if (await this.executor.run(this.templates.insert, event2) !== 1) return false;
    this.rollups.event({ surveyId: event2.surveyId, createdAt: event2.createdAt, type: event2.type, touchpoint: event2.touchpoint, channel: event2.channel, locale: event2.locale });
    return true;
  }
}
const DEFAULT_LOOP_SETTINGS = {
  detractorThreshold: 6,
  includePassives: false,
  slaHours: 48,
  closeReasons: ["no_reply", "unreachable", "not_actionable", "duplicate", "test_or_spam", "declined_contact"]
};
function opensLoop(score, settings) {
  if (score <= settings.detractorThreshold) return true;
  return settings.includePassives && score >= 7 && score <= 8;
}
function slaMsExpression(dialectSql, settings) {
  return sql`(COALESCE(${dialectSql.jsonNumberField(settings, "slaHours")}, ${sql.lit(DEFAULT_LOOP_SETTINGS.slaHours)}) * 3600000)`;
}
class LoopSettingsRepository {
  constructor(executor, cache) {
    this.executor = executor;
    this.cache = cache;
  }
  executor;
  cache;
  /** A survey's settings, defaults for what was never set. */
  async get(surveyId) {
    const cached = this.cache.get(surveyId);
    if (cached) return cached;
    const row = await this.executor.db.selectFrom("loop_settings").select("settings").where("survey_id", "=", surveyId).executeTakeFirst();
    const settings = { ...DEFAULT_LOOP_SETTINGS, ...row ? JSON.parse(row.settings) : {} };
    this.cache.set(surveyId, settings);
    return settings;
  }
  /** Merges changes into a survey's settings and returns the result. */
  async update(surveyId, changes, now) {
    const next = { ...await this.get(surveyId), ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== void 0)) };
    await this.executor.db.insertInto("loop_settings").values({ survey_id: surveyId, settings: JSON.stringify(next), updated_at: now }).onConflict((conflict) => conflict.column("survey_id").doUpdateSet((eb) => ({ settings: eb.ref("excluded.settings"), updated_at: eb.ref("excluded.updated_at") }))).execute();
    this.cache.delete(surveyId);
    return next;
  }
}
function loopTemplates(db) {
  return {
    insertOpen: queryTemplate((value) => db.insertInto("loops").values({ response_id: value("responseId"), survey_id: value("surveyId"), state: "open", opened_at: value("now"), updated_at: value("now") }).onConflict((conflict) => conflict.column("response_id").doNothing())),
    // Only a loop nobody worked on is retracted when its answer no longer qualifies.
    deleteUntouched: queryTemplate((value) => db.deleteFrom("loops").where("response_id", "=", value("responseId")).where("state", "=", "open").where("assignee", "is", null).where("tags", "=", "[]").where((eb) => eb.not(eb.exists(eb.selectFrom("loop_notes as n").select("n.id").whereRef("n.response_id", "=", "loops.response_id")))))
  };
}
function selectLoopRecords(db) {
  return db.selectFrom("loops as l").innerJoin("responses as r", "r.id", "l.response_id").select([
    "l.response_id",
    "l.survey_id",
    "l.state",
    "l.assignee",
    "l.tags",
    "l.close_reason",
    "l.opened_at",
    "l.first_contact_at",
    "l.resolved_at",
    "l.closed_at",
    "l.updated_at",
    "r.score",
    "r.comment",
    "r.consent",
    "r.email",
    "r.user_id",
    "r.touchpoint",
    "r.channel",
    "r.excluded",
    "r.created_at as response_created_at",
    (eb) => eb.selectFrom("loop_notes as n").select(eb.fn.countAll().as("c")).whereRef("n.response_id", "=", "l.response_id").as("notes_count")
  ]);
}
function toLoopRecord(row) {
  return {
    responseId: row.response_id,
    surveyId: row.survey_id,
    state: row.state,
    assignee: row.assignee,
    tags: JSON.parse(row.tags),
    closeReason: row.close_reason,
    openedAt: row.opened_at,
    firstContactAt: row.first_contact_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    notesCount: Number(row.notes_count ?? 0),
    response: {
      score: row.score,
      comment: row.comment,
      consent: row.consent === null ? null : row.consent === 1,
      email: row.email,
      userId: row.user_id,
      touchpoint: row.touchpoint,
      channel: row.channel,
      excluded: row.excluded === 1,
      createdAt: row.response_created_at
    }
  };
}
class LoopRepository {
  constructor(executor, templates, settings, dialectSql) {
    this.executor = executor;
    this.templates = templates;
    this.settings = settings;
    this.dialectSql = dialectSql;
  }
  executor;
  templates;
  settings;
  dialectSql;
  /** Opens a loop for a response just created when its survey's rules say so (the ingest hot path). */
  async openForNew(responseId, surveyId, score, now) {
    if (!opensLoop(score, await this.settings.get(surveyId))) return "none";
    return await this.executor.run(this.templates.insertOpen, { responseId, surveyId, now }) > 0 ? "opened" : "none";
  }
  /** Opens a loop for a stored response when the rules say so (once); retracts an untouched one whose score no longer qualifies. */
  async sync(response, now) {
    if (response.excluded) return "none";
    if (opensLoop(response.score, await this.settings.get(response.surveyId))) {
      return await this.executor.run(this.templates.insertOpen, { responseId: response.id, surveyId: response.surveyId, now }) > 0 ? "opened" : "none";
    }
    return await this.executor.run(this.templates.deleteUntouched, { responseId: response.id }) > 0 ? "removed" : "none";
  }
  /** Opens a loop by hand (a note or a change on an answer that has none); nothing when it exists. */
  async ensure(responseId, surveyId, now) {
    await this.executor.run(this.templates.insertOpen, { responseId, surveyId, now });
  }
  /** One loop, or undefined when the response has none. */
  async get(responseId) {
    const row = await selectLoopRecords(this.executor.db).where("l.response_id", "=", responseId).executeTakeFirst();
    return row && toLoopRecord(row);
  }
  /** A loop's notes, oldest first. */
  async notes(responseId) {
    const rows = await this.executor.db.selectFrom("loop_notes").select(["id", "author", "text", "created_at"]).where("response_id", "=", responseId).orderBy("created_at").orderBy("id").execute();
    return rows.map((row) => ({ id: row.id, author: row.author, text: row.text, createdAt: row.created_at }));
  }
  /** Writes a loop's lifecycle fields, assignee and tags. */
  async update(responseId, changes, now) {
    await this.executor.db.updateTable("loops").set({
      state: changes.state,
      assignee: changes.assignee,
      tags: JSON.stringify(changes.tags),
      close_reason: changes.closeReason,
      first_contact_at: changes.firstContactAt,
      resolved_at: changes.resolvedAt,
      closed_at: changes.closedAt,
      updated_at: now
    }).where("response_id", "=", responseId).execute();
  }
  /** Adds a note (the loop must exist) and marks the loop changed. */
  async addNote(responseId, note, now) {
    const id = `note_${randomBytes(8).toString("hex")}`;
    await this.executor.db.insertInto("loop_notes").values({ id, response_id: responseId, author: note.author, text: note.text, created_at: now }).execute();
    await this.executor.db.updateTable("loops").set({ updated_at: now }).where("response_id", "=", responseId).execute();
    return { id, author: note.author, text: note.text, createdAt: now };
  }
  /** Open loops past their survey's SLA not yet reported overdue (excluded answers left out). */
  async overdueUnreported(now) {
    const rows = await this.executor.db.selectFrom("surveys as s").leftJoin("loop_settings as ls", "ls.survey_id", "s.id").crossJoin("loops as l").innerJoin("responses as r", "r.id", "l.response_id").select(["l.response_id", "l.survey_id"]).whereRef("l.survey_id", "=", "s.id").where("l.state", "=", "open").where((eb) => eb("l.opened_at", "<", sql`${now} - ${slaMsExpression(this.dialectSql, sql.ref("ls.settings"))}`)).where("l.overdue_notified_at", "is", null).where("r.excluded", "=", 0).execute();
    return rows.map((row) => ({ responseId: row.response_id, surveyId: row.survey_id }));
  }
  /** Records that a loop was reported overdue. */
  async markOverdueReported(responseId, now) {
    await this.executor.db.updateTable("loops").set({ overdue_notified_at: now }).where("response_id", "=", responseId).execute();
  }
  /** How many loops of a survey are in each state. */
  async countByState(surveyId) {
    const rows = await this.executor.db.selectFrom("loops").select(["state", (eb) => eb.fn.countAll().as("count")]).where("survey_id", "=", surveyId).groupBy("state").execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
  }
  /** True when the response has a loop. */
  async exists(responseId) {
    return await this.executor.db.selectFrom("loops").select("response_id").where("response_id", "=", responseId).executeTakeFirst() !== void 0;
  }
}
class LoopQueries {
  constructor(executor, dialectSql) {
    this.executor = executor;
    this.dialectSql = dialectSql;
  }
  executor;
  dialectSql;
  /** Loops matching the filter, oldest first (the queue order), and where the next page starts (null on the last). */
  async list(filter, now) {
    let query = selectLoopRecords(this.executor.db);
    if (filter.surveyId) query = query.where("l.survey_id", "=", filter.surveyId);
    if (filter.state?.length) query = query.where("l.state", "in", filter.state);
    if (filter.assignee) query = query.where("l.assignee", "=", filter.assignee);
    if (filter.unassigned) query = query.where("l.assignee", "is", null);
    if (filter.tag) query = query.where(this.dialectSql.jsonListContains("l.tags", filter.tag));
    if (filter.overdue !== void 0) {
      const sla = slaMsExpression(this.dialectSql, sql`(SELECT s.settings FROM loop_settings AS s WHERE s.survey_id = l.survey_id)`);
      const overdue = sql`(l.state = 'open' AND ${now} - l.opened_at > ${sla})`;
      query = query.where(filter.overdue ? overdue : sql`NOT ${overdue}`);
    }
    if (!filter.includeExcluded) query = query.where("r.excluded", "=", 0);
    const after = filter.after;
    if (after) {
      query = query.where((eb) => eb.or([eb("l.opened_at", ">", after.openedAt), eb.and([eb("l.opened_at", "=", after.openedAt), eb("l.response_id", ">", after.responseId)])]));
    }
    const rows = await query.orderBy("l.opened_at").orderBy("l.response_id").limit(filter.limit + 1).execute();
    const loops = rows.slice(0, filter.limit).map(toLoopRecord);
    const last = loops.at(-1);
    return { loops, next: rows.length > filter.limit && last ? { openedAt: last.openedAt, responseId: last.responseId } : null };
  }
  /** The timestamps of a survey's loops opened in a range (excluded responses left out). */
  async times(surveyId, range) {
    const rows = await this.executor.db.selectFrom("loops as l").innerJoin("responses as r", "r.id", "l.response_id").select(["l.state", "l.opened_at", "l.first_contact_at", "l.resolved_at"]).where("l.survey_id", "=", surveyId).where("l.opened_at", ">=", range.from ?? -864e13).where("l.opened_at", "<", range.to ?? 864e13).where("r.excluded", "=", 0).execute();
    return rows.map((row) => ({ state: row.state, openedAt: row.opened_at, firstContactAt: row.first_contact_at, resolvedAt: row.resolved_at }));
  }
}
function sortedJson(properties) {
  return JSON.stringify(Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a < b ? -1 : 1)));
}
const COLUMN_FROM_INPUT = [
  ["score", (input) => input.score],
  ["comment", (input) => input.comment === void 0 ? void 0 : input.comment.trim() === "" ? null : input.comment],
  ["consent", (input) => input.consent === void 0 ? void 0 : input.consent ? 1 : 0],
  ["user_id", (input) => input.respondent?.userId],
  ["email", (input) => input.respondent?.email],
  ["touchpoint", (input) => input.touchpoint],
  ["channel", (input) => input.channel],
  ["journey", (input) => input.journey],
  ["locale", (input) => input.locale],
  ["page", (input) => input.page],
  ["device", (input) => input.device],
  ["properties", (input) => input.properties === void 0 ? void 0 : sortedJson(input.properties)]
];
const MUTABLE_COLUMNS = COLUMN_FROM_INPUT.map(([column]) => column);
function newRowValues(input, now) {
  const values = { id: input.id, surveyId: input.surveyId, createdAt: now, updatedAt: now };
  for (const [column, read] of COLUMN_FROM_INPUT) values[column] = read(input) ?? null;
  return values;
}
function mergeInput(existing, input) {
  const merged = { ...existing };
  for (const [column, read] of COLUMN_FROM_INPUT) {
    const value = read(input);
    if (value !== void 0) merged[column] = value;
  }
  return merged;
}
const SCORE_CHANGE_WINDOW_MS = 30 * 60 * 1e3;
function responseTemplates(db) {
  const byColumn = (value) => Object.fromEntries(MUTABLE_COLUMNS.map((column) => [column, value(column)]));
  return {
    // Insert first: a new id (the common case) costs one statement; an existing id changes nothing here.
    insert: queryTemplate((value) => db.insertInto("responses").values({ id: value("id"), survey_id: value("surveyId"), ...byColumn(value), created_at: value("createdAt"), updated_at: value("updatedAt") }).onConflict((conflict) => conflict.column("id").doNothing())),
    select: queryTemplate((value) => db.selectFrom("responses").selectAll().where("id", "=", value("id"))),
    update: queryTemplate((value) => db.updateTable("responses").set({ ...byColumn(value), updated_at: value("updatedAt") }).where("id", "=", value("id")))
  };
}
class ResponseWriter extends ResponseReads {
  constructor(executor, dialectSql, templates, loops, rollups, hooks) {
    super(executor, dialectSql);
    this.templates = templates;
    this.loops = loops;
    this.rollups = rollups;
    this.hooks = hooks;
  }
  templates;
  loops;
  rollups;
  hooks;
  /** Inserts or updates one response by its client id; throws 409 for a locked score or another survey's id. */
  async ingest(input, now) {
    const values = newRowValues(input, now);
    const inserted = await this.executor.run(this.templates.insert, values);
    if (inserted === 1) {
      this.rollups.response(null, {
        surveyId: input.surveyId,
        createdAt: now,
        score: input.score,
        hasComment: values.comment !== null,
        excluded: false,
        touchpoint: values.touchpoint,
        channel: values.channel,
        locale: values.locale,
        journey: values.journey
      });
      const loop2 = await this.loops.openForNew(input.id, input.surveyId, input.score, now);
      await this.runHooks({ status: "created", responseId: input.id, surveyId: input.surveyId, loop: loop2, now });
      return "created";
    }
    const existing = await this.executor.first(this.templates.select, { id: input.id });
    if (existing.survey_id !== input.surveyId) {
      throw new HttpError(409, "id_conflict", `id: response "${input.id}" belongs to another survey`);
    }
    if (existing.score !== input.score && now - existing.created_at > SCORE_CHANGE_WINDOW_MS) {
      throw new HttpError(409, "score_locked", "score: can only change within 30 minutes of the first send");
    }
    const merged = mergeInput(existing, input);
    if (MUTABLE_COLUMNS.every((column) => merged[column] === existing[column])) return "unchanged";
    await this.executor.run(this.templates.update, { ...merged, updatedAt: now, id: input.id });
    this.rollups.response(responseFacts(existing), responseFacts(merged));
    const loop = await this.loops.sync({ id: input.id, surveyId: existing.survey_id, score: merged.score, excluded: existing.excluded === 1 }, now);
    await this.runHooks({ status: "updated", responseId: input.id, surveyId: existing.survey_id, loop, now });
    return "updated";
  }
  /** Inserts responses once (an id already stored is left as it is); opens their loops when asked. */
  async insertMany(rows, options) {
    const counts = { inserted: 0, existing: 0 };
    for (const [index, row] of rows.entries()) {
      const values = {
        id: row.id,
        surveyId: row.surveyId,
        score: row.score,
        comment: row.comment,
        consent: row.consent === null ? null : row.consent ? 1 : 0,
        user_id: row.userId,
        email: row.email,
        touchpoint: row.touchpoint,
        channel: row.channel,
        journey: row.journey,
        locale: row.locale,
        page: row.page,
        device: row.device,
        properties: row.properties,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt
      };
      if (await this.executor.run(this.templates.insert, values) === 0) counts.existing++;
      else {
        counts.inserted++;
        this.rollups.response(null, {
          surveyId: row.surveyId,
          createdAt: row.createdAt,
          score: row.score,
          hasComment: row.comment !== null,
          excluded: false,
          touchpoint: row.touchpoint,
          channel: row.channel,
          locale: row.locale,
          journey: row.journey
        });
        if (options.openLoops) await this.loops.sync({ id: row.id, surveyId: row.surveyId, score: row.score, excluded: false }, row.createdAt);
      }
      if ((index + 1) % 1e3 === 0 || index + 1 === rows.length) options.onProgress?.(index + 1);
    }
    return counts;
  }
  /** Marks a response excluded (a test answer: it leaves every figure) or counted again. */
  async setExcluded(id, excluded) {
    const row = await this.executor.db.selectFrom("responses").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || row.excluded === 1 === excluded) return;
    await this.executor.db.updateTable("responses").set({ excluded: excluded ? 1 : 0 }).where("id", "=", id).execute();
    this.rollups.response(responseFacts(row), responseFacts({ ...row, excluded: excluded ? 1 : 0 }));
  }
  /** Deletes responses (their loops, notes and action links go with them); resolves to the rows deleted. */
  async erase(ids) {
    const rows = [];
    for (const chunk of chunks(ids)) {
      rows.push(...await this.executor.db.selectFrom("responses").selectAll().where("id", "in", chunk).execute());
      await this.executor.db.deleteFrom("responses").where("id", "in", chunk).execute();
    }
    for (const row of rows) this.rollups.response(responseFacts(row), null);
    return rows;
  }
  /** Clears the comment and personal data (email, user id, page) of responses; scores and context stay. */
  async clearPersonalData(rows) {
    for (const chunk of chunks(rows.map((row) => row.id))) {
      await this.executor.db.updateTable("responses").set({ comment: null, email: null, user_id: null, page: null }).where("id", "in", chunk).execute();
    }
    for (const row of rows) this.rollups.response(responseFacts(row), responseFacts({ ...row, comment: null }));
  }
  async runHooks(change) {
    if (this.hooks.run.length === 0) return;
    const context = this.hooks.context();
    for (const hook of this.hooks.run) await hook(change, context);
  }
}
const WEBHOOK_EVENTS = ["response.created", "response.updated", "loop.opened", "loop.overdue"];
const NONE = [];
function toWebhook(row) {
  return { id: row.id, url: row.url, events: JSON.parse(row.events), surveyId: row.survey_id, description: row.description, createdAt: row.created_at };
}
function toDelivery(row) {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    type: row.type,
    subjectId: row.subject_id,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at
  };
}
function webhookTemplates(db) {
  return {
    insertDelivery: queryTemplate((value) => db.insertInto("webhook_deliveries").values({
      id: value("id"),
      webhook_id: value("webhookId"),
      type: value("type"),
      subject_id: value("subjectId"),
      payload: value("payload"),
      state: "pending",
      next_attempt_at: value("dueAt"),
      created_at: value("now")
    }))
  };
}
class WebhookRepository {
  constructor(executor, templates, cache) {
    this.executor = executor;
    this.templates = templates;
    this.cache = cache;
  }
  executor;
  templates;
  cache;
  /** Creates a webhook; the secret is returned here only. */
  async create(input, now) {
    const row = {
      id: `wh_${randomBytes(8).toString("hex")}`,
      url: input.url,
      events: JSON.stringify([...new Set(input.events)]),
      survey_id: input.surveyId ?? null,
      description: input.description ?? null,
      secret: input.secret,
      created_at: now
    };
    await this.executor.db.insertInto("webhooks").values(row).execute();
    this.cache.rows = null;
    return toWebhook(row);
  }
  /** Every webhook, oldest first. */
  async list() {
    return (await this.all()).map((subscriber) => toWebhook(subscriber.row));
  }
  /** The webhooks subscribed to an event type of a survey (from the cache: no query on the ingest path). */
  async subscribers(type, surveyId) {
    const all = await this.all();
    if (all.length === 0) return NONE;
    return all.filter((subscriber) => subscriber.events.has(type) && (subscriber.row.survey_id === null || subscriber.row.survey_id === surveyId));
  }
  /** One webhook, or undefined. */
  async get(id) {
    const row = await this.executor.db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toWebhook(row);
  }
  /** Deletes a webhook and its deliveries; false when there was none. */
  async remove(id) {
    const result = await this.executor.db.deleteFrom("webhooks").where("id", "=", id).executeTakeFirst();
    this.cache.rows = null;
    return result.numDeletedRows > 0n;
  }
  /** The URL and secret to deliver with. */
  async target(id) {
    return this.executor.db.selectFrom("webhooks").select(["url", "secret"]).where("id", "=", id).executeTakeFirst();
  }
  /**
   * Queues one delivery per webhook subscribed to the event (and to the survey). The body is built only
   * when someone subscribes; a `null` body is built at the first attempt.
   */
  async enqueue(type, event2, now) {
    const targets = await this.subscribers(type, event2.surveyId);
    if (targets.length === 0) return 0;
    const payload = await event2.payload();
    for (const { row } of targets) {
      await this.executor.run(this.templates.insertDelivery, {
        id: `msg_${randomBytes(12).toString("base64url")}`,
        webhookId: row.id,
        type,
        subjectId: event2.subjectId,
        payload,
        dueAt: event2.dueAt,
        now
      });
    }
    return targets.length;
  }
  /** Pending deliveries due at `now`, oldest due first. */
  async due(now, limit) {
    const rows = await this.executor.db.selectFrom("webhook_deliveries").selectAll().where("state", "=", "pending").where("next_attempt_at", "<=", now).orderBy("next_attempt_at").orderBy("created_at").orderBy("id").limit(limit).execute();
    return rows.map(toDelivery);
  }
  /** Freezes the body a delivery sends on every attempt. */
  async setPayload(id, payload) {
    await this.executor.db.updateTable("webhook_deliveries").set({ payload }).where("id", "=", id).execute();
  }
  /** Records one attempt: success, a retry at `nextAttemptAt`, or giving up when that is null. */
  async recordAttempt(id, attempt, now) {
    const state2 = attempt.ok ? "succeeded" : attempt.nextAttemptAt === null ? "failed" : "pending";
    await this.executor.db.updateTable("webhook_deliveries").set((eb) => ({
      state: state2,
      attempts: eb("attempts", "+", 1),
      last_attempt_at: now,
      last_status: attempt.status,
      last_error: attempt.error,
      next_attempt_at: attempt.ok ? null : attempt.nextAttemptAt,
      delivered_at: attempt.ok ? now : null
    })).where("id", "=", id).execute();
  }
  /** A webhook's delivery log, newest first. */
  async deliveries(webhookId, limit) {
    const rows = await this.executor.db.selectFrom("webhook_deliveries").selectAll().where("webhook_id", "=", webhookId).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map(toDelivery);
  }
  async all() {
    if (this.cache.rows) return this.cache.rows;
    const rows = await this.executor.db.selectFrom("webhooks").selectAll().orderBy("created_at").orderBy("id").execute();
    this.cache.rows = rows.map((row) => ({ row, events: new Set(JSON.parse(row.events)) }));
    return this.cache.rows;
  }
}
class RollupRecorder {
  changes = [];
  /** Where the running job's changes start. */
  jobStart = 0;
  /** A response went from `before` to `after` (null: absent or deleted). */
  response(before, after) {
    this.changes.push({ before, after });
  }
  /** A prompt event was stored. */
  event(facts) {
    this.changes.push({ event: facts });
  }
  /** A write job starts: what it records from now on can still be discarded. */
  beginJob() {
    this.jobStart = this.changes.length;
  }
  /** The job was rolled back: its changes never happened. */
  discardJob() {
    this.changes.length = this.jobStart;
  }
  /** The 15-minute deltas of every change recorded; the recorder is emptied. */
  drainQuarters() {
    const deltas = new RollupDeltas();
    for (const change of this.changes) {
      if (change.event) deltas.addEvent(change.event);
      else deltas.addResponseChange(change.before, change.after);
    }
    this.changes.length = 0;
    this.jobStart = 0;
    return deltas.drainQuarters();
  }
}
function compileTemplates(db) {
  return {
    responses: responseTemplates(db),
    events: eventTemplates(db),
    loops: loopTemplates(db),
    webhooks: webhookTemplates(db),
    insertPending: queryTemplate((value) => db.insertInto("analytics_rollup_pending").values({ deltas: value("deltas") }))
  };
}
function common(executor, shared) {
  const loopSettings = new LoopSettingsRepository(executor, shared.loopSettingsCache);
  return {
    surveys: new SurveyRepository(executor, shared.surveyCache),
    keys: new KeyRepository(executor),
    loops: new LoopRepository(executor, shared.templates.loops, loopSettings, shared.dialect.sql),
    loopQueries: new LoopQueries(executor, shared.dialect.sql),
    actions: new ActionRepository(executor),
    webhooks: new WebhookRepository(executor, shared.templates.webhooks, shared.subscriberCache),
    privacy: new PrivacyRepository(executor)
  };
}
function rootRepositories(executor, shared) {
  return { ...common(executor, shared), responses: new ResponseReads(executor, shared.dialect.sql) };
}
class TransactionContext {
  constructor(executor, shared) {
    this.executor = executor;
    this.shared = shared;
    const parts = common(executor, shared);
    const hooks = { run: shared.ingestHooks, context: () => this.repositories };
    this.repositories = {
      ...parts,
      responses: new ResponseWriter(executor, shared.dialect.sql, shared.templates.responses, parts.loops, this.rollups, hooks),
      events: new EventWriter(executor, shared.templates.events, this.rollups)
    };
  }
  executor;
  shared;
  rollups = new RollupRecorder();
  repositories;
  /** Stores the recorded rollup deltas; call last, inside the transaction. */
  async finish() {
    await storePendingDeltas(this.executor, this.shared.templates.insertPending, this.rollups);
  }
}
async function runJobs(context, batch) {
  const { executor, rollups, repositories } = context;
  const outcomes = [];
  for (const item of batch) {
    await executor.savepoint();
    rollups.beginJob();
    try {
      const value = await item.job(repositories);
      await executor.releaseSavepoint();
      outcomes.push({ ok: true, value });
    } catch (error) {
      rollups.discardJob();
      await executor.rollbackToSavepoint();
      await executor.releaseSavepoint();
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
function createWriteQueue(runBatch, options = {}) {
  const windowMs = options.windowMs ?? 0;
  const maxBatch = options.maxBatch ?? 1e3;
  let queue = [];
  let timer = null;
  let writing = null;
  function schedule() {
    if (timer || writing) return;
    timer = windowMs > 0 ? setTimeout(writeNow, windowMs) : setImmediate(writeNow);
  }
  function writeNow() {
    if (timer && windowMs > 0) clearTimeout(timer);
    else if (timer) clearImmediate(timer);
    timer = null;
    if (writing || queue.length === 0) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    writing = writeBatch(batch).finally(() => {
      writing = null;
      if (queue.length >= maxBatch) writeNow();
      else if (queue.length > 0) schedule();
    });
  }
  async function writeBatch(batch) {
    const started = process.hrtime.bigint();
    let outcomes = [];
    try {
      await runBatch(async (context) => {
        outcomes = await runJobs(context, batch);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    options.onBatch?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
  return {
    run(job) {
      return new Promise((resolve2, reject) => {
        queue.push({ job, resolve: resolve2, reject });
        if (queue.length >= maxBatch) writeNow();
        else schedule();
      });
    },
    async flush() {
      while (writing || queue.length > 0) {
        if (!writing) writeNow();
        await writing;
      }
    },
    get pending() {
      return queue.length;
    }
  };
}
async function openDatabase(options) {
  const dialect = openSqliteDialect({ path: options.path, sync: options.sync, backgroundCheckpoints: options.backgroundCheckpoints });
  const shared = {
    dialect,
    templates: compileTemplates(dialect.db),
    surveyCache: new SurveyCache(),
    loopSettingsCache: /* @__PURE__ */ new Map(),
    subscriberCache: { rows: null },
    ingestHooks: options.ingestHooks ?? []
  };
  const inTransaction = (work, open = dialect.transaction) => open(async (executor) => {
    const context = new TransactionContext(executor, shared);
    const result = await work(context);
    await context.finish();
    return result;
  });
  const queue = createWriteQueue((work) => inTransaction(work), options);
  const fold = () => foldPendingDeltas(dialect);
  const foldTimer = options.foldIntervalMs === 0 ? null : setInterval(() => fold().catch(() => 0), options.foldIntervalMs ?? 1e3);
  foldTimer?.unref();
  const erasing = {
    erasingTransaction: (work) => inTransaction((context) => work(context.repositories), (run) => dialect.erasingTransaction(run)),
    flushErasure: () => dialect.flushErasure()
  };
  let closed = false;
  return {
    ...rootRepositories(dialect.root, shared),
    engine: dialect.name,
    schemaVersion: dialect.schemaVersion,
    analytics: {
      raw: new RawCounts(dialect.db, dialect.sql),
      rollups: new RollupReader(dialect.db, dialect.sql),
      responses: new ResponseList(dialect.db, dialect.sql),
      huddle: new HuddleReads(dialect.db),
      fold
    },
    ingestResponse: (input, now = Date.now()) => queue.run((tx) => tx.responses.ingest(input, now)),
    ingestEvent: (input, now = Date.now()) => queue.run((tx) => tx.events.ingest(input, now)),
    write: (job) => queue.run(job),
    transaction: (work) => inTransaction((context) => work(context.repositories)),
    eraseRespondent: (who) => eraseRespondent(erasing, who),
    purgeExpired: (retentionDays, now) => purgeExpired(erasing, retentionDays, now),
    async rebuildRollups(onProgress) {
      const counts = await rebuildRollups(dialect, onProgress);
      return { ...counts, rollupRows: await countRollupRows(dialect) };
    },
    ping: () => closed ? Promise.resolve(false) : dialect.ping(),
    get pendingWrites() {
      return queue.pending;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.flush();
      if (foldTimer) clearInterval(foldTimer);
      await fold();
      await dialect.close();
    }
  };
}
function oneOrMany(schema, max) {
  return z.union([schema, z.array(schema).max(max, { error: `must be given at most ${max} times` })]).optional().transform((value) => value === void 0 ? void 0 : [value].flat());
}
const booleanText = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");
const ACTION_STATES = ["proposed", "in_progress", "done", "dropped"];
const ACTION_TRANSITIONS = {
  proposed: ["in_progress", "dropped"],
  in_progress: ["done", "dropped"],
  done: ["in_progress"],
  dropped: ["proposed"]
};
function isActionOverdue(action, now) {
  if (!action.dueDate || action.state === "done" || action.state === "dropped") return false;
  return now >= Date.parse(`${action.dueDate}T00:00:00Z`) + 864e5;
}
const state$1 = z.enum(ACTION_STATES, { error: `must be one of ${ACTION_STATES.join(", ")}` });
const person$1 = plainText(100).min(1, { error: "must not be empty" });
const dueDate = z.iso.date({ error: "must be a date such as 2026-03-31" });
const fields = {
  title: plainText(200).min(1, { error: "must not be empty" }),
  description: plainText(5e3).nullable().optional(),
  owner: person$1.nullable().optional(),
  state: state$1.optional(),
  dueDate: dueDate.nullable().optional(),
  responseIds: z.array(clientId).max(200, { error: "must have at most 200 ids" }).optional(),
  themes: z.array(plainText(100).min(1)).max(20, { error: "must have at most 20 themes" }).optional()
};
const createSchema$1 = z.strictObject({ surveyId: slug, ...fields });
const patchSchema = z.strictObject({ ...fields, title: fields.title.optional() }).refine((body) => Object.values(body).some((value) => value !== void 0), { error: "must change at least one field" });
const paramsSchema$1 = z.strictObject({ id: z.string().regex(/^act_[0-9a-f]{16}$/, { error: "must be an action id (act_…)" }) });
const listQuerySchema = z.strictObject({
  surveyId: slug.optional(),
  state: oneOrMany(state$1, 4),
  owner: person$1.optional()
});
const actionSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  state: state$1,
  dueDate: z.string().nullable(),
  responseIds: z.array(z.string()),
  themes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
  overdue: z.boolean()
});
async function actionRoutes(app, options) {
  const now = options.now ?? Date.now;
  const { actions } = options;
  const tags = ["actions"];
  const notFound = (id) => new HttpError(404, "action_not_found", `id: no action with id "${id}"`);
  app.post("/v1/actions", {
    schema: { summary: "Create an improvement action (state proposed unless given)", tags, body: createSchema$1, response: { 201: actionSchema } },
    config: { access: "admin" }
  }, async (request2, reply) => {
    const body = request2.body;
    if (!await options.surveys.get(body.surveyId)) throw surveyNotFound(body.surveyId);
    if (body.state && body.state !== "proposed" && body.state !== "in_progress") {
      throw new HttpError(400, "invalid_request", "state: a new action is proposed or in_progress");
    }
    return reply.code(201).send(await actions.create(body, now()));
  });
  app.get("/v1/actions", {
    schema: { summary: "List actions: dated ones first, soonest due first", tags, querystring: listQuerySchema, response: { 200: z.object({ actions: z.array(actionSchema) }) } },
    config: { access: "read" }
  }, async (request2) => ({ actions: await actions.list(request2.query, now()) }));
  app.get("/v1/actions/:id", {
    schema: { summary: "Read an action", tags, params: paramsSchema$1, response: { 200: actionSchema } },
    config: { access: "read" }
  }, async (request2) => {
    const { id } = request2.params;
    return await actions.get(id, now()) ?? Promise.reject(notFound(id));
  });
  app.patch("/v1/actions/:id", {
    schema: {
      summary: "Update an action; state moves proposed → in_progress → done, or to dropped (409 invalid_transition otherwise)",
      tags,
      params: paramsSchema$1,
      body: patchSchema,
      response: { 200: actionSchema }
    },
    config: { access: "admin" }
  }, async (request2) => {
    const { id } = request2.params;
    return await actions.update(id, request2.body, now()) ?? Promise.reject(notFound(id));
  });
}
function canTransition(table, from, to) {
  return from === to || table[from].includes(to);
}
function assertTransition(table, from, to, field = "status") {
  if (canTransition(table, from, to)) return;
  const allowed = table[from].length ? table[from].join(", ") : "none";
  throw new HttpError(409, "invalid_transition", `${field}: cannot go from "${from}" to "${to}" (allowed from "${from}": ${allowed})`);
}
function actionView(action, now) {
  const view = {
    id: action.id,
    surveyId: action.surveyId,
    title: action.title,
    description: action.description,
    owner: action.owner,
    state: action.state,
    dueDate: action.dueDate,
    responseIds: action.responseIds,
    themes: action.themes,
    createdAt: new Date(action.createdAt).toISOString(),
    updatedAt: new Date(action.updatedAt).toISOString(),
    doneAt: action.doneAt === null ? null : new Date(action.doneAt).toISOString()
  };
  return { ...view, overdue: isActionOverdue(view, now) };
}
async function linkResponses(tx, actionId, surveyId, responseIds) {
  const foreign = [];
  for (const id of responseIds) if (await tx.responses.surveyOf(id) !== surveyId) foreign.push(id);
  if (foreign.length) throw new HttpError(400, "invalid_request", `responseIds: no response of survey "${surveyId}" with id ${foreign.slice(0, 5).map((id) => `"${id}"`).join(", ")}`);
  await tx.actions.link(actionId, responseIds);
}
async function createAction(tx, input, now) {
  const id = `act_${randomBytes(8).toString("hex")}`;
  await tx.actions.insert(id, input.surveyId, {
    title: input.title,
    description: input.description ?? null,
    owner: input.owner ?? null,
    state: input.state ?? "proposed",
    dueDate: input.dueDate ?? null,
    themes: input.themes ?? [],
    updatedAt: now,
    doneAt: input.state === "done" ? now : null
  }, now);
  await linkResponses(tx, id, input.surveyId, input.responseIds ?? []);
  return await tx.actions.get(id);
}
async function updateAction(tx, id, patch, now) {
  const current = await tx.actions.get(id);
  if (!current) return void 0;
  const state2 = patch.state ?? current.state;
  assertTransition(ACTION_TRANSITIONS, current.state, state2, "state");
  const pick = (value, stored) => value === void 0 ? stored : value;
  const fields2 = {
    title: pick(patch.title, current.title),
    description: pick(patch.description, current.description),
    owner: pick(patch.owner, current.owner),
    state: state2,
    dueDate: pick(patch.dueDate, current.dueDate),
    themes: pick(patch.themes, current.themes),
    updatedAt: now,
    doneAt: state2 === "done" ? current.state === "done" ? current.doneAt : now : null
  };
  await tx.actions.update(id, fields2);
  if (patch.responseIds) await linkResponses(tx, id, current.surveyId, patch.responseIds);
  return tx.actions.get(id);
}
function createActionService(database) {
  return {
    /** Creates an action and returns it as the API shows it. */
    create: async (input, now) => actionView(await database.transaction((tx) => createAction(tx, input, now)), now),
    /** One action, or undefined. */
    async get(id, now) {
      const action = await database.actions.get(id);
      return action && actionView(action, now);
    },
    /** Actions matching the filter: due first (soonest first), then undated, oldest first. */
    list: async (filter, now) => (await database.actions.list(filter)).map((action) => actionView(action, now)),
    /** Applies a partial update; undefined when the action does not exist. */
    async update(id, patch, now) {
      const action = await database.transaction((tx) => updateAction(tx, id, patch, now));
      return action && actionView(action, now);
    }
  };
}
const DEFAULT_RAW_SCAN_LIMIT = 5e5;
function createAnalyticsQueries(reads, options = {}) {
  const rawScanLimit = options.rawScanLimit ?? DEFAULT_RAW_SCAN_LIMIT;
  async function guardRawScan(surveyId, ranges) {
    if (ranges.length === 0) return;
    const all = await countRanges({ surveyId, dims: {}, properties: [] }, ranges, true);
    const answers = all.reduce((sum, counters) => sum + counters.slice(0, 11).reduce((a, b) => a + b, 0), 0);
    if (answers > rawScanLimit) {
      throw new HttpError(400, "invalid_request", `from: property filters and two dimensions at once are counted from the raw answers, and this range holds ${answers.toLocaleString("en")} (at most ${rawScanLimit.toLocaleString("en")}); narrow from/to`);
    }
  }
  async function countRanges(filter, ranges, scoresOnly = false) {
    const totals = ranges.map(() => emptyCounters());
    const selector = rollupSelector(filter);
    const rawRanges = [];
    const pieces = [];
    if (!selector) await guardRawScan(filter.surveyId, ranges);
    ranges.forEach((range, key) => {
      if (!selector) return rawRanges.push({ ...range, key });
      const plan = planRange(range.from, range.to);
      for (const piece of plan.pieces) pieces.push({ ...piece, key });
      for (const edge of plan.raw) rawRanges.push({ ...edge, key });
    });
    if (selector && pieces.length > 0) {
      for (const [key, sums] of await reads.rollups.sumByKey(filter.surveyId, selector.dim, selector.value, pieces, scoresOnly)) addCounters(totals[key], sums);
    }
    for (const [key, counters] of await reads.raw.countByKey(filter, rawRanges)) addCounters(totals[key], counters);
    return totals;
  }
  const rangeOf = (filter) => ({ from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO });
  return {
    countRanges,
    guardRawScan,
    /** The figure with distribution, comment rate and response rate. */
    async summary(filter) {
      const [counters] = await countRanges(filter, [rangeOf(filter)]);
      return summaryOf(counters, eventsAttributable(filter));
    },
    /** One figure per local calendar bucket covering `[from, to)`; the first and last count only their part inside. */
    async trend(filter, interval2, timeZone) {
      const buckets = localBuckets(interval2, timeZone, filter.from, filter.to);
      const ranges = buckets.map((bucket) => ({ from: Math.max(bucket.start, filter.from), to: Math.min(bucket.end, filter.to) }));
      const counts = await countRanges(filter, ranges, true);
      return buckets.map((bucket, index) => ({ start: bucket.label, ...figureOf(counts[index]) }));
    },
    /** Counters per segment value (`''` when the answer has none). */
    async segmentCounts(filter, by) {
      const range = rangeOf(filter);
      const dim = by;
      const otherDims = Object.keys(filter.dims).filter((name) => name !== dim);
      if (by.startsWith("property.") || filter.properties.length > 0 || otherDims.length > 0) {
        await guardRawScan(filter.surveyId, [range]);
        const grouping = by.startsWith("property.") ? { property: by.slice(9) } : { column: dim };
        return reads.raw.countByValue(filter, [{ ...range, key: 0 }], grouping);
      }
      const plan = planRange(range.from, range.to);
      const totals = /* @__PURE__ */ new Map();
      const pieces = plan.pieces.map((piece) => ({ ...piece, key: 0 }));
      if (pieces.length > 0) {
        for (const [value, sums] of await reads.rollups.sumByValue(filter.surveyId, dim, pieces)) totals.set(value, addCounters(emptyCounters(), sums));
      }
      const edges = plan.raw.map((edge) => ({ ...edge, key: 0 }));
      for (const [value, counters] of await reads.raw.countByValue(filter, edges, { column: dim })) {
        totals.set(value, addCounters(totals.get(value) ?? emptyCounters(), counters));
      }
      const only = filter.dims[dim];
      if (only !== void 0) {
        for (const value of totals.keys()) if (value !== only) totals.delete(value);
      }
      return totals;
    },
    /** The figures of two filters and their two-sample z-test (difference = b − a). */
    async compare(a, b) {
      const [countsA] = await countRanges(a, [rangeOf(a)]);
      const [countsB] = await countRanges(b, [rangeOf(b)]);
      const comparison = compareNps(countsFromDistribution(countsA.slice(0, 11)), countsFromDistribution(countsB.slice(0, 11)));
      return { a: figureOf(countsA), b: figureOf(countsB), ...comparison };
    }
  };
}
function csvField(value) {
  if (value === null || value === void 0) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvLine(values) {
  return `${values.map(csvField).join(",")}\r
`;
}
const RESPONSE_FIELDS = [
  "id",
  "surveyId",
  "score",
  "comment",
  "consent",
  "userId",
  "email",
  "touchpoint",
  "channel",
  "journey",
  "locale",
  "page",
  "device",
  "properties",
  "createdAt",
  "updatedAt"
];
function responseView(response) {
  return {
    id: response.id,
    surveyId: response.surveyId,
    score: response.score,
    comment: response.comment,
    consent: response.consent,
    userId: response.userId,
    email: response.email,
    touchpoint: response.touchpoint,
    channel: response.channel,
    journey: response.journey,
    locale: response.locale,
    page: response.page,
    device: response.device,
    properties: response.properties,
    createdAt: new Date(response.createdAt).toISOString(),
    updatedAt: new Date(response.updatedAt).toISOString()
  };
}
const PAGE_SIZE = 1e3;
async function* exportResponses(responses, filter, format) {
  if (format === "csv") yield csvLine(RESPONSE_FIELDS);
  for (let after = null; ; ) {
    const page2 = await responses.exportPage(filter, after, PAGE_SIZE);
    if (page2.length === 0) return;
    let chunk = "";
    for (const response of page2) {
      const view = responseView(response);
      chunk += format === "csv" ? csvLine(RESPONSE_FIELDS.map((field) => view[field])) : `${JSON.stringify(view)}
`;
    }
    yield chunk;
    const last = page2[page2.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
    await setImmediate$1();
  }
}
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each even ever every few for from further get
got had has have having he her here hers herself him himself his how i if in into is it its itself just let lets me
more most much my myself no nor not now of off on once only or other our ours ourselves out over own really same she
should so some such than that the their theirs them themselves then there these they this those through to too under
until up us very was we were what when where which while who whom why will with would you your yours yourself
yourselves im ive dont didnt doesnt isnt wasnt cant wont its thats theres thing things one still well yes ok okay`;
const DUTCH = `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw kan kon
kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen
toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zei zelf zich
zij zijn zo zonder zou erg echt heel gewoon even allemaal daarom waar wanneer welke`;
const STOP_WORDS = new Set(`${ENGLISH} ${DUTCH}`.split(/\s+/).filter(Boolean));
function isStopWord(folded) {
  return folded.length < 2 || STOP_WORDS.has(folded) || new RegExp("^\\p{N}+$", "u").test(folded);
}
const GROUP_KEY = { detractor: "detractors", passive: "passives", promoter: "promoters" };
function commentTerms(comment) {
  const terms = /* @__PURE__ */ new Set();
  for (const clause of comment.split(/[.,;:!?()[\]{}"“”«»…\r\n\t]+|\s[-–—]\s/)) {
    let previous = null;
    for (const word of foldedWords(clause)) {
      if (isStopWord(word)) {
        previous = null;
        continue;
      }
      terms.add(word);
      if (previous) terms.add(`${previous} ${word}`);
      previous = word;
    }
  }
  return terms;
}
class ThemeCounter {
  constructor(group2) {
    this.group = group2;
  }
  group;
  tallies = /* @__PURE__ */ new Map();
  groupComments = 0;
  /** Adds one comment. */
  add({ score, comment }) {
    const group2 = scoreGroup(score);
    const inGroup = this.group === null || this.group === group2;
    if (inGroup) this.groupComments++;
    for (const term of commentTerms(comment)) {
      let tally = this.tallies.get(term);
      if (!tally) {
        tally = { inGroup: 0, groups: { promoters: 0, passives: 0, detractors: 0 } };
        this.tallies.set(term, tally);
      }
      if (inGroup) tally.inGroup++;
      tally.groups[GROUP_KEY[group2]]++;
    }
  }
  /**
   * The top terms by mentions in the group (at least two), phrases before the
   * single words they fully account for; each with its share of the group's
   * comments and the NPS figure of every comment mentioning it.
   */
  top(limit = 20) {
    const recurring = [...this.tallies.entries()].filter(([, tally]) => tally.inGroup >= 2);
    const phraseCountsByWord = /* @__PURE__ */ new Map();
    for (const [term, tally] of recurring) {
      if (!term.includes(" ")) continue;
      for (const word of term.split(" ")) (phraseCountsByWord.get(word) ?? phraseCountsByWord.set(word, /* @__PURE__ */ new Set()).get(word)).add(tally.inGroup);
    }
    const subsumed = (word, count) => phraseCountsByWord.get(word)?.has(count) ?? false;
    return recurring.filter(([term, tally]) => term.includes(" ") || !subsumed(term, tally.inGroup)).sort(([termA, a], [termB, b]) => b.inGroup - a.inGroup || termB.split(" ").length - termA.split(" ").length || termA.localeCompare(termB)).slice(0, limit).map(([term, tally]) => ({
      term,
      kind: term.includes(" ") ? "phrase" : "word",
      count: tally.inGroup,
      share: Math.round(tally.inGroup / this.groupComments * 1e4) / 1e4,
      ...npsFigure(tally.groups)
    }));
  }
  /** How many comments of the group were read. */
  get comments() {
    return this.groupComments;
  }
}
const THEME_COMMENT_LIMIT = 25e3;
async function themeReport(responses, filter, group2, limit = 20) {
  const comments = await responses.comments(filter, THEME_COMMENT_LIMIT + 1);
  const counter = new ThemeCounter(group2);
  for (const row of comments.slice(0, THEME_COMMENT_LIMIT)) counter.add(row);
  return { group: group2, comments: counter.comments, truncated: comments.length > THEME_COMMENT_LIMIT, themes: counter.top(limit) };
}
const GROUP_SCORES = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] };
function createAnalyticsService(reads, options = {}) {
  const queries = createAnalyticsQueries(reads, options);
  const range = (filter) => ({ from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO });
  return {
    /** The figure with distribution, comment rate and response rate. */
    async summary(filter) {
      await reads.fold();
      return queries.summary(filter);
    },
    /** One figure per local calendar bucket. */
    async trend(...args) {
      await reads.fold();
      return queries.trend(...args);
    },
    /** Counters per segment value. */
    async segmentCounts(...args) {
      await reads.fold();
      return queries.segmentCounts(...args);
    },
    /** Two figures and whether they differ significantly. */
    async compare(a, b) {
      await reads.fold();
      return queries.compare(a, b);
    },
    /**
     * Responses newest first, filtered and paginated. The list walks the time index and tests filters row by
     * row, so a dimension value with no answers is answered from the rollups at once, and filters rollups
     * cannot count are held to the raw-scan limit.
     */
    async listResponses(filter, list) {
      await reads.fold();
      const selector = rollupSelector(filter);
      if (!selector) await queries.guardRawScan(filter.surveyId, [range(filter)]);
      else if (selector.dim !== "*" && (await queries.countRanges(filter, [range(filter)], true))[0].every((count) => count === 0)) {
        return { responses: [], nextCursor: null };
      }
      const [low, high] = list.group ? GROUP_SCORES[list.group] : [0, 10];
      const scores = list.group || list.score !== void 0 ? [Math.max(low, list.score ?? low), Math.min(high, list.score ?? high)] : void 0;
      const page2 = await reads.responses.list(filter, {
        scores,
        hasComment: list.hasComment,
        loopState: list.status,
        words: list.words,
        before: list.after,
        limit: list.limit
      });
      return {
        responses: page2.responses.map((response) => ({ ...responseView(response), group: scoreGroup(response.score) })),
        nextCursor: page2.next && encodeCursor(page2.next)
      };
    },
    /** Recurring terms in comments (filters rollups cannot count are held to the raw-scan limit). */
    async themes(filter, group2, limit) {
      if (!rollupSelector(filter)) {
        await reads.fold();
        await queries.guardRawScan(filter.surveyId, [range(filter)]);
      }
      return themeReport(reads.responses, filter, group2, limit);
    },
    /** The export as a stream of text chunks. */
    exportResponses: (filter, format) => exportResponses(reads.responses, filter, format),
    /** When the survey's first response arrived (UTC ms), or null. */
    firstResponseAt: (surveyId) => reads.responses.firstResponseAt(surveyId)
  };
}
const HUDDLE_DIMENSIONS = ["touchpoint", "channel", "journey", "locale"];
const MIN_SEGMENT_N = 5;
const emptyCounts = () => ({ promoters: 0, passives: 0, detractors: 0 });
function addScore(counts, score, count) {
  if (score >= 9) counts.promoters += count;
  else if (score >= 7) counts.passives += count;
  else counts.detractors += count;
}
function createHuddleFigures(reads) {
  async function segmentCounts(dim, surveyId, range) {
    const result = /* @__PURE__ */ new Map();
    for (const row of await reads.segmentScoreCounts(dim, surveyId, range)) {
      addScore(result.get(row.value) ?? result.set(row.value, emptyCounts()).get(row.value), row.score, row.count);
    }
    return result;
  }
  return {
    /** Group counts of a period. */
    async counts(surveyId, range) {
      const counts = emptyCounts();
      for (const row of await reads.scoreCounts(surveyId, range)) addScore(counts, row.score, row.count);
      return counts;
    },
    /** The segment whose NPS changed most between the periods (both with at least MIN_SEGMENT_N answers), or null. */
    async segmentThatMovedMost(surveyId, previous, current) {
      let best = null;
      for (const dim of HUDDLE_DIMENSIONS) {
        const before = await segmentCounts(dim, surveyId, previous);
        for (const [value, now] of await segmentCounts(dim, surveyId, current)) {
          const then = before.get(value);
          if (!then || npsFigure(then).n < MIN_SEGMENT_N || npsFigure(now).n < MIN_SEGMENT_N) continue;
          const change = compareNps(then, now);
          if (best === null || Math.abs(change.difference ?? 0) > Math.abs(best.change.difference ?? 0)) {
            best = { by: dim, value, previous: npsFigure(then), current: npsFigure(now), change };
          }
        }
      }
      return best;
    },
    /** The period's comments with their scores, newest first. */
    comments: (surveyId, range) => reads.comments(surveyId, range, 2e4)
  };
}
const DAY = 864e5;
function period(timeZone, fromWall, toWall) {
  const from = wallToUtc(timeZone, fromWall);
  const to = wallToUtc(timeZone, toWall);
  return { from, to, fromLocal: formatInZone(timeZone, from), toLocal: formatInZone(timeZone, to) };
}
function huddlePeriods(now, days, timeZone) {
  const wall = localWallMs(timeZone, now);
  const todayWall = wall - (wall % DAY + DAY) % DAY;
  return {
    current: period(timeZone, todayWall - days * DAY, todayWall),
    previous: period(timeZone, todayWall - 2 * days * DAY, todayWall - days * DAY)
  };
}
function huddleThemes(comments, group2, limit = 3, quotes = 2) {
  const counter = new ThemeCounter(group2);
  const inGroup = comments.filter((row) => scoreGroup(row.score) === group2);
  for (const row of inGroup) counter.add(row);
  const used = /* @__PURE__ */ new Set();
  return counter.top(limit).map((theme) => {
    const picked = [];
    for (const pass of [false, true]) {
      for (const row of inGroup) {
        if (picked.length >= quotes) break;
        if (picked.includes(row.comment) || !pass && used.has(row.comment) || !commentTerms(row.comment).has(theme.term)) continue;
        picked.push(row.comment);
      }
    }
    picked.forEach((quote) => used.add(quote));
    return { term: theme.term, count: theme.count, quotes: picked };
  });
}
const TEAM_QUESTIONS = [
  "What did we learn from customers in this period?",
  "Which improvement do we pick, and who owns it?",
  "What do staff need to serve customers better?"
];
function changeVerdict(change) {
  if (change.difference === null) return "not enough data";
  if (!change.significant) return "no significant change";
  return change.difference > 0 ? "up" : "down";
}
function createHuddleReport(database, services) {
  const figures = createHuddleFigures(database.analytics.huddle);
  return async function huddle(survey, options) {
    const { current, previous } = huddlePeriods(options.now, options.days, options.timeZone);
    const currentCounts = await figures.counts(survey.id, current);
    const previousCounts = await figures.counts(survey.id, previous);
    const change = compareNps(previousCounts, currentCounts);
    const comments = await figures.comments(survey.id, current);
    const open = (await services.loops.list({ surveyId: survey.id, state: ["open"], limit: 500 }, options.now)).loops;
    const overdue = open.filter((loop) => loop.overdue);
    const periodLoops = await services.loops.figures(survey.id, current, options.now);
    const slaHours = periodLoops.withinSla.slaHours;
    const inPlay = (await services.actions.list({ surveyId: survey.id }, options.now)).filter((action) => action.state === "proposed" || action.state === "in_progress" || action.doneAt !== null && Date.parse(action.doneAt) >= current.from);
    return {
      surveyId: survey.id,
      surveyName: survey.name,
      days: options.days,
      tz: options.timeZone,
      period: { from: current.fromLocal, to: current.toLocal },
      previousPeriod: { from: previous.fromLocal, to: previous.toLocal },
      figure: npsFigure(currentCounts),
      previousFigure: npsFigure(previousCounts),
      change: { ...change, verdict: changeVerdict(change) },
      segmentMovedMost: await figures.segmentThatMovedMost(survey.id, previous, current),
      themes: { detractor: huddleThemes(comments, "detractor"), promoter: huddleThemes(comments, "promoter") },
      loops: {
        open: open.length,
        overdue: overdue.length,
        slaHours,
        openedInPeriod: periodLoops.byState.open + periodLoops.byState.contacted + periodLoops.byState.resolved + periodLoops.byState.closed,
        withinSla: periodLoops.withinSla,
        overdueLoops: overdue.slice(0, 10).map((loop) => ({
          responseId: loop.responseId,
          openedAt: loop.openedAt,
          assignee: loop.assignee,
          score: loop.response.score,
          comment: loop.response.comment
        }))
      },
      actions: inPlay.map((action) => ({ id: action.id, title: action.title, owner: action.owner, state: action.state, dueDate: action.dueDate, overdue: action.overdue })),
      questions: [...TEAM_QUESTIONS]
    };
  };
}
const SPECIAL = /[\\`*_{}[\]<>#|~]/g;
const LIST_MARKER = /^([-+]|\d+[.)])(?=\s)/;
function escapeMarkdown(text, maxLength = 280) {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const bounded = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1).trimEnd()}…` : oneLine;
  return bounded.replace(SPECIAL, (character) => `\\${character}`).replace(LIST_MARKER, "\\$1").replace(/@/g, "@⁠");
}
function signed(value) {
  if (value === 0) return "0.0";
  return `${value > 0 ? "+" : "−"}${Math.abs(value).toFixed(1)}`;
}
const day = (iso2) => iso2.slice(0, 10);
function figureText(figure) {
  if (figure.nps === null || figure.interval === null) return "no answers";
  return `${signed(figure.nps)} (n = ${figure.n}, 95% interval ${signed(figure.interval.low)} to ${signed(figure.interval.high)})`;
}
function changeText(digest) {
  const { change } = digest;
  if (change.difference === null || change.p === null) return "No comparison: one of the periods has no answers.";
  const p = `p = ${change.p.toFixed(3)}`;
  if (!change.significant) return `Change ${signed(change.difference)} points is **not significant** (${p}): read it as noise, not a trend.`;
  return `Change ${signed(change.difference)} points is **significant** (${p}): the score went ${change.difference > 0 ? "up" : "down"}.`;
}
function themeLines(title, themes) {
  if (themes.length === 0) return [`**${title}:** no recurring themes yet.`];
  return [`**${title}**`, ...themes.flatMap((theme) => [
    `- ${escapeMarkdown(theme.term)} (${theme.count} comments)`,
    ...theme.quotes.map((quote) => `  > ${escapeMarkdown(quote, 200)}`)
  ])];
}
function huddleMarkdown(digest) {
  const moved = digest.segmentMovedMost;
  const lastDay = new Date(Date.parse(digest.period.to) - 1).toISOString();
  const lines = [
    `### NPS huddle: ${escapeMarkdown(digest.surveyName, 100)}`,
    `Last ${digest.days} day${digest.days === 1 ? "" : "s"}: ${day(digest.period.from)} to ${day(lastDay)} (${escapeMarkdown(digest.tz)})`,
    "",
    `**NPS ${figureText(digest.figure)}**`,
    `Previous ${digest.days} days: ${figureText(digest.previousFigure)}. ${changeText(digest)}`,
    "",
    moved ? `**Moved most:** ${moved.by} ${escapeMarkdown(moved.value)}, ${signed(moved.previous.nps)} → ${signed(moved.current.nps)} (n ${moved.previous.n} → ${moved.current.n}), ${moved.change.significant ? "significant" : "not significant"}.` : "**Moved most:** no segment has enough answers in both periods.",
    "",
    ...themeLines("What detractors talk about", digest.themes.detractor),
    "",
    ...themeLines("What promoters talk about", digest.themes.promoter),
    "",
    `**Close the loop:** ${digest.loops.open} open, ${digest.loops.overdue} overdue (SLA ${digest.loops.slaHours} h)` + (digest.loops.withinSla.share === null ? "." : `; ${Math.round(digest.loops.withinSla.share * 100)}% of this period's loops contacted within the SLA.`),
    ...digest.loops.overdueLoops.slice(0, 5).map((loop) => `- score ${loop.score}, opened ${day(loop.openedAt)}, ${loop.assignee ? `owner ${escapeMarkdown(loop.assignee, 60)}` : "no owner"}${loop.comment ? `: "${escapeMarkdown(loop.comment, 160)}"` : ""}`),
    ...digest.loops.overdue > 5 ? [`- …and ${digest.loops.overdue - 5} more overdue`] : [],
    "",
    digest.actions.length ? "**Actions**" : "**Actions:** none yet.",
    ...digest.actions.map((action) => `- [${action.state.replace("_", " ")}] ${escapeMarkdown(action.title, 200)}, ${action.owner ? `owner ${escapeMarkdown(action.owner, 60)}` : "**no owner**"}${action.dueDate ? `, due ${action.dueDate}${action.overdue ? " (overdue)" : ""}` : ""}`),
    "",
    "**Questions for the team**",
    ...digest.questions.map((question, index) => `${index + 1}. ${question}`)
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}
`;
}
const querySchema$1 = z.strictObject({
  days: z.coerce.number().int().min(1).max(92, { error: "must be a whole number of days from 1 to 92" }).default(7),
  tz: z.string().max(64).refine(isTimeZone, { error: "must be an IANA time zone such as Europe/Amsterdam" }).default("UTC"),
  format: z.enum(["json", "md"], { error: "must be json or md" }).default("json")
});
async function huddleRoutes(app, options) {
  const now = options.now ?? Date.now;
  const { report } = options;
  app.get("/v1/surveys/:id/huddle", {
    schema: {
      summary: "The huddle digest: NPS and whether it changed significantly, the segment that moved most, themes with quotes, loops, actions, questions",
      description: "The last `days` complete local days in `tz`, against the `days` before. `format=md` returns Markdown for a chat tool.",
      tags: ["huddle"],
      params: surveyParamsSchema,
      querystring: querySchema$1
    },
    config: { access: "read" }
  }, async (request2, reply) => {
    const { id } = request2.params;
    const query = request2.query;
    const survey = await options.surveys.get(id);
    if (!survey) throw surveyNotFound(id);
    const digest = await report(survey, { days: query.days, timeZone: query.tz, now: now() });
    if (query.format === "md") return reply.type("text/markdown; charset=utf-8").send(huddleMarkdown(digest));
    return digest;
  });
}
function encodeLoopCursor(position) {
  return Buffer.from(`${position.openedAt}:${position.responseId}`).toString("base64url");
}
function decodeLoopCursor(cursor) {
  const match = /^(-?\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? { openedAt: Number(match[1]), responseId: match[2] } : null;
}
const loopSettingsPatchSchema = z.strictObject({
  detractorThreshold: z.number().int().min(0).max(6, { error: "must be an integer from 0 to 6" }).optional(),
  includePassives: z.boolean().optional(),
  slaHours: z.number().int().min(1).max(24 * 90, { error: "must be an integer from 1 to 2160" }).optional(),
  closeReasons: z.array(slug).min(1).max(30, { error: "must have 1 to 30 reasons" }).optional()
});
const loopSettingsSchema = z.object({
  surveyId: z.string(),
  detractorThreshold: z.number(),
  includePassives: z.boolean(),
  slaHours: z.number(),
  closeReasons: z.array(z.string())
});
const LOOP_STATES = ["open", "contacted", "resolved", "closed"];
const LOOP_TRANSITIONS = {
  open: ["contacted", "closed"],
  contacted: ["resolved", "closed"],
  resolved: ["open"],
  closed: ["open"]
};
function isContactable(response) {
  return Boolean(response.consent) && Boolean(response.email || response.userId);
}
function isOverdue(loop, slaHours, now) {
  return loop.state === "open" && now - loop.openedAt > slaHours * 36e5;
}
function transitionLoop(loop, to, now, options) {
  assertTransition(LOOP_TRANSITIONS, loop.state, to);
  if (to === "closed" && loop.state !== "closed") {
    if (!options.closeReason) throw new HttpError(400, "invalid_request", 'closeReason: required when status is "closed"');
  }
  if (options.closeReason !== void 0 && to !== "closed") {
    throw new HttpError(400, "invalid_request", 'closeReason: only allowed with status "closed"');
  }
  if (options.closeReason !== void 0 && !options.closeReasons.includes(options.closeReason)) {
    throw new HttpError(400, "invalid_request", `closeReason: must be one of ${options.closeReasons.join(", ")}`);
  }
  if (to === loop.state) return { ...loop, closeReason: to === "closed" ? options.closeReason ?? loop.closeReason : loop.closeReason };
  const next = { ...loop, state: to };
  if (to === "contacted") next.firstContactAt = loop.firstContactAt ?? now;
  if (to === "resolved") next.resolvedAt = now;
  if (to === "closed") {
    next.closedAt = now;
    next.closeReason = options.closeReason ?? null;
  }
  if (to === "open") Object.assign(next, { resolvedAt: null, closedAt: null, closeReason: null });
  return next;
}
const state = z.enum(LOOP_STATES, { error: `must be one of ${LOOP_STATES.join(", ")}` });
const person = plainText(100).min(1, { error: "must not be empty" });
const responseParamsSchema = z.strictObject({ id: clientId });
const responsePatchSchema = z.strictObject({
  status: state.optional(),
  closeReason: slug.optional(),
  assignee: person.nullable().optional(),
  tags: z.array(slug).max(20, { error: "must have at most 20 tags" }).optional(),
  excluded: z.boolean().optional()
}).refine((body) => Object.values(body).some((value) => value !== void 0), { error: "must change at least one of status, closeReason, assignee, tags, excluded" });
const noteBodySchema = z.strictObject({
  author: person,
  text: plainText(5e3).min(1, { error: "must not be empty" })
});
const loopListQuerySchema = z.strictObject({
  surveyId: slug.optional(),
  state: oneOrMany(state, 4),
  assignee: person.optional(),
  unassigned: booleanText.optional(),
  tag: slug.optional(),
  overdue: booleanText.optional(),
  includeExcluded: booleanText.optional(),
  limit: z.coerce.number().int().min(1).max(500, { error: "must be from 1 to 500" }).default(100),
  cursor: z.string().max(200).optional()
});
const loopStatsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  to: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional()
});
const durationSchema = z.object({ n: z.number(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() });
const loopSchema = z.object({
  responseId: z.string(),
  surveyId: z.string(),
  state,
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  closeReason: z.string().nullable(),
  openedAt: z.string(),
  firstContactAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  overdue: z.boolean(),
  dueAt: z.string(),
  contactable: z.boolean(),
  contact: z.object({ email: z.string().nullable(), userId: z.string().nullable() }).nullable(),
  excluded: z.boolean(),
  notesCount: z.number(),
  response: z.object({ score: z.number(), comment: z.string().nullable(), touchpoint: z.string().nullable(), channel: z.string().nullable(), createdAt: z.string() })
});
const noteSchema = z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() });
const loopStatsSchema = z.object({
  surveyId: z.string(),
  open: z.number(),
  byState: z.record(z.string(), z.number()),
  timeToFirstContact: durationSchema,
  timeToResolution: durationSchema,
  withinSla: z.object({ slaHours: z.number(), contactedInTime: z.number(), of: z.number(), share: z.number().nullable() }),
  overdue: z.array(loopSchema)
});
async function loopRoutes(app, options) {
  const now = options.now ?? Date.now;
  const { loops, settings } = options;
  const requireSurvey = async (id) => {
    if (!await options.surveys.get(id)) throw surveyNotFound(id);
  };
  const tags = ["loops"];
  app.patch("/v1/responses/:id", {
    schema: {
      summary: "Change a response's loop (status, closeReason, assignee, tags) or mark it excluded",
      tags,
      description: "Status moves `open → contacted → resolved`, or to `closed` with a `closeReason` from the survey list; finished loops can be reopened. Other moves are 409 `invalid_transition`.",
      params: responseParamsSchema,
      body: responsePatchSchema,
      response: { 200: z.object({ id: z.string(), excluded: z.boolean(), loop: loopSchema.nullable() }) }
    },
    config: { access: "admin" }
  }, async (request2) => loops.patchResponse(request2.params.id, request2.body, now()));
  app.get("/v1/responses/:id/loop", {
    schema: { summary: "A response's loop with its notes", tags, params: responseParamsSchema, response: { 200: loopSchema.extend({ notes: z.array(noteSchema) }) } },
    config: { access: "read" }
  }, async (request2) => {
    const { id } = request2.params;
    const loop = await loops.getWithNotes(id, now());
    if (!loop) throw new HttpError(404, "loop_not_found", `id: response "${id}" has no loop`);
    return loop;
  });
  app.post("/v1/responses/:id/notes", {
    schema: { summary: "Add a note to a response's loop", tags, params: responseParamsSchema, body: noteBodySchema, response: { 201: noteSchema } },
    config: { access: "admin" }
  }, async (request2, reply) => reply.code(201).send(await loops.addNote(request2.params.id, request2.body, now())));
  app.get("/v1/loops", {
    schema: {
      summary: "The loop work queue, oldest first",
      tags,
      querystring: loopListQuerySchema,
      response: { 200: z.object({ loops: z.array(loopSchema), nextCursor: z.string().nullable() }) }
    },
    config: { access: "read" }
  }, async (request2) => {
    const query = request2.query;
    const cursor = query.cursor === void 0 ? void 0 : decodeLoopCursor(query.cursor);
    if (cursor === null) throw new HttpError(400, "invalid_request", "cursor: not a cursor from this API");
    return loops.list({ ...query, after: cursor }, now());
  });
  app.get("/v1/surveys/:id/loops/stats", {
    schema: {
      summary: "SLA figures: open loops, time to first contact and to resolution, share contacted within the SLA, overdue loops",
      tags,
      params: surveyParamsSchema,
      querystring: loopStatsQuerySchema,
      response: { 200: loopStatsSchema }
    },
    config: { access: "read" }
  }, async (request2) => {
    const { id } = request2.params;
    const { from, to } = request2.query;
    await requireSurvey(id);
    return loops.stats(id, { from: from ? Date.parse(from) : void 0, to: to ? Date.parse(to) : void 0 }, now());
  });
  app.get("/v1/surveys/:id/loop-settings", {
    schema: { summary: "A survey's loop settings", tags, params: surveyParamsSchema, response: { 200: loopSettingsSchema } },
    config: { access: "read" }
  }, async (request2) => {
    const { id } = request2.params;
    await requireSurvey(id);
    return { surveyId: id, ...await settings.get(id) };
  });
  app.patch("/v1/surveys/:id/loop-settings", {
    schema: {
      summary: "Change a survey's loop settings (threshold, passives, SLA hours, close reasons)",
      tags,
      params: surveyParamsSchema,
      body: loopSettingsPatchSchema,
      response: { 200: loopSettingsSchema }
    },
    config: { access: "admin" }
  }, async (request2) => {
    const { id } = request2.params;
    await requireSurvey(id);
    return { surveyId: id, ...await settings.update(id, request2.body, now()) };
  });
}
const HOUR$1 = 36e5;
function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function durationFigure(durationsMs) {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const inHours = (ms) => ms === null ? null : roundOneDecimal(ms / HOUR$1);
  return { n: sorted.length, medianHours: inHours(quantile(sorted, 0.5)), p90Hours: inHours(quantile(sorted, 0.9)) };
}
function withinSla(loops, slaHours, now) {
  const window = slaHours * HOUR$1;
  let decided = 0;
  let inTime = 0;
  for (const loop of loops) {
    if (loop.firstContactAt !== null) {
      decided++;
      if (loop.firstContactAt - loop.openedAt <= window) inTime++;
    } else if (loop.state === "open" && now - loop.openedAt > window) {
      decided++;
    }
  }
  return { slaHours, contactedInTime: inTime, of: decided, share: decided === 0 ? null : Math.round(inTime / decided * 1e3) / 1e3 };
}
function loopStats(loops, slaHours, now) {
  const byState = { open: 0, contacted: 0, resolved: 0, closed: 0 };
  for (const loop of loops) byState[loop.state] = (byState[loop.state] ?? 0) + 1;
  return {
    open: byState.open,
    byState,
    timeToFirstContact: durationFigure(loops.filter((loop) => loop.firstContactAt !== null).map((loop) => loop.firstContactAt - loop.openedAt)),
    timeToResolution: durationFigure(loops.filter((loop) => loop.resolvedAt !== null).map((loop) => loop.resolvedAt - loop.openedAt)),
    withinSla: withinSla(loops, slaHours, now)
  };
}
const iso$1 = (ms) => ms === null ? null : new Date(ms).toISOString();
function lifecycleOf(loop) {
  return {
    state: loop.state,
    closeReason: loop.closeReason,
    openedAt: loop.openedAt,
    firstContactAt: loop.firstContactAt,
    resolvedAt: loop.resolvedAt,
    closedAt: loop.closedAt
  };
}
function loopView(loop, slaHours, now) {
  const contactable = isContactable(loop.response);
  return {
    responseId: loop.responseId,
    surveyId: loop.surveyId,
    state: loop.state,
    assignee: loop.assignee,
    tags: loop.tags,
    closeReason: loop.closeReason,
    openedAt: iso$1(loop.openedAt),
    firstContactAt: iso$1(loop.firstContactAt),
    resolvedAt: iso$1(loop.resolvedAt),
    closedAt: iso$1(loop.closedAt),
    updatedAt: iso$1(loop.updatedAt),
    overdue: isOverdue({ state: loop.state, openedAt: loop.openedAt }, slaHours, now),
    dueAt: iso$1(loop.openedAt + slaHours * 36e5),
    contactable,
    contact: contactable ? { email: loop.response.email, userId: loop.response.userId } : null,
    excluded: loop.response.excluded,
    notesCount: loop.notesCount,
    response: {
      score: loop.response.score,
      comment: loop.response.comment,
      touchpoint: loop.response.touchpoint,
      channel: loop.response.channel,
      createdAt: iso$1(loop.response.createdAt)
    }
  };
}
function noteView(note) {
  return { id: note.id, author: note.author, text: note.text, createdAt: new Date(note.createdAt).toISOString() };
}
function responseNotFound(id) {
  return new HttpError(404, "response_not_found", `id: no response with id "${id}"`);
}
async function patchResponse(tx, responseId, patch, now) {
  const surveyId = await tx.responses.surveyOf(responseId);
  if (surveyId === void 0) throw responseNotFound(responseId);
  if (patch.excluded !== void 0) await tx.responses.setExcluded(responseId, patch.excluded);
  const touchesLoop = patch.status !== void 0 || patch.assignee !== void 0 || patch.tags !== void 0 || patch.closeReason !== void 0;
  if (!touchesLoop) return;
  await tx.loops.ensure(responseId, surveyId, now);
  const loop = await tx.loops.get(responseId);
  const lifecycle = patch.status === void 0 && patch.closeReason === void 0 ? lifecycleOf(loop) : transitionLoop(lifecycleOf(loop), patch.status ?? loop.state, now, {
    closeReason: patch.closeReason,
    closeReasons: (await tx.loops.settings.get(loop.surveyId)).closeReasons
  });
  await tx.loops.update(responseId, {
    ...lifecycle,
    assignee: patch.assignee === void 0 ? loop.assignee : patch.assignee,
    tags: patch.tags === void 0 ? loop.tags : [...new Set(patch.tags)]
  }, now);
}
async function addNote(tx, responseId, note, now) {
  const surveyId = await tx.responses.surveyOf(responseId);
  if (surveyId === void 0) throw responseNotFound(responseId);
  await tx.loops.ensure(responseId, surveyId, now);
  return noteView(await tx.loops.addNote(responseId, note, now));
}
function createLoopService(database) {
  const view = async (loop, now) => loopView(loop, (await database.loops.settings.get(loop.surveyId)).slaHours, now);
  const list = async (filter, now) => {
    const page2 = await database.loopQueries.list(filter, now);
    return { loops: await Promise.all(page2.loops.map((loop) => view(loop, now))), nextCursor: page2.next && encodeLoopCursor(page2.next) };
  };
  const figures = async (surveyId, range, now) => loopStats(await database.loopQueries.times(surveyId, range), (await database.loops.settings.get(surveyId)).slaHours, now);
  return {
    /** Applies a patch in one transaction and returns the response's excluded flag and loop. */
    async patchResponse(responseId, patch, now) {
      await database.transaction((tx) => patchResponse(tx, responseId, patch, now));
      const [response, loop] = await Promise.all([database.responses.get(responseId), database.loops.get(responseId)]);
      return { id: responseId, excluded: response?.excluded ?? false, loop: loop ? await view(loop, now) : null };
    },
    /** Adds a note in one transaction and returns it. */
    addNote: (responseId, note, now) => database.transaction((tx) => addNote(tx, responseId, note, now)),
    /** One loop with its notes, or undefined when the response has none. */
    async getWithNotes(responseId, now) {
      const loop = await database.loops.get(responseId);
      if (!loop) return void 0;
      return { ...await view(loop, now), notes: (await database.loops.notes(responseId)).map(noteView) };
    },
    /** The loop queue, oldest first, with the cursor of the next page. */
    list,
    /** The SLA figures of the loops a survey opened in a range. */
    figures,
    /** The SLA figures with the survey's overdue loops. */
    async stats(surveyId, range, now) {
      return { surveyId, ...await figures(surveyId, range, now), overdue: (await list({ surveyId, overdue: true, limit: 100 }, now)).loops };
    }
  };
}
const querySchema = z.strictObject({
  email: z.string().min(3).max(LIMITS.emailMaxLength, { error: `must be at most ${LIMITS.emailMaxLength} characters` }).optional(),
  userId: plainText(LIMITS.userIdMaxLength).min(1).optional()
}).refine((query) => query.email === void 0 !== (query.userId === void 0), { error: "give exactly one of email or userId" });
const reportSchema = z.object({
  erased: z.object({
    responses: z.number(),
    loops: z.number(),
    notes: z.number(),
    actionLinks: z.number(),
    webhookDeliveries: z.number(),
    responseIds: z.array(z.string()),
    walCheckpointed: z.boolean()
  })
});
async function privacyRoutes(app, options) {
  app.delete("/v1/respondents", {
    schema: {
      summary: "Erase every response, loop, note, action link and webhook delivery about one respondent",
      tags: ["privacy"],
      description: "By `email` (case-insensitive) or `userId`. The answer says what was erased; deleted content is overwritten in the database file.",
      querystring: querySchema,
      response: { 200: reportSchema }
    },
    config: { access: "admin" }
  }, async (request2) => {
    const erased = await options.database.eraseRespondent(request2.query);
    request2.log.info({ responses: erased.responses }, "respondent erased");
    return { erased };
  });
}
async function retentionSweeper(app, options) {
  const days = options.retentionDays;
  if (!days) return;
  const now = options.now ?? Date.now;
  let timer = null;
  let sweeping = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping.then(async () => {
      const report = await options.database.purgeExpired(days, now());
      if (report.responses > 0) app.log.info(report, "retention purge");
    }).catch((error) => app.log.error({ err: error }, "retention purge failed"));
    return sweeping;
  };
  app.addHook("onReady", async () => {
    await sweep();
    timer = setInterval(() => void sweep(), options.intervalMs ?? 36e5);
    timer.unref();
  });
  app.addHook("preClose", async () => {
    if (timer) clearInterval(timer);
    await sweeping;
  });
}
function eventBody(type, occurredAt, data) {
  return JSON.stringify({ type, timestamp: new Date(occurredAt).toISOString(), data });
}
function responseEventData(response) {
  const contactable = isContactable(response);
  return {
    id: response.id,
    surveyId: response.surveyId,
    score: response.score,
    group: scoreGroup(response.score),
    comment: response.comment,
    consent: response.consent,
    contactable,
    contact: contactable ? { email: response.email, userId: response.userId } : null,
    touchpoint: response.touchpoint,
    channel: response.channel,
    journey: response.journey,
    locale: response.locale,
    page: response.page,
    device: response.device,
    properties: response.properties,
    createdAt: new Date(response.createdAt).toISOString(),
    updatedAt: new Date(response.updatedAt).toISOString()
  };
}
async function responsePayload(source, type, responseId, occurredAt) {
  const response = await source.responses.get(responseId);
  return response ? eventBody(type, occurredAt, { response: responseEventData(response) }) : null;
}
async function loopPayload(source, type, responseId, occurredAt, now) {
  const loop = await source.loops.get(responseId);
  if (!loop) return null;
  return eventBody(type, occurredAt, { loop: loopView(loop, (await source.loops.settings.get(loop.surveyId)).slaHours, now) });
}
const SECOND = 1e3;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
function nextRetryDelay(failedAttempts) {
  return RETRY_DELAYS_MS[failedAttempts - 1] ?? null;
}
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4]
]) blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64]
]) blocked.addSubnet(network, prefix, "ipv6");
function isNonPublicAddress(address) {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (embedded) return blocked.check(embedded[1], "ipv4");
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4");
  }
  return blocked.check(address, "ipv6");
}
function refusedAddresses(addresses, allowPrivate) {
  if (allowPrivate) return null;
  const bad = addresses.find(isNonPublicAddress);
  return bad === void 0 ? null : `resolves to ${bad}, a private or loopback address (allow with the operator option)`;
}
function resolveHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((resolve2, reject) => {
    lookup(host, { all: true }, (error, addresses) => error ? reject(error) : resolve2(addresses.map((entry) => entry.address)));
  });
}
function guardedLookup(allowPrivate) {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error);
      const refusal = refusedAddresses(addresses.map((entry) => entry.address), allowPrivate);
      if (refusal) return callback(new Error(`${hostname} ${refusal}`));
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
function sendWebhook(url, headers, body, options) {
  return new Promise((resolve2) => {
    let target;
    try {
      target = new URL(url);
    } catch {
      return resolve2({ error: "invalid URL" });
    }
    const host = target.hostname.replace(/^\[|\]$/g, "");
    const refusal = isIP(host) ? refusedAddresses([host], options.allowPrivate) : null;
    if (refusal) return resolve2({ error: `${host} ${refusal}` });
    const request$2 = (target.protocol === "https:" ? request : request$1)(target, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowPrivate),
      timeout: options.timeoutMs ?? 1e4
    }, (response) => {
      response.resume();
      response.on("end", () => resolve2({ status: response.statusCode ?? 0 }));
      response.on("error", () => resolve2({ status: response.statusCode ?? 0 }));
    });
    request$2.on("timeout", () => request$2.destroy(new Error("timed out")));
    request$2.on("error", (error) => resolve2({ error: error.message.slice(0, 300) }));
    request$2.end(body);
  });
}
const PREFIX = "whsec_";
function generateSecret() {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}
function signMessage(secret, messageId, timestampSeconds, body) {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64")}`;
}
function webhookHeaders(secret, messageId, timestampSeconds, body) {
  return {
    "content-type": "application/json",
    "user-agent": "npsloop-webhooks",
    "webhook-id": messageId,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": signMessage(secret, messageId, timestampSeconds, body)
  };
}
function createWebhookDispatcher(database, options = {}) {
  const now = options.now ?? Date.now;
  const store = database.webhooks;
  let timer = null;
  let round = null;
  async function bodyOf(delivery, at) {
    if (delivery.payload !== null) return delivery.payload;
    if (delivery.subjectId === null) return null;
    const body = delivery.type.startsWith("loop.") ? await loopPayload(database, delivery.type, delivery.subjectId, delivery.createdAt, at) : await responsePayload(database, delivery.type, delivery.subjectId, delivery.createdAt);
    if (body !== null) await store.setPayload(delivery.id, body);
    return body;
  }
  async function attempt(delivery) {
    const at = now();
    const target = await store.target(delivery.webhookId);
    const body = await bodyOf(delivery, at);
    let outcome;
    if (!target) return;
    if (body === null) outcome = { error: "not sent: the response or its loop is gone (erased, or the score changed to a higher group)" };
    else outcome = await sendWebhook(target.url, webhookHeaders(target.secret, delivery.id, Math.floor(at / 1e3), body), body, {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: options.timeoutMs
    });
    const ok = "status" in outcome && outcome.status >= 200 && outcome.status < 300;
    const delay = ok || body === null ? null : nextRetryDelay(delivery.attempts + 1);
    await store.recordAttempt(delivery.id, {
      ok,
      status: "status" in outcome ? outcome.status : null,
      error: "error" in outcome ? outcome.error : ok ? null : `HTTP ${outcome.status}`,
      nextAttemptAt: delay === null ? null : now() + delay
    }, now());
  }
  function runDue() {
    round ??= (async () => {
      try {
        const due = await store.due(now(), options.batchSize ?? 20);
        await Promise.all(due.map(attempt));
        return due.length;
      } finally {
        round = null;
      }
    })();
    return round;
  }
  return {
    runDue,
    /** Polls for due deliveries every `intervalMs` until stopped. */
    start(intervalMs = 1e3) {
      const tick = () => {
        timer = setTimeout(() => void runDue().catch(() => 0).finally(() => timer && tick()), intervalMs);
        timer.unref();
      };
      if (!timer) tick();
    },
    /** Stops polling and waits for the round in flight. */
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await round?.catch(() => 0);
    }
  };
}
const DEFAULT_LOOP_OPENED_DELAY_MS = 2 * 60 * 1e3;
function webhookIngestHook(options = {}) {
  const delay = options.loopOpenedDelayMs ?? DEFAULT_LOOP_OPENED_DELAY_MS;
  return async (change, tx) => {
    const { responseId, surveyId, now } = change;
    const type = change.status === "created" ? "response.created" : "response.updated";
    if ((await tx.webhooks.subscribers(type, surveyId)).length > 0) {
      await tx.webhooks.enqueue(type, { surveyId, subjectId: responseId, payload: () => responsePayload(tx, type, responseId, now), dueAt: now }, now);
    }
    if (change.loop === "opened" && (await tx.webhooks.subscribers("loop.opened", surveyId)).length > 0) {
      await tx.webhooks.enqueue("loop.opened", { surveyId, subjectId: responseId, payload: async () => null, dueAt: now + delay }, now);
    }
  };
}
async function notifyOverdue(database, now) {
  const overdue = await database.loops.overdueUnreported(now);
  if (overdue.length === 0) return 0;
  await database.transaction(async (tx) => {
    for (const loop of overdue) {
      await tx.loops.markOverdueReported(loop.responseId, now);
      await tx.webhooks.enqueue("loop.overdue", {
        surveyId: loop.surveyId,
        subjectId: loop.responseId,
        payload: () => loopPayload(tx, "loop.overdue", loop.responseId, now, now),
        dueAt: now
      }, now);
    }
  });
  return overdue.length;
}
const event = z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(", ")}` });
const createSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).max(2048, { error: "must be at most 2048 characters" }),
  events: z.array(event).min(1, { error: "must name at least one event" }).max(WEBHOOK_EVENTS.length),
  surveyId: slug.optional(),
  description: plainText(200).optional()
});
const paramsSchema = z.strictObject({ id: z.string().regex(/^wh_[0-9a-f]{16}$/, { error: "must be a webhook id (wh_…)" }) });
const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(event),
  surveyId: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.string()
});
const deliverySchema = z.object({
  id: z.string(),
  type: event,
  state: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable()
});
const iso = (ms) => ms === null ? null : new Date(ms).toISOString();
function webhookView(webhook) {
  return { ...webhook, createdAt: iso(webhook.createdAt) };
}
function deliveryView(delivery) {
  return {
    id: delivery.id,
    type: delivery.type,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastAttemptAt: iso(delivery.lastAttemptAt),
    lastStatus: delivery.lastStatus,
    lastError: delivery.lastError,
    createdAt: iso(delivery.createdAt),
    deliveredAt: iso(delivery.deliveredAt)
  };
}
async function assertDeliverable(url, allowPrivate) {
  let addresses;
  try {
    addresses = await resolveHost(new URL(url).hostname);
  } catch {
    throw new HttpError(400, "invalid_request", "url: the host name does not resolve");
  }
  const refusal = refusedAddresses(addresses, allowPrivate);
  if (refusal) throw new HttpError(400, "url_refused", `url: ${refusal}`);
}
async function webhookRoutes(app, options) {
  const now = options.now ?? Date.now;
  const { webhooks } = options;
  const byId = async (id) => {
    const webhook = await webhooks.get(id);
    if (!webhook) throw new HttpError(404, "webhook_not_found", `id: no webhook with id "${id}"`);
    return webhookView(webhook);
  };
  const tags = ["webhooks"];
  const config = { access: "admin" };
  app.post("/v1/webhooks", {
    schema: {
      summary: "Create a webhook; its signing secret (whsec_…) is in this answer only",
      tags,
      body: createSchema,
      description: "Deliveries follow the Standard Webhooks specification: body `{type, timestamp, data}`, headers `webhook-id`, `webhook-timestamp`, `webhook-signature`.",
      response: { 201: webhookSchema.extend({ secret: z.string() }) }
    },
    config
  }, async (request2, reply) => {
    const body = request2.body;
    if (body.surveyId && !await options.surveys.get(body.surveyId)) throw surveyNotFound(body.surveyId);
    await assertDeliverable(body.url, options.allowPrivate ?? false);
    const secret = generateSecret();
    return reply.code(201).send({ ...webhookView(await webhooks.create({ ...body, secret }, now())), secret });
  });
  app.get("/v1/webhooks", {
    schema: { summary: "List webhooks (never their secrets)", tags, response: { 200: z.object({ webhooks: z.array(webhookSchema) }) } },
    config
  }, async () => ({ webhooks: (await webhooks.list()).map(webhookView) }));
  app.get("/v1/webhooks/:id", {
    schema: { summary: "Read a webhook", tags, params: paramsSchema, response: { 200: webhookSchema } },
    config
  }, async (request2) => byId(request2.params.id));
  app.delete("/v1/webhooks/:id", {
    schema: { summary: "Delete a webhook and its pending deliveries", tags, params: paramsSchema },
    config
  }, async (request2, reply) => {
    await byId(request2.params.id);
    await webhooks.remove(request2.params.id);
    return reply.code(204).send();
  });
  app.get("/v1/webhooks/:id/deliveries", {
    schema: {
      summary: "A webhook's delivery log, newest first",
      tags,
      params: paramsSchema,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ deliveries: z.array(deliverySchema) }) }
    },
    config
  }, async (request2) => {
    const { id } = request2.params;
    await byId(id);
    return { deliveries: (await webhooks.deliveries(id, request2.query.limit)).map(deliveryView) };
  });
}
async function webhookWorker(app, options) {
  const now = options.now ?? Date.now;
  const { dispatcher } = options;
  let overdueTimer = null;
  let checking = Promise.resolve();
  const checkOverdue = () => {
    checking = checking.then(() => notifyOverdue(options.database, now())).catch((error) => app.log.error({ err: error }, "overdue loop check failed"));
    return checking;
  };
  if (options.pollMs === 0) return;
  app.addHook("onReady", async () => {
    dispatcher.start(options.pollMs ?? 1e3);
    await checkOverdue();
    overdueTimer = setInterval(() => void checkOverdue(), options.overdueCheckMs ?? 6e4);
    overdueTimer.unref();
  });
  app.addHook("preClose", async () => {
    if (overdueTimer) clearInterval(overdueTimer);
    await Promise.all([dispatcher.stop(), checking]);
  });
}
const DEFAULT_RATE_LIMIT = { perIp: 600, perSurvey: 3e4, windowMs: 6e4 };
async function buildApp(options) {
  const registry = createMetricsRegistry();
  const database = await openDatabase({
    path: options.dbPath,
    sync: options.sync,
    windowMs: options.writeWindowMs,
    backgroundCheckpoints: true,
    ingestHooks: [webhookIngestHook({ loopOpenedDelayMs: options.loopOpenedDelayMs }), ...options.ingestHooks ?? []],
    onBatch: (size, seconds) => {
      registry.observe("npsloop_write_batch_size", "Rows written per group commit", size, void 0, "batch");
      registry.observe("npsloop_write_batch_duration_seconds", "Time to write and commit one batch", seconds);
    }
  });
  const now = options.now;
  const loops = createLoopService(database);
  const actions = createActionService(database);
  const analytics = createAnalyticsService(database.analytics);
  const huddle = createHuddleReport(database, { loops, actions });
  const dispatcher = createWebhookDispatcher(database, { now, allowPrivate: options.allowPrivateWebhooks });
  const { surveys } = database;
  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify accepts a hop count at run time; its types omit it.
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // A client gets 30 s to send its request: slow-drip clients cannot hold sockets open forever.
    requestTimeout: 3e4,
    // Drain on close rather than answer 503 outside the error envelope; see plugins/graceful-close.ts.
    return503OnClosing: false,
    frameworkErrors,
    // plugins/request-log.ts writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true })
  });
  app.decorate("db", database);
  app.addHook("onClose", async () => database.close());
  await app.register(routeCatalog);
  await app.register(errorHandler);
  await app.register(gracefulClose);
  await app.register(zodValidation);
  await app.register(metrics, { registry });
  await app.register(requestLog);
  await app.register(rateLimit, { ...DEFAULT_RATE_LIMIT, ...options.rateLimit });
  await app.register(origin, { apiCorsOrigins: options.apiCorsOrigins, activeOriginPatterns: () => surveys.activeOriginPatterns() });
  await app.register(auth, { adminKey: options.adminKey, keys: database.keys });
  await app.register(ingestRoutes, { surveys, database });
  await app.register(surveyRoutes, { surveys });
  await app.register(analyticsRoutes, { analytics, surveys });
  await app.register(loopRoutes, { loops, surveys, settings: database.loops.settings, now });
  await app.register(actionRoutes, { actions, surveys, now });
  await app.register(huddleRoutes, { report: huddle, surveys, now });
  await app.register(privacyRoutes, { database });
  await app.register(webhookRoutes, { webhooks: database.webhooks, surveys, now, allowPrivate: options.allowPrivateWebhooks });
  await app.register(webhookWorker, { database, dispatcher, now, pollMs: options.webhookPollMs });
  await app.register(retentionSweeper, { database, retentionDays: options.retentionDays, now });
  await app.register(widgetRoutes, { widgetPath: options.widgetPath });
  await app.register(hostedSurveyRoutes, { surveys, database });
  await app.register(dashboardRoutes, { dashboardDir: options.dashboardDir });
  await app.register(opsRoutes, { database });
  await app.register(docsRoutes);
  return app;
}
export {
  DEFAULT_RATE_LIMIT,
  LIMITS as L,
  addNote as a,
  surveyCreateSchema as b,
  buildApp,
  createAction as c,
  propertiesSchema as d,
  plainText as e,
  describeIssues as f,
  slug as g,
  localeTag as l,
  openDatabase as o,
  patchResponse as p,
  scoreGroup as s,
  updateAction as u
};
//# sourceMappingURL=app.js.map
