/**
 * Global setup of the `collector-pg` test project: one PostgreSQL server for the whole run (the machine's,
 * when NPSLOOP_TEST_PG_URL names one; else an embedded one started here), handed to the tests as a URL.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of the test run's PostgreSQL server (may create databases and schemas). */
    postgresUrl: string;
  }
}

/** Starts the server (unless one is given) and stops it after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.NPSLOOP_TEST_PG_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return async () => {};
  }
  const server = await startPostgresServer();
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
