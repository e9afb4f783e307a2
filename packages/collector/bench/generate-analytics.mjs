// Fills a collector database with a realistic answer history for `bench/analytics.mjs`:
// N responses over two years (8 touchpoints, 3 channels, 5 locales, 4 journey steps,
// a `plan` property, a comment on one in four), about 1.2 prompt events per response.
// Deterministic (the caller passes a seeded PRNG), written in large transactions straight into the tables.

/** Start and end of the generated history (UTC ms). */
export const HISTORY = { from: Date.parse('2024-11-01T00:00:00Z'), to: Date.parse('2026-11-01T00:00:00Z') };

export const TOUCHPOINTS = ['home', 'search', 'product', 'cart', 'checkout', 'delivery', 'support', 'returns'];
const CHANNELS = ['web', 'web', 'web', 'app', 'app', 'email'];
const LOCALES = ['en', 'en', 'nl', 'de', 'fr', 'es'];
const JOURNEYS = [null, 'discover', 'buy', 'use', 'renew'];
const PLANS = ['free', 'free', 'free', 'pro', 'pro', 'team'];
const COMMENTS = [
  'Fast delivery and friendly support', 'Slow delivery, the parcel was late', 'Great product, easy to use',
  'Checkout kept failing on my phone', 'De bezorging was veel te traag', 'Prima service, snel geleverd',
  'Too expensive for what you get', 'Helpful staff in the chat', 'Returns were a hassle', 'Love the new app',
];

/** Writes `rows` responses and their events for survey `surveyId` using the seeded `random`; reports progress every million rows. */
export function generateAnalyticsData(db, { rows, random, surveyId = 'bench', onProgress = () => {} }) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  db.prepare('INSERT OR IGNORE INTO surveys (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)').run(surveyId, 'Benchmark');
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_id, score, comment, touchpoint, channel, journey, locale, properties, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare('INSERT INTO events (id, survey_id, type, touchpoint, channel, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const span = HISTORY.to - HISTORY.from;
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    db.transaction(() => {
      for (let index = start; index < Math.min(rows, start + chunk); index++) {
        const at = HISTORY.from + Math.floor(((index + random()) / rows) * span);
        const touchpoint = pick(TOUCHPOINTS);
        // Scores lean positive, worse at delivery and returns, improving slowly over the two years.
        const mood = random() + (touchpoint === 'delivery' || touchpoint === 'returns' ? -0.15 : 0.05) + ((at - HISTORY.from) / span) * 0.1;
        const score = Math.max(0, Math.min(10, Math.round(mood * 11 - 0.5 + (random() - 0.5) * 3)));
        const channel = pick(CHANNELS);
        const locale = pick(LOCALES);
        const comment = random() < 0.25 ? pick(COMMENTS) : null;
        const id = `r${index.toString(36).padStart(8, '0')}`;
        insertResponse.run(id, surveyId, score, comment, touchpoint, channel, pick(JOURNEYS), locale, `{"plan":"${pick(PLANS)}"}`, at, at);
        if (channel !== 'email') insertEvent.run(`s${id}`, surveyId, 'shown', touchpoint, channel, locale, at - 5000);
        if (random() < 0.3) insertEvent.run(`d${id}`, surveyId, random() < 0.5 ? 'shown' : 'dismissed', touchpoint, channel, locale, at + 1000);
      }
    })();
    if ((start + chunk) % 1_000_000 === 0) onProgress(start + chunk);
  }
}
