/** One-step form that creates an improvement action from a theme or a comment: title, owner, due date, quick win or bigger bet, touchpoint. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { storedName } from '../session.ts';
import type { Action, ActionKind } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

/** What the new action links to. */
export interface ActionSeed {
  title: string;
  themes?: string[];
  responseIds?: string[];
  /** The open huddle the action is made in. */
  huddleId?: string;
  /** The touchpoint the action improves. */
  touchpoint?: string;
}

/** Title (prefilled), owner and an optional due date, one submit; reports the created action. */
export function ActionForm(props: { seed: ActionSeed; onCreated: (action: Action) => void; onCancel: () => void }) {
  const { api, surveyId, scope } = useSession();
  const { t } = useI18n();
  const [title, setTitle] = useState(props.seed.title);
  const [owner, setOwner] = useState(storedName());
  const [dueDate, setDueDate] = useState('');
  const [kind, setKind] = useState<ActionKind>('quick_win');
  const [touchpoint, setTouchpoint] = useState(props.seed.touchpoint ?? '');
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const action = await api.send<Action>('POST', '/v1/actions', {
        surveyId, title: title.trim(), kind, touchpoint: touchpoint.trim() || null, owner: owner.trim() || null, dueDate: dueDate || null, themes: props.seed.themes, responseIds: props.seed.responseIds, huddleId: props.seed.huddleId,
      });
      props.onCreated(action);
    });
  };

  return (
    <form class="inline-form" onSubmit={submit} aria-label={t.actions.form}>
      <fieldset disabled={scope !== 'admin' || busy}>
        <label>{t.actions.title} <input value={title} maxLength={200} required onInput={(e) => setTitle(e.currentTarget.value)} /></label>
        <div class="row">
          <label>{t.actions.owner} <input value={owner} maxLength={100} placeholder={t.actions.ownerPlaceholder} onInput={(e) => setOwner(e.currentTarget.value)} /></label>
          <label>{t.actions.due} <input type="date" value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} /></label>
        </div>
        <div class="row">
          <label>{t.actions.kindLabel} <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ActionKind)}>
            <option value="quick_win">{t.actions.kind.quick_win}</option>
            <option value="bigger_bet">{t.actions.kind.bigger_bet}</option>
          </select></label>
          <label>{t.actions.touchpoint} <input value={touchpoint} maxLength={64} pattern="[a-z0-9._\-]+" placeholder={t.actions.touchpointPlaceholder} onInput={(e) => setTouchpoint(e.currentTarget.value)} /></label>
        </div>
        <div class="row">
          <button type="submit" class="primary">{t.actions.create}</button>
          <button type="button" onClick={props.onCancel}>{t.common.cancel}</button>
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
