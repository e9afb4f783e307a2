/** The loop inbox: detractors to call back, open and overdue first, worked by mouse or keyboard. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Loaded } from '../components/Loaded.tsx';
import { LoopDetail, type LoopDetailHandle } from '../components/LoopDetail.tsx';
import { LoopList } from '../components/LoopList.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { ShortcutHelp } from '../components/ShortcutHelp.tsx';
import { useSession } from '../context.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { commandFor, workOrder } from '../loops.ts';
import { storedName } from '../session.ts';
import type { Loop, LoopStats } from '../types.ts';
import { useResource } from '../use-resource.ts';

const VIEWS = ['todo', 'done'] as const;

/** The loop inbox page. */
export function Inbox() {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [view, setView] = useState<'todo' | 'done'>('todo');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [withExcluded, setWithExcluded] = useState(false);
  const me = storedName();
  const detail = useRef<LoopDetailHandle>(null);
  const states = view === 'todo' ? ['open', 'contacted'] : ['resolved', 'closed'];
  const [loops, reload] = useResource(async () => {
    const body = await api.get<{ loops: Loop[] }>('/v1/loops', {
      surveyId, state: states, assignee: mine && me ? me : undefined, includeExcluded: withExcluded ? 'true' : undefined, limit: 500,
    });
    return workOrder(body.loops);
  }, [surveyId, view, mine, withExcluded]);
  const [stats, reloadStats] = useResource(() => api.get<LoopStats>(`/v1/surveys/${encodeURIComponent(surveyId)}/loops/stats`), [surveyId]);
  // The loop a change took out of this list (excluded, resolved) stays in the panel until another is picked:
  // the next loop never slides in under the pointer, and the change can be undone where it was made.
  const [kept, setKept] = useState<Loop | null>(null);
  const list = loops.status === 'ok' ? loops.data : [];
  const overdueNow = list.filter((loop) => loop.overdue).length;
  const listed = list.find((loop) => loop.responseId === selectedId);
  const leftList = !listed && kept !== null && kept.responseId === selectedId;
  const selected = listed ?? (leftList ? kept : list[0] ?? null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      const index = selected ? list.indexOf(selected) : -1;
      if (command === 'help') setHelp((shown) => !shown);
      else if (command === 'next' && list.length) setSelectedId(list[Math.min(list.length - 1, index + 1)].responseId);
      else if (command === 'previous' && list.length) setSelectedId(list[Math.max(0, index - 1)].responseId);
      else detail.current?.run(command);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [list, selected]);

  // Keep working the same loop after a change, even when the work order moves it.
  const changed = (responseId: string, text: string, loop: Loop | null) => {
    setSelectedId(responseId);
    setKept(loop);
    setDone(text);
    reload();
    reloadStats();
  };

  return (
    <Page id="inbox" title={t.nav.page.inbox} tools={<>
      <Segmented legend={t.inbox.show} name="view" value={view} choices={VIEWS.map((value) => ({ value, label: t.inbox.views[value] }))} onChange={setView} />
      <label class="check"><input type="checkbox" checked={mine} disabled={!me} onChange={(e) => setMine(e.currentTarget.checked)} />
        {me ? t.inbox.onlyMine(me) : t.inbox.onlyMineNoName}</label>
      <label class="check"><input type="checkbox" checked={withExcluded} onChange={(e) => setWithExcluded(e.currentTarget.checked)} />{t.inbox.showExcluded}</label>
      <button type="button" class="link" aria-expanded={help} onClick={() => setHelp(!help)}>{t.inbox.shortcutsButton}</button>
    </>}>
      {help && <ShortcutHelp />}
      <p class="success small" role="status" data-testid="inbox-status">{done}</p>
      <Loaded resource={stats} what={t.inbox.what.stats}>
        {(data) => (
          <p class="stats-line" data-testid="loop-stats">{fill(t.inbox.stats, {
            open: <strong>{fmt.count(data.open)}</strong>,
            overdue: <strong class={overdueNow ? 'overdue' : ''}>{fmt.count(overdueNow)}</strong>,
            sla: fmt.count(data.withinSla.slaHours),
            median: data.timeToFirstContact.medianHours === null ? '–' : fmt.number(data.timeToFirstContact.medianHours),
            share: fmt.share(data.withinSla.share),
          })}</p>
        )}
      </Loaded>
      <Loaded resource={loops} what={t.inbox.what.loops}>
        {(data) => data.length === 0 && !selected ? <p class="notice">{view === 'todo' ? t.inbox.zero : t.inbox.noFinished}</p> : (
          <div class="inbox">
            {data.length === 0 ? <p class="notice">{view === 'todo' ? t.inbox.zero : t.inbox.noFinished}</p>
              : <LoopList loops={data} selectedId={selected?.responseId ?? null} onSelect={setSelectedId} />}
            {selected && <LoopDetail control={detail} key={selected.responseId} loop={selected} leftList={leftList}
              onChanged={(text, loop) => changed(selected.responseId, text, loop)} />}
          </div>
        )}
      </Loaded>
    </Page>
  );
}
