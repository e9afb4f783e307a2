/** Runs the built `npsloop` CLI as its own process and collects what it printed and its exit code. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished CLI process left: its exit code and its two streams. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bin/npsloop.js` with the arguments in `cwd`; resolves when it exits, whatever its code. */
export function runBuiltCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  if (!existsSync(join(packageRoot, 'dist/cli.js'))) {
    throw new Error('packages/collector/dist/cli.js is missing: build first (`pnpm build`, or `pnpm --filter @npsloop/collector build`)');
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [join(packageRoot, 'bin/npsloop.js'), ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}
