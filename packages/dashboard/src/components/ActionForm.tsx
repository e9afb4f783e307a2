/** One-step form that creates an improvement action from a theme or a comment. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { storedName } from '../session.ts';
import type { Action } from '../types.ts';
import { useSubmit } from '../use-submit.ts';

/** What the new action links to. */
export interface ActionSeed {
  title: string;
  themes?: string[];
  responseIds?: string[];
}

/** Title (prefilled) and owner, one submit; reports the created action. */
export function ActionForm(props: { seed: ActionSeed; onCreated: (action: Action) => void; onCancel: () => void }) {
  const { api, surveyId, scope } = useSession();
  const [title, setTitle] = useState(props.seed.title);
  const [owner, setOwner] = useState(storedName());
  const { busy, error, run } = useSubmit();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const action = await api.send<Action>('POST', '/v1/actions', {
        surveyId, title: title.trim(), owner: owner.trim() || null, themes: props.seed.themes, responseIds: props.seed.responseIds,
      });
      props.onCreated(action);
    });
  };

  return (
    <form class="inline-form" onSubmit={submit} aria-label="New improvement action">
      <fieldset disabled={scope !== 'admin' || busy}>
        <label>Action <input value={title} maxLength={200} required onInput={(e) => setTitle(e.currentTarget.value)} /></label>
        <label>Owner <input value={owner} maxLength={100} placeholder="Who owns it" onInput={(e) => setOwner(e.currentTarget.value)} /></label>
        <div class="row">
          <button type="submit" class="primary">Create action</button>
          <button type="button" onClick={props.onCancel}>Cancel</button>
        </div>
      </fieldset>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
