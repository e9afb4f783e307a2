// Prints the raw, gzip (-9) and brotli size of dist/widget.js and fails past
// the budget: 8,192 bytes gzip for everything (the JSX runtime, CSS, five languages).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = 8192;
const file = new URL('../dist/widget.js', import.meta.url);
let source;
try {
  source = readFileSync(file);
} catch {
  console.error('dist/widget.js is missing: run `pnpm --filter @npsloop/widget build` first');
  process.exit(1);
}
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`widget.js  raw ${source.length} B  gzip ${gzip} B  brotli ${brotli} B  (budget ${BUDGET} B gzip)`);
if (gzip > BUDGET) {
  console.error(`over budget by ${gzip - BUDGET} B gzip`);
  process.exit(1);
}
