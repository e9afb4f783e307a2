/** Huddle mode: one full-screen page for the team meeting: the live digest, or the huddle the team is running on it. */
import { useState } from 'preact/hooks';
import { CopyMarkdown } from '../components/CopyMarkdown.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { HuddleDigest } from '../components/HuddleDigest.tsx';
import { HuddleSession } from '../components/HuddleSession.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { HeldHuddle, Huddle as HuddleDigestData, HuddleSummary } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { useSubmit } from '../use-submit.ts';

const SPANS = [7, 14, 30] as const;

/** The huddle page. */
export function Huddle() {
  const { api, surveyId, scope } = useSession();
  const { t, fmt } = useI18n();
  const [days, setDays] = useState<number>(7);
  const [closedNote, setClosedNote] = useState<string | null>(null);
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}`;
  const [latest, reloadLatest] = useResource(() => api.get<{ huddles: HuddleSummary[] }>(`${base}/huddles`, { limit: 1 }), [surveyId]);
  const running = latest.status === 'ok' && latest.data.huddles[0]?.state === 'open' ? latest.data.huddles[0].id : null;
  const [digest, reload] = useResource(
    () => (running ? Promise.resolve(null) : api.get<HuddleDigestData>(`${base}/huddle`, { days, tz: fmt.timeZone })),
    [surveyId, days, running],
  );
  const { busy, error, run } = useSubmit();
  const start = () => void run(async () => {
    setClosedNote(null);
    await api.send<HeldHuddle>('POST', `${base}/huddles`, { days, tz: fmt.timeZone });
    reloadLatest();
  });
  const closed = (huddle: HeldHuddle) => {
    setClosedNote(t.meeting.closed(fmt.day(huddle.startedAt)));
    reloadLatest();
  };
  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <Page id="huddle" title={t.nav.page.huddle} tools={<>
      {!running && <Segmented legend={t.huddle.period} name="huddle-days" value={days} choices={SPANS.map((value) => ({ value, label: t.huddle.days(value) }))} onChange={setDays} />}
      {!running && scope === 'admin' && latest.status === 'ok' && (
        <button type="button" class="primary" disabled={busy} onClick={start}>{busy ? t.meeting.starting : t.meeting.start}</button>
      )}
      <CopyMarkdown source={running ? { huddleId: running } : { days }} />
      <button type="button" onClick={fullScreen} title={t.huddle.fullScreenTitle}>{t.huddle.fullScreen}</button>
    </>}>
      <ErrorText error={error} />
      {closedNote && <p class="success" role="status">{closedNote}</p>}
      {running
        ? <HuddleSession id={running} onClosed={closed} />
        : <Loaded resource={digest} what={t.huddle.what}>{(data) => data && <HuddleDigest digest={data} onChanged={reload} />}</Loaded>}
    </Page>
  );
}
