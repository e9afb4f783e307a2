import { defineProject } from 'vitest/config';

/** Collector test files the PostgreSQL run leaves out, each for the reason beside it. */
const COLLECTOR_NOT_ON_POSTGRES = [
  // SQLite itself:
  'test/durability.test.ts', // SIGKILL under load, then the committed rows read back from the SQLite file and its WAL
  'test/cli-serve.test.ts', // serve creating the SQLite file's folders (PostgreSQL URLs on serve: test/postgres/postgres-cli)
  'test/db/migrations.test.ts', // SQLite's migration runner: pragmas, table rebuilds, foreign-key checks (PostgreSQL's: test/postgres)
  'test/db/upgrade.test.ts', // SQLite files written by earlier releases (PostgreSQL support starts at schema 5)
  'test/privacy/erase-file-bytes.test.ts', // erased text absent from the bytes of the SQLite file and its WAL
  'test/db/locked-database.test.ts', // SQLite's file lock held by another process (PostgreSQL writers lock rows, not the database)
  'test/db/checkpointer.test.ts', // SQLite's background WAL checkpoint thread
  'test/ops/disk-full.test.ts', // the collector process's file-size limit hits the SQLite file (PostgreSQL writes its files itself)
  'test/import/import-while-serving.test.ts', // import in short transactions so SQLite's one write lock never starves serve
  'test/invitations/resume-after-crash.test.ts', // a run left `sending` by a crash is taken up at start only where one process owns the file (SQLite)
  // No data-layer behaviour (HTTP framing, static files, pure functions): the same on both engines, run once.
  'test/plugins/client-errors.test.ts', 'test/plugins/compress.test.ts', 'test/plugins/request-log.test.ts',
  'test/widget/widget.test.ts', 'test/dashboard/dashboard-routes.test.ts',
  'test/config.test.ts', 'test/lib/**', 'test/webhooks/signing.test.ts', 'test/huddle/huddle-parts.test.ts',
  'test/analytics/query-helpers.test.ts', 'test/analytics/range-plan.test.ts', 'test/analytics/time-buckets.test.ts',
  'test/import/csv-property.test.ts', 'test/import/csv-records.test.ts', 'test/loops/loop-state.test.ts', 'test/loops/loop-state-property.test.ts',
];

/**
 * The single list of test projects. The root vitest.config.ts imports it as
 * `test.projects` (Vitest 4 no longer reads a workspace file on its own).
 */
export default [
  defineProject({ test: { name: 'core', root: './packages/core', environment: 'node', include: ['test/**/*.test.ts'] } }),
  defineProject({
    test: {
      name: 'collector', root: './packages/collector', environment: 'node', include: ['test/**/*.test.ts'],
      // test/postgres needs the server the collector-pg project starts: several processes, copy, outages.
      exclude: ['test/postgres/**'],
      // A timeout only catches a hang: real SQLite files, servers and child processes run several times slower on
      // a busy 2-core machine than alone, and Vitest's 5 s default then fails tests that are merely slow.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  }),
  defineProject({
    // The same collector suite on PostgreSQL: one server for the run (embedded, or NPSLOOP_TEST_PG_URL), a fresh
    // schema per test app. Files that test SQLite itself are left out, each for the reason given.
    test: {
      name: 'collector-pg', root: './packages/collector', environment: 'node', include: ['test/**/*.test.ts'],
      exclude: COLLECTOR_NOT_ON_POSTGRES,
      env: { NPSLOOP_TEST_DIALECT: 'postgres' },
      globalSetup: ['./test/support/postgres-global-setup.ts'],
      // A hang-catcher: every statement is a round trip to a server on the same 2 cores (the demo command took 45 s
      // at load 15, 13 s on a quiet machine).
      testTimeout: 90_000,
      hookTimeout: 90_000,
    },
  }),
  defineProject({
    // As the widget's build compiles it (packages/widget/scripts/build.mjs): classic `h`, and the
    // UI chunk's name and integrity, which the build fills in, as a placeholder.
    esbuild: { jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment', jsxInject: "import { h, Fragment } from 'preact'" },
    define: { __NPSLOOP_UI__: JSON.stringify({ file: 'widget-ui.test.js', integrity: 'sha384-test' }) },
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
      // A hang-catcher: a page checked with axe in five languages took 40 s on a busy 2-core machine.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
];
