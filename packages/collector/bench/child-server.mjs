// A server the benchmarks start as a child process and talk to over loopback: it prints `listening on URL`.
import { spawn } from 'node:child_process';

/** Starts `node ARGS` in `cwd` with `env` added; resolves to the child and its URL once it listens. */
export function startServer(name, args, { cwd, env = {} }) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening`)));
  });
}
