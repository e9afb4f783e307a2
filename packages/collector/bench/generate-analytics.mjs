// Fills a collector database with a realistic answer history for `bench/analytics.mjs`:
// N responses over two years (8 touchpoints, 3 channels, 5 locales, 4 journey steps,
// a `plan` property, a comment on one in four), about 1.2 prompt events per response.
// Deterministic (the caller passes a seeded PRNG), written in large transactions through the response writer.

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

/**
 * Writes `rows` responses and their events for survey `surveyId` using the seeded `random`, through the data
 * layer's response writer in transactions of 100,000 answers, folding the rollups after each; reports progress
 * every million rows.
 */
export async function generateAnalyticsData(database, { rows, random, surveyId = 'bench', onProgress = () => {} }) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  if (!(await database.surveys.get(surveyId))) await database.surveys.create({ id: surveyId, name: 'Benchmark', allowedOrigins: [] }, 0);
  const span = HISTORY.to - HISTORY.from;
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    const answers = [];
    const events = [];
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
      answers.push({
        id, surveyId, score, comment, consent: null, userId: null, email: null, touchpoint, channel, journey: pick(JOURNEYS), locale,
        page: null, device: null, properties: `{"plan":"${pick(PLANS)}"}`, createdAt: at, updatedAt: at,
      });
      const event = { surveyId, touchpoint, channel, locale, page: null };
      if (channel !== 'email') events.push({ ...event, id: `s${id}`, type: 'shown', createdAt: at - 5000 });
      if (random() < 0.3) events.push({ ...event, id: `d${id}`, type: random() < 0.5 ? 'shown' : 'dismissed', createdAt: at + 1000 });
    }
    await database.transaction(async (tx) => {
      await tx.responses.insertMany(answers, { openLoops: false });
      await tx.events.insertMany(events);
    });
    await database.analytics.fold();
    if ((start + chunk) % 1_000_000 === 0) onProgress(start + chunk);
  }
}
