/** Huddles the team runs and keeps: start one on the digest, note what was said, close it, read the history. */
import { randomBytes } from 'node:crypto';
import type { ActionService } from '../actions/action-service.ts';
import type { Database } from '../db/database.ts';
import type { HuddleNotes, HuddleRecord } from '../db/repositories/huddle-repository.ts';
import { HttpError } from '../lib/errors.ts';
import type { HuddleBuilder } from './huddle-report.ts';
import { digestOf, quotedIds, snapshotOf, type HuddleSnapshot } from './huddle-snapshot.ts';

/** How a huddle starts. */
export interface HuddleStart {
  days: number;
  timeZone: string;
  attendees: string[];
}

const notFound = (id: string) => new HttpError(404, 'huddle_not_found', `id: no huddle with id "${id}"`);
const closed = (id: string) => new HttpError(409, 'huddle_closed', `id: huddle "${id}" is closed; its notes are kept as they were`);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The huddle service on one database, with the digest builder and the action service. */
export function createHuddleSessions(database: Database, services: { build: HuddleBuilder; actions: ActionService }) {
  /** A huddle as the API shows it: its digest as held, what the team noted, its actions, and the previous huddle's actions as they stand now. */
  async function view(huddle: HuddleRecord, now: number) {
    const snapshot = huddle.snapshot as HuddleSnapshot;
    const [previous] = await database.huddles.list(huddle.surveyId, { limit: 1, before: huddle.startedAt });
    return {
      id: huddle.id, surveyId: huddle.surveyId, state: huddle.closedAt === null ? ('open' as const) : ('closed' as const),
      startedAt: iso(huddle.startedAt)!, closedAt: iso(huddle.closedAt), days: huddle.days, tz: huddle.tz,
      attendees: huddle.attendees, learned: huddle.learned, staffNeeds: huddle.staffNeeds, decisions: huddle.decisions,
      digest: digestOf(snapshot, await database.huddles.comments(quotedIds(snapshot))),
      actions: await services.actions.list({ huddleId: huddle.id }, now),
      previous: previous ? { id: previous.id, startedAt: iso(previous.startedAt)!, decisions: previous.decisions, actions: await services.actions.list({ huddleId: previous.id }, now) } : null,
    };
  }

  async function openHuddle(id: string): Promise<HuddleRecord> {
    const huddle = await database.huddles.get(id);
    if (!huddle) throw notFound(id);
    if (huddle.closedAt !== null) throw closed(id);
    return huddle;
  }

  return {
    view,

    /** Starts a huddle on the digest of the last `days` days; 409 while another huddle of the survey is open. */
    async start(survey: { id: string; name: string }, start: HuddleStart, now: number) {
      const { digest, comments } = await services.build(survey, { days: start.days, timeZone: start.timeZone, now });
      const id = `hud_${randomBytes(8).toString('hex')}`;
      const huddle = {
        id, surveyId: survey.id, days: start.days, tz: start.timeZone, snapshot: snapshotOf(digest, comments),
        attendees: start.attendees, learned: null, staffNeeds: null, decisions: null, startedAt: now,
      };
      // The insert gives way to a huddle open (or committed meanwhile by another start); one that closes before it is read is tried again.
      while (!(await database.huddles.insertUnlessOpen(huddle))) {
        const open = await database.huddles.openOf(survey.id);
        if (open) throw new HttpError(409, 'huddle_open', `surveyId: huddle "${open.id}" of survey "${survey.id}" is still open; close it first`);
      }
      return view((await database.huddles.get(id))!, now);
    },

    /** One huddle, or 404. */
    async get(id: string, now: number) {
      const huddle = await database.huddles.get(id);
      if (!huddle) throw notFound(id);
      return view(huddle, now);
    },

    /** The survey's huddles, newest first: when, who, what was noted, the NPS they were held on and how many actions were made. */
    async history(surveyId: string, options: { limit: number; before?: number }) {
      const huddles = await database.huddles.list(surveyId, options);
      // One read of the survey's actions, counted per huddle, rather than one read per huddle.
      const madeIn = new Map<string, number>();
      for (const action of huddles.length ? await database.actions.list({ surveyId }) : []) {
        if (action.huddleId) madeIn.set(action.huddleId, (madeIn.get(action.huddleId) ?? 0) + 1);
      }
      return huddles.map((huddle) => {
        const snapshot = huddle.snapshot as HuddleSnapshot;
        return {
          id: huddle.id, state: huddle.closedAt === null ? ('open' as const) : ('closed' as const), startedAt: iso(huddle.startedAt)!, closedAt: iso(huddle.closedAt),
          days: huddle.days, tz: huddle.tz, attendees: huddle.attendees, learned: huddle.learned, staffNeeds: huddle.staffNeeds, decisions: huddle.decisions,
          figure: snapshot.figure, change: snapshot.change, actions: madeIn.get(huddle.id) ?? 0,
        };
      });
    },

    /** Writes the fields given of the team's notes; 409 once closed. */
    async note(id: string, notes: Partial<HuddleNotes>, now: number) {
      const huddle = await openHuddle(id);
      const pick = <T>(value: T | undefined, stored: T) => (value === undefined ? stored : value);
      await database.huddles.writeNotes(id, {
        attendees: pick(notes.attendees, huddle.attendees), learned: pick(notes.learned, huddle.learned),
        staffNeeds: pick(notes.staffNeeds, huddle.staffNeeds), decisions: pick(notes.decisions, huddle.decisions),
      }, now);
      return view((await database.huddles.get(id))!, now);
    },

    /** Closes a huddle; 409 when it already is. */
    async close(id: string, now: number) {
      await openHuddle(id);
      await database.huddles.close(id, now);
      return view((await database.huddles.get(id))!, now);
    },
  };
}

/** The huddle service's interface. */
export type HuddleSessions = ReturnType<typeof createHuddleSessions>;
/** A huddle as the API shows it. */
export type HuddleView = Awaited<ReturnType<HuddleSessions['view']>>;
