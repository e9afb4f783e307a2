/** One loop in full: the comment, contact details when consented, assignee, state changes, SLA timer, tags and notes. */
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useSession, useSurveyMetric } from '../context.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { InboxCommand } from '../loops.ts';
import { storedName } from '../session.ts';
import type { Loop, LoopState, Note } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';
import { LoopActions } from './LoopActions.tsx';
import { LoopTags } from './LoopTags.tsx';
import { Quote } from './Quote.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';

/** What the inbox's keyboard shortcuts call on the open loop. */
export interface LoopDetailHandle {
  run(command: InboxCommand): void;
}

/** A change to the loop (`PATCH /v1/responses/:id`) and the words that report it done; resolves to whether it was saved. */
export type LoopPatch = (body: { status?: LoopState; assignee?: string | null; closeReason?: string; tags?: string[]; excluded?: boolean }, done: string) => Promise<boolean>;

/**
 * The detail panel; `control` receives the shortcut handle. `onChanged` hears the words for what was done and
 * the loop as the collector now has it; `leftList` says the loop is no longer in the list beside it.
 */
export function LoopDetail(props: { loop: Loop; control: RefObject<LoopDetailHandle>; leftList?: boolean; onChanged: (done: string, loop: Loop | null) => void }) {
  const { api, scope } = useSession();
  const metric = useSurveyMetric();
  const { t, fmt } = useI18n();
  const { loop } = props;
  const path = `/v1/responses/${encodeURIComponent(loop.responseId)}`;
  const [notes, reloadNotes] = useResource(() => api.get<{ notes: Note[] }>(`${path}/loop`), [loop.responseId, loop.notesCount]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [noteText, setNoteText] = useState('');
  const noteField = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const patch: LoopPatch = async (body, done) => {
    try {
      const changed = await api.send<{ loop: Loop | null }>('PATCH', path, body);
      setMessage(null);
      props.onChanged(done, changed.loop);
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error, t) });
      return false;
    }
  };

  async function addNote(event?: Event) {
    event?.preventDefault();
    try {
      await api.send('POST', `${path}/notes`, { author: storedName() || t.loop.team, text: noteText.trim() });
      setNoteText('');
      setMessage(null);
      reloadNotes();
      props.onChanged(t.loop.done.note, null);
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error, t) });
    }
  }

  // Assigned by the name the viewer gave (top of the page): never a word like "me" that means someone else to the team.
  function assignToMe() {
    const me = storedName();
    if (me) void patch({ assignee: me }, t.loop.done.assigned(me));
    else setMessage({ kind: 'error', text: t.loop.nameFirst });
  }

  props.control.current = {
    run(command) {
      if (command === 'open') heading.current?.focus();
      else if (command === 'note') noteField.current?.focus();
      else if (scope !== 'admin') setMessage({ kind: 'error', text: t.readOnly.key });
      else if (command === 'assign') assignToMe();
      else if (command === 'contacted' && loop.state === 'open') void patch({ status: 'contacted' }, t.loop.done.contacted);
      else if (command === 'resolved' && loop.state === 'contacted') void patch({ status: 'resolved' }, t.loop.done.resolved);
    },
  };

  return (
    <article class="card loop-detail" aria-labelledby="loop-heading">
      <h2 id="loop-heading" tabIndex={-1} ref={heading}>
        {t.loop.heading(loop.response.score, fmt.label(loop.response.touchpoint))} <span class={`state ${loop.state}`}>{t.loop.state[loop.state]}</span>
      </h2>
      {props.leftList && <p class="notice small" data-testid="left-list">{t.inbox.leftList}</p>}
      <Quote score={loop.response.score} metric={metric} comment={loop.response.comment} createdAt={loop.response.createdAt} />
      <dl class="facts">
        <div><dt>{t.loop.contact}</dt><dd>{loop.contactable && loop.contact
          ? <>{loop.contact.email && <a href={`mailto:${loop.contact.email}`}>{loop.contact.email}</a>} {loop.contact.userId && <span class="muted">{t.loop.user(loop.contact.userId)}</span>}</>
          : <span class="muted">{t.loop.noConsent}</span>}</dd></div>
        <div><dt>{t.loop.sla}</dt><dd class={loop.overdue ? 'sla overdue' : ''}>
          {loop.state === 'open' ? fmt.sla(loop.dueAt, Date.now()) : t.loop.firstContact(loop.firstContactAt ? fmt.dateTime(loop.firstContactAt) : '–')}</dd></div>
        <div><dt>{t.loop.assignee}</dt><dd>{loop.assignee ?? t.inbox.unassigned}</dd></div>
        {loop.closeReason && <div><dt>{t.loop.closedAs}</dt><dd>{fmt.label(loop.closeReason)}</dd></div>}
      </dl>
      <ReadOnlyNote about="loops" />
      <LoopActions loop={loop} onPatch={patch} onAssignMe={assignToMe} />
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <LoopTags loop={loop} onPatch={patch} />
      <h3>{t.loop.notes}</h3>
      <Loaded resource={notes} what={t.inbox.what.notes}>
        {(data) => data.notes.length === 0 ? <p class="muted small">{t.loop.noNotes}</p> : (
          <ol class="notes">
            {data.notes.map((note) => <li key={note.id}><p>{note.text}</p><p class="muted small">{note.author} · {fmt.dateTime(note.createdAt)}</p></li>)}
          </ol>
        )}
      </Loaded>
      <form class="note-form" onSubmit={addNote}>
        <fieldset disabled={scope !== 'admin'}>
          <label for="note-text">{t.loop.addNote} <span class="muted small">{t.loop.noteHint}</span></label>
          <textarea id="note-text" ref={noteField} rows={3} maxLength={5000} value={noteText} required
            onInput={(e) => setNoteText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addNote();
              // Escape hands the keyboard back to the inbox shortcuts.
              if (e.key === 'Escape') e.currentTarget.blur();
            }} />
          <button type="submit">{t.loop.addNoteButton}</button>
        </fieldset>
      </form>
    </article>
  );
}
