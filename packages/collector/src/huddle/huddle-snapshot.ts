/**
 * The snapshot a held huddle keeps: the digest's figures as they were, and which responses it quoted by id.
 * Comments are read back from the responses when the huddle is shown, so an erased respondent or a comment
 * purged by retention leaves no copy behind in old huddles.
 */
import type { HuddleDigest } from './huddle-report.ts';

type DigestTheme = HuddleDigest['themes']['detractor'][number];
type DigestLoop = HuddleDigest['loops']['overdueLoops'][number];

/** A theme as kept: its quotes as response ids. */
export type SnapshotTheme = Omit<DigestTheme, 'quotes'> & { quoteIds: string[] };

/** The digest as kept. */
export interface HuddleSnapshot extends Omit<HuddleDigest, 'themes' | 'loops'> {
  themes: Record<'detractor' | 'promoter', SnapshotTheme[]>;
  loops: Omit<HuddleDigest['loops'], 'overdueLoops'> & { overdueLoops: Omit<DigestLoop, 'comment'>[] };
}

/** The digest with quotes and loop comments replaced by the ids of the responses they came from (the newest with that text). */
export function snapshotOf(digest: HuddleDigest, comments: readonly { id: string; comment: string }[]): HuddleSnapshot {
  const idOfText = new Map<string, string>();
  for (const row of comments) if (!idOfText.has(row.comment)) idOfText.set(row.comment, row.id);
  const keep = (themes: DigestTheme[]): SnapshotTheme[] => themes.map(({ quotes, ...theme }) => ({
    ...theme, quoteIds: quotes.flatMap((quote) => idOfText.get(quote) ?? []),
  }));
  return {
    ...digest,
    themes: { detractor: keep(digest.themes.detractor), promoter: keep(digest.themes.promoter) },
    loops: { ...digest.loops, overdueLoops: digest.loops.overdueLoops.map(({ comment: _comment, ...loop }) => loop) },
  };
}

/** The ids of the responses a snapshot needs comments of. */
export function quotedIds(snapshot: HuddleSnapshot): string[] {
  return [
    ...[...snapshot.themes.detractor, ...snapshot.themes.promoter].flatMap((theme) => theme.quoteIds),
    ...snapshot.loops.overdueLoops.map((loop) => loop.responseId),
  ];
}

/** The digest again from a snapshot and the comments as they stand now (gone or purged ones left out). */
export function digestOf(snapshot: HuddleSnapshot, comments: ReadonlyMap<string, string | null>): HuddleDigest {
  const quote = (id: string) => comments.get(id) ?? [];
  const show = (themes: SnapshotTheme[]): DigestTheme[] => themes.map(({ quoteIds, ...theme }) => ({ ...theme, quotes: quoteIds.flatMap(quote) }));
  return {
    ...snapshot,
    themes: { detractor: show(snapshot.themes.detractor), promoter: show(snapshot.themes.promoter) },
    loops: { ...snapshot.loops, overdueLoops: snapshot.loops.overdueLoops.map((loop) => ({ ...loop, comment: comments.get(loop.responseId) ?? null })) },
  };
}
