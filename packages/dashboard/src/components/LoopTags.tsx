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
  // Shown as ticked at once; the list reloads after the change (and drops an excluded loop unless excluded ones are shown).
  const [excluded, setExcluded] = useState(props.loop.excluded);
  const exclude = (value: boolean) => {
    setExcluded(value);
    void props.onPatch({ excluded: value }, value ? t.loop.done.excluded : t.loop.done.included).then((saved) => saved || setExcluded(!value));
  };
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
          <input type="checkbox" checked={excluded} onChange={(e) => exclude(e.currentTarget.checked)} />
          {t.loop.exclude}
        </label>
      </fieldset>
    </form>
  );
}
