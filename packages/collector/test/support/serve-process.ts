import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A running `npsloop serve` process and the URL it printed. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
}

/** Runs the built CLI (`bin/npsloop.js serve …`) and resolves once it prints its URL; killed when the test ends. */
export function serveProcess(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(join(packageRoot, 'dist/cli.js'))) {
    throw new Error('packages/collector/dist/cli.js is missing: build first (`pnpm build`, or `pnpm --filter @npsloop/collector build`)');
  }
  const child = spawn(process.execPath, [join(packageRoot, 'bin/npsloop.js'), 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
