/** Journeys: an ordered list of steps, each a touchpoint or journey value and the surveys that measure it. */
import type { Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { JourneysTable } from '../schema.ts';

/** One step of a journey: which answers it counts (a touchpoint or a journey value) and the surveys whose figures it shows. */
export interface JourneyStep {
  name: string;
  touchpoint?: string;
  journey?: string;
  surveys: string[];
}

/** A journey as stored (times in epoch ms). */
export interface JourneyRecord {
  id: string;
  name: string;
  steps: JourneyStep[];
  createdAt: number;
  updatedAt: number;
}

function record(row: Selectable<JourneysTable>): JourneyRecord {
  return { id: row.id, name: row.name, steps: JSON.parse(row.steps) as JourneyStep[], createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}

/** Journey storage on one executor. */
export class JourneyRepository {
  constructor(private readonly executor: Executor) {}

  /** Stores a new journey; false when the id is taken. */
  async insert(journey: Pick<JourneyRecord, 'id' | 'name' | 'steps'>, now: number): Promise<boolean> {
    const result = await this.executor.db.insertInto('journeys')
      .values({ id: journey.id, name: journey.name, steps: JSON.stringify(journey.steps), created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** One journey, or undefined. */
  async get(id: string): Promise<JourneyRecord | undefined> {
    const row = await this.executor.db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && record(row);
  }

  /** Every journey, by name. */
  async list(): Promise<JourneyRecord[]> {
    const rows = await this.executor.db.selectFrom('journeys').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(record);
  }

  /** Replaces a journey's name and steps; false when it does not exist. */
  async replace(id: string, journey: Pick<JourneyRecord, 'name' | 'steps'>, now: number): Promise<boolean> {
    const result = await this.executor.db.updateTable('journeys')
      .set({ name: journey.name, steps: JSON.stringify(journey.steps), updated_at: now })
      .where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Deletes a journey; false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    const result = await this.executor.db.deleteFrom('journeys').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
