/**
 * Collects what one transaction's response and event writes add to the rollups. Inside a write batch each
 * job's changes are held until the job's savepoint is released, so a job that fails adds nothing.
 */
import { RollupDeltas, type EventFacts, type ResponseFacts, type RollupDelta } from './rollup-delta.ts';

type Held = { before: ResponseFacts | null; after: ResponseFacts | null } | { event: EventFacts };

/** The rollup deltas of one transaction. */
export class RollupRecorder {
  private readonly deltas = new RollupDeltas();
  private held: Held[] | null = null;

  /** A response went from `before` to `after` (null: absent or deleted). */
  response(before: ResponseFacts | null, after: ResponseFacts | null): void {
    if (this.held) this.held.push({ before, after });
    else this.deltas.addResponseChange(before, after);
  }

  /** A prompt event was stored. */
  event(facts: EventFacts): void {
    if (this.held) this.held.push({ event: facts });
    else this.deltas.addEvent(facts);
  }

  /** From now on, changes wait for `commitJob` or `discardJob`. */
  beginJob(): void {
    this.held = [];
  }

  /** The job's savepoint was released: its changes count. */
  commitJob(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const change of held) {
      if ('event' in change) this.deltas.addEvent(change.event);
      else this.deltas.addResponseChange(change.before, change.after);
    }
  }

  /** The job was rolled back: its changes never happened. */
  discardJob(): void {
    this.held = null;
  }

  /** The 15-minute deltas recorded so far; the recorder is emptied. */
  drainQuarters(): RollupDelta[] {
    return this.deltas.drainQuarters();
  }
}
