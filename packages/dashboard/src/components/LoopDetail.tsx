/** One loop in full: the comment, contact details when consented, assignee, state changes, SLA timer and notes. */
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { formatDateTime, humanize, slaText } from '../format.ts';
import type { InboxCommand } from '../loops.ts';
import { storedName } from '../session.ts';
import type { Loop, LoopState, Note } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';
import { LoopActions } from './LoopActions.tsx';
import { Quote } from './Quote.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';

/** What the inbox's keyboard shortcuts call on the open loop. */
export interface LoopDetailHandle {
  run(command: InboxCommand): void;
}

/** The detail panel; `control` receives the shortcut handle. */
export function LoopDetail(props: { loop: Loop; control: RefObject<LoopDetailHandle>; onChanged: (done: string) => void }) {
  const { api, scope } = useSession();
  const { loop } = props;
  const path = `/v1/responses/${encodeURIComponent(loop.responseId)}`;
  const [notes, reloadNotes] = useResource(() => api.get<{ notes: Note[] }>(`${path}/loop`), [loop.responseId, loop.notesCount]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [noteText, setNoteText] = useState('');
  const noteField = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function patch(body: { status?: LoopState; assignee?: string | null; closeReason?: string }, done: string) {
    try {
      await api.send('PATCH', path, body);
      setMessage(null);
      props.onChanged(done);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  async function addNote(event?: Event) {
    event?.preventDefault();
    const author = storedName() || 'team';
    try {
      await api.send('POST', `${path}/notes`, { author, text: noteText.trim() });
      setNoteText('');
      setMessage(null);
      reloadNotes();
      props.onChanged('Note added.');
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  props.control.current = {
    run(command) {
      if (command === 'open') heading.current?.focus();
      else if (command === 'note') noteField.current?.focus();
      else if (scope !== 'admin') setMessage({ kind: 'error', text: 'Read-only key: changes need an admin key.' });
      else if (command === 'assign') void patch({ assignee: storedName() || 'me' }, `Assigned to ${storedName() || 'me'}.`);
      else if (command === 'contacted' && loop.state === 'open') void patch({ status: 'contacted' }, 'Marked contacted.');
      else if (command === 'resolved' && loop.state === 'contacted') void patch({ status: 'resolved' }, 'Marked resolved.');
    },
  };

  return (
    <article class="card loop-detail" aria-labelledby="loop-heading">
      <h2 id="loop-heading" tabIndex={-1} ref={heading}>
        Score {loop.response.score} · {humanize(loop.response.touchpoint)} <span class={`state ${loop.state}`}>{loop.state}</span>
      </h2>
      <Quote score={loop.response.score} comment={loop.response.comment} createdAt={loop.response.createdAt} />
      <dl class="facts">
        <div><dt>Contact</dt><dd>{loop.contactable && loop.contact
          ? <>{loop.contact.email && <a href={`mailto:${loop.contact.email}`}>{loop.contact.email}</a>} {loop.contact.userId && <span class="muted">user {loop.contact.userId}</span>}</>
          : <span class="muted">No consent to contact (or no way to reach them)</span>}</dd></div>
        <div><dt>SLA</dt><dd class={loop.overdue ? 'sla overdue' : ''}>{loop.state === 'open' ? slaText(loop.dueAt, Date.now()) : `first contact ${loop.firstContactAt ? formatDateTime(loop.firstContactAt) : '–'}`}</dd></div>
        <div><dt>Assignee</dt><dd>{loop.assignee ?? 'unassigned'}</dd></div>
        {loop.tags.length > 0 && <div><dt>Tags</dt><dd>{loop.tags.map((tag) => <span key={tag} class="state">{humanize(tag)}</span>)}</dd></div>}
        {loop.closeReason && <div><dt>Closed as</dt><dd>{humanize(loop.closeReason)}</dd></div>}
      </dl>
      <ReadOnlyNote action="change loops or add notes" />
      <LoopActions loop={loop} onPatch={patch} />
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <h3>Notes</h3>
      <Loaded resource={notes} what="notes">
        {(data) => data.notes.length === 0 ? <p class="muted small">No notes yet.</p> : (
          <ol class="notes">
            {data.notes.map((note) => <li key={note.id}><p>{note.text}</p><p class="muted small">{note.author} · {formatDateTime(note.createdAt)}</p></li>)}
          </ol>
        )}
      </Loaded>
      <form class="note-form" onSubmit={addNote}>
        <fieldset disabled={scope !== 'admin'}>
          <label for="note-text">Add a note <span class="muted small">(Ctrl+Enter adds it, Escape leaves the field)</span></label>
          <textarea id="note-text" ref={noteField} rows={3} maxLength={5000} value={noteText} required
            onInput={(e) => setNoteText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addNote();
              // Escape hands the keyboard back to the inbox shortcuts.
              if (e.key === 'Escape') e.currentTarget.blur();
            }} />
          <button type="submit">Add note</button>
        </fieldset>
      </form>
    </article>
  );
}
