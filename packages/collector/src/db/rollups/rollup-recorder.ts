/**
 * Collects what one transaction's response and event writes add to the rollups. Inside a write batch each
 * job's changes can be discarded: a job that fails adds nothing.
 */
import { RollupDeltas, type EventFacts, type ResponseFacts, type RollupDelta } from './rollup-delta.ts';

type Change = { before: ResponseFacts | null; after: ResponseFacts | null; event?: undefined } | { event: EventFacts };

/** The rollup deltas of one transaction. */
export class RollupRecorder {
  private readonly changes: Change[] = [];
  /** Where the running job's changes start. */
  private jobStart = 0;

  /** A response went from `before` to `after` (null: absent or deleted). */
  response(before: ResponseFacts | null, after: ResponseFacts | null): void {
    this.changes.push({ before, after });
  }

  /** A prompt event was stored. */
  event(facts: EventFacts): void {
    this.changes.push({ event: facts });
  }

  /** A write job starts: what it records from now on can still be discarded. */
  beginJob(): void {
    this.jobStart = this.changes.length;
  }

  /** The job was rolled back: its changes never happened. */
  discardJob(): void {
    this.changes.length = this.jobStart;
  }

  /** The 15-minute deltas of every change recorded; the recorder is emptied. */
  drainQuarters(): RollupDelta[] {
    const deltas = new RollupDeltas();
    for (const change of this.changes) {
      if (change.event) deltas.addEvent(change.event);
      else deltas.addResponseChange(change.before, change.after);
    }
    this.changes.length = 0;
    this.jobStart = 0;
    return deltas.drainQuarters();
  }
}
