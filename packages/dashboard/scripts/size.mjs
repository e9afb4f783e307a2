// Reports the raw and gzip size of what /dashboard/ loads first (index.html and
// the assets it references) and fails past the 60 KB gzip budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 60 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/dashboard\/([^"]+)"/g)].map((match) => match[1]);
let raw = 0;
let gzip = 0;
for (const file of ['index.html', ...assets]) {
  const body = readFileSync(join(dist, file));
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += zipped;
  console.log(`${file.padEnd(36)} ${String(body.length).padStart(7)} B  ${String(zipped).padStart(6)} B gzip`);
}
console.log(`initial load: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${BUDGET_GZIP / 1024} KB gzip)`);
if (gzip > BUDGET_GZIP) {
  console.error('over budget');
  process.exit(1);
}
