#!/usr/bin/env node
// The npsloop CLI: runs the built collector (packages/collector/dist/cli.js).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('npsloop: the collector is not built (packages/collector/dist/cli.js is missing); run `pnpm build` first.\n');
  process.exit(1);
}
const { main } = await import(cli.href);
await main(process.argv.slice(2));
