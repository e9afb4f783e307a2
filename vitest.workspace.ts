import { defineProject } from 'vitest/config';

/**
 * The single list of test projects. The root vitest.config.ts imports it as
 * `test.projects` (Vitest 4 no longer reads a workspace file on its own).
 */
export default [
  defineProject({ test: { name: 'core', root: './packages/core', environment: 'node', include: ['test/**/*.test.ts'] } }),
  defineProject({
    test: {
      name: 'collector', root: './packages/collector', environment: 'node', include: ['test/**/*.test.ts'],
      // A timeout only catches a hang: real SQLite files, servers and child processes run several times slower on
      // a busy 2-core machine than alone, and Vitest's 5 s default then fails tests that are merely slow.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  }),
  defineProject({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    test: { name: 'widget', root: './packages/widget', environment: 'happy-dom', include: ['test/**/*.test.{ts,tsx}'] },
  }),
  defineProject({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    test: { name: 'dashboard', root: './packages/dashboard', environment: 'happy-dom', include: ['test/**/*.test.{ts,tsx}'] },
  }),
  defineProject({
    test: {
      name: 'browser',
      root: './tests/browser',
      environment: 'node',
      include: ['**/*.test.ts'],
      // Real Chromium and real servers: one file at a time keeps a 2-core machine steady.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  }),
];
