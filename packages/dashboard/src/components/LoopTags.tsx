/** A loop's tags and its `excluded` flag (a test or spam answer left out of every figure). */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { parseTags } from '../loops.ts';
import type { Loop } from '../types.ts';
import type { LoopPatch } from './LoopDetail.tsx';

/** Tags as one comma-separated field, saved together; the exclusion as a checkbox that saves at once. */
export function LoopTags(props: { loop: Loop; onPatch: LoopPatch }) {
  const { scope } = useSession();
  const { t } = useI18n();
  const [text, setText] = useState(props.loop.tags.join(', '));
  const id = `tags-${props.loop.responseId}`;
  const save = (event: Event) => {
    event.preventDefault();
    void props.onPatch({ tags: parseTags(text) }, t.loop.done.tags);
  };
  return (
    <form class="loop-tags" onSubmit={save}>
      <fieldset disabled={scope !== 'admin'}>
        <label for={id}>{t.loop.tagsField} <span class="muted small">{t.loop.tagsHint}</span></label>
        <div class="row">
          <input id={id} value={text} maxLength={500} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit">{t.loop.saveTags}</button>
        </div>
        <label class="check">
          <input type="checkbox" checked={props.loop.excluded}
            onChange={(e) => void props.onPatch({ excluded: e.currentTarget.checked }, e.currentTarget.checked ? t.loop.done.excluded : t.loop.done.included)} />
          {t.loop.exclude}
        </label>
      </fieldset>
    </form>
  );
}
