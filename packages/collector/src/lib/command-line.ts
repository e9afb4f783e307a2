/** What every CLI command shares: where it writes, the error that exits 2, the environment, the defaults. */
import type { Writable } from 'node:stream';

/** Where the CLI writes: stdout for results, stderr for explanations. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal (progress bars redraw in place). */
  isTerminal?: boolean;
  /** stdout as a stream, for output too large to hold (exports); `out` is used when absent. */
  stdout?: Writable;
}

/** A bad flag or environment value; the CLI prints its message and exits 2. */
export class ConfigError extends Error {}

/** Environment variables, as `process.env`. */
export type Env = Record<string, string | undefined>;

/** Defaults shared by the CLI commands. */
export const DEFAULTS = { port: 8787, host: '127.0.0.1', db: './data/npsloop.db' } as const;
