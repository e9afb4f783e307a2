// Prints the raw, gzip (-9) and brotli (quality 11) size of the loader
// (widget.js) and of each UI chunk, and fails past either budget: the loader
// is paid on every page view, the chunk only when the survey shows.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGETS = { loader: 4096, chunk: 10240 };
const dist = new URL('../dist/', import.meta.url);

let manifest;
try {
  manifest = JSON.parse(readFileSync(new URL('widget.json', dist), 'utf8'));
} catch {
  console.error('dist/widget.json is missing: run `pnpm --filter @npsloop/widget build` first');
  process.exit(1);
}

let over = false;
const files = [['loader', manifest.loader.file], ...manifest.chunks.map((chunk) => ['chunk', chunk.file])];
for (const [kind, file] of files) {
  const source = readFileSync(new URL(file, dist));
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = BUDGETS[kind];
  console.log(`${kind.padEnd(6)} ${file.padEnd(30)} raw ${String(source.length).padStart(6)} B  gzip ${String(gzip).padStart(6)} B  brotli ${String(brotli).padStart(6)} B  (budget ${budget} B gzip)`);
  if (gzip > budget) {
    console.error(`  ${file}: over its budget by ${gzip - budget} B gzip`);
    over = true;
  }
}
if (over) process.exit(1);
