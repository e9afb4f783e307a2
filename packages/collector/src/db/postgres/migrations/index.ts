/** The PostgreSQL schema's migrations in order: literal, numbered SQL that never reads a live constant. */
import type { PostgresMigration } from '../postgres-migrate.ts';
import { PG_MIGRATION_0005 } from './0005-schema-of-release-5.ts';
import { PG_MIGRATION_0006 } from './0006-huddles.ts';
import { PG_MIGRATION_0007 } from './0007-links-invitations-chat.ts';
import { PG_MIGRATION_0008 } from './0008-webhook-pause-privacy-settings.ts';
import { PG_MIGRATION_0009 } from './0009-digest-schedule-resumable-runs.ts';
import { PG_MIGRATION_0010 } from './0010-action-kind-touchpoint.ts';
import { PG_MIGRATION_0011 } from './0011-journeys.ts';
import { PG_MIGRATION_0012 } from './0012-survey-keys-checked-by-the-writer.ts';

/** Every migration, oldest first; a new one is added at the end in a file of its own, with the SQLite one of the same number. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [PG_MIGRATION_0005, PG_MIGRATION_0006, PG_MIGRATION_0007, PG_MIGRATION_0008, PG_MIGRATION_0009, PG_MIGRATION_0010, PG_MIGRATION_0011, PG_MIGRATION_0012];
