// Reports the raw and gzip size of what /dashboard/ loads first: index.html, the
// assets it references, and one language dictionary (each language is its own
// chunk, fetched before the first render; the largest one is counted). Fails
// past the 60 KB gzip budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 60 * 1024;
const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es'];
const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/dashboard\/([^"]+)"/g)].map((match) => match[1]);

const measure = (file) => {
  const body = readFileSync(join(dist, file));
  return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
};
const line = ({ file, raw, gzip }) => console.log(`${file.padEnd(36)} ${String(raw).padStart(7)} B  ${String(gzip).padStart(6)} B gzip`);

const shell = ['index.html', ...assets].map(measure);
shell.forEach(line);
const dictionaries = readdirSync(join(dist, 'assets'))
  .filter((name) => LANGUAGES.some((language) => name.startsWith(`${language}-`) && name.endsWith('.js')))
  .map((name) => measure(`assets/${name}`));
if (dictionaries.length !== LANGUAGES.length) {
  console.error(`expected ${LANGUAGES.length} language chunks, found ${dictionaries.length}`);
  process.exit(1);
}
console.log('language chunks (one is loaded):');
dictionaries.forEach(line);
const largest = dictionaries.reduce((a, b) => (b.gzip > a.gzip ? b : a));
const raw = shell.reduce((sum, item) => sum + item.raw, 0) + largest.raw;
const gzip = shell.reduce((sum, item) => sum + item.gzip, 0) + largest.gzip;
const all = gzip + dictionaries.reduce((sum, item) => sum + item.gzip, 0) - largest.gzip;
console.log(`initial load (with the largest language, ${largest.file}): ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${BUDGET_GZIP / 1024} KB gzip)`);
console.log(`all five languages together would be ${(all / 1024).toFixed(1)} KB gzip`);
if (gzip > BUDGET_GZIP) {
  console.error('over budget');
  process.exit(1);
}
