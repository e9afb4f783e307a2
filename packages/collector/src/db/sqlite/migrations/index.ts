/** The SQLite schema's migrations in order: literal, numbered SQL that never reads a live constant. */
import type { Migration } from '../sqlite-migrate.ts';
import { MIGRATION_0001 } from './0001-surveys-responses-events-keys.ts';
import { MIGRATION_0002 } from './0002-analytics-rollups.ts';
import { MIGRATION_0003 } from './0003-close-the-loop.ts';
import { MIGRATION_0004 } from './0004-loops-without-rowid.ts';
import { MIGRATION_0005 } from './0005-api-key-last-used.ts';
import { MIGRATION_0006 } from './0006-huddles.ts';
import { MIGRATION_0007 } from './0007-links-invitations-chat.ts';
import { MIGRATION_0008 } from './0008-webhook-pause-privacy-settings.ts';
import { MIGRATION_0009 } from './0009-digest-schedule-resumable-runs.ts';
import { MIGRATION_0010 } from './0010-action-kind-touchpoint.ts';
import { MIGRATION_0011 } from './0011-journeys.ts';
import { MIGRATION_0012 } from './0012-survey-keys-checked-by-the-writer.ts';

/** Every migration, oldest first; a new one is added at the end in a file of its own. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [MIGRATION_0001, MIGRATION_0002, MIGRATION_0003, MIGRATION_0004, MIGRATION_0005, MIGRATION_0006, MIGRATION_0007, MIGRATION_0008, MIGRATION_0009, MIGRATION_0010, MIGRATION_0011, MIGRATION_0012];
