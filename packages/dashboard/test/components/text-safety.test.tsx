import { afterEach, describe, expect, it } from 'vitest';
import { Loaded } from '../../src/components/Loaded.tsx';
import { LoopList } from '../../src/components/LoopList.tsx';
import { Quote } from '../../src/components/Quote.tsx';
import { ShortcutHelp } from '../../src/components/ShortcutHelp.tsx';
import { createApi } from '../../src/api.ts';
import type { Loop } from '../../src/types.ts';
import { useResource } from '../../src/use-resource.ts';
import { ADMIN_KEY, testCollector } from '../support/collector.ts';
import { mount, waitFor } from '../support/render.ts';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quotes"';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

describe('comments are text, never HTML', () => {
  it('shows a hostile comment literally in a quote', () => {
    view = mount(<Quote score={2} metric="nps" comment={HOSTILE} touchpoint="checkout" createdAt="2026-03-01T10:00:00Z" />);
    expect(view.container.querySelector('blockquote')!.textContent).toBe(HOSTILE);
    expect(view.container.querySelector('img, script')).toBeNull();
    expect(view.container.querySelector('.score-badge')!.getAttribute('aria-label')).toBe('Score 2 of 10, detractor');
  });

  it('shows it literally in the loop list too', () => {
    const loop = {
      responseId: 'resp-0001', state: 'open', overdue: true, openedAt: '2026-03-01T10:00:00Z', dueAt: '2026-03-03T10:00:00Z', assignee: null,
      response: { score: 1, comment: HOSTILE, touchpoint: 'checkout', channel: 'web', createdAt: '2026-03-01T10:00:00Z' },
    } as Loop;
    view = mount(<LoopList loops={[loop]} selectedId="resp-0001" onSelect={() => undefined} />);
    expect(view.container.querySelector('.loop-comment')!.textContent).toBe(HOSTILE);
    expect(view.container.querySelector('img, script')).toBeNull();
    expect(view.container.querySelector('[aria-current=true]')).not.toBeNull();
    expect(view.container.textContent).toContain('overdue by');
  });
});

function Probe(props: { path: string; fetcher: typeof fetch }) {
  const [resource] = useResource(() => createApi(ADMIN_KEY, '', props.fetcher).get(props.path), [props.path]);
  return <Loaded resource={resource} what="the thing">{() => <p>loaded</p>}</Loaded>;
}

describe('Loaded against a real collector', () => {
  it('says "not available on this collector" for a route the collector does not have', async () => {
    const collector = await testCollector();
    view = mount(<Probe path="/v1/surveys/demo/not-a-feature" fetcher={collector.fetcher} />);
    const note = await waitFor(() => view!.container.querySelector('.notice'), view.container);
    expect(note.textContent).toBe('The thing: not available on this collector yet (it has no such endpoint).');
    await collector.close();
  });

  it('shows the envelope message for other errors', async () => {
    const collector = await testCollector();
    view = mount(<Probe path="/v1/surveys/missing" fetcher={collector.fetcher} />);
    const alert = await waitFor(() => view!.container.querySelector('[role=alert]'), view.container);
    expect(alert.textContent).toBe('Could not load the thing: surveyId: no survey with id "missing"');
    await collector.close();
  });
});

describe('ShortcutHelp', () => {
  it('lists j, k, o, a, c, r, n and ?', () => {
    view = mount(<ShortcutHelp />);
    expect([...view.container.querySelectorAll('kbd')].map((key) => key.textContent)).toEqual(['j', 'k', 'o', 'a', 'c', 'r', 'n', '?']);
  });
});
