import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { onTestFinished } from 'vitest';
import { NODE_FLAGS } from '../../bin/node-flags.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A running `npsloop serve` process and the URL it printed. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
  /** Resolves with the output once it matches `pattern` (at once if it already does). */
  waitForOutput: (pattern: RegExp) => Promise<string>;
}

/**
 * How to start the process: `fileSizeLimit` caps the bytes any file it writes may hold (a disk that fills up);
 * `fromModuleEval` runs the CLI from `node --input-type=module -e '…'` instead of bin/npsloop.js (a server embedded in
 * a script, whose flags threads inherit).
 */
export interface ServeOptions {
  fileSizeLimit?: number;
  fromModuleEval?: boolean;
}

/** Runs the built CLI (`bin/npsloop.js serve …`) and resolves once it prints its URL; killed when the test ends. */
export function serveProcess(args: string[], env: Record<string, string> = {}, options: ServeOptions = {}): Promise<ServerProcess> {
  if (!existsSync(join(packageRoot, 'dist/cli.js'))) {
    throw new Error('packages/collector/dist/cli.js is missing: build first (`pnpm build`, or `pnpm --filter @npsloop/collector build`)');
  }
  const entry = options.fromModuleEval
    ? ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(packageRoot, 'dist/cli.js')).href)}); await main(process.argv.slice(1));`]
    : [join(packageRoot, 'bin/npsloop.js')];
  // Started as the repository's launchers start it (`pnpm start`, `pnpm npsloop`), with their Node.js flags.
  const command = [process.execPath, ...NODE_FLAGS, ...entry, 'serve', ...args];
  // Past RLIMIT_FSIZE a write fails (EFBIG) and the kernel sends SIGXFSZ, which is ignored here as a full disk would not kill.
  const [file, ...rest] = options.fileSizeLimit === undefined ? command
    : ['bash', '-c', `trap '' XFSZ; exec prlimit --fsize=${options.fileSizeLimit}:unlimited "$@"`, 'bash', ...command];
  const child = spawn(file, rest, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters) waiter();
  };
  const waitForOutput = (pattern: RegExp) => new Promise<string>((resolve) => {
    const check = () => {
      if (!pattern.test(output)) return;
      waiters.delete(check);
      resolve(output);
    };
    waiters.add(check);
    check();
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      append(chunk);
      const match = /listening on (http:\/\/[^\s]+:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, waitForOutput });
    });
    child.stderr!.on('data', append);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
