/** The invite page's tools, a chunk of their own (with the settings styles they share): personal links and email invitation runs. */
import '../settings/settings.css';
import './invite.css';
import { useEffect, useState } from 'preact/hooks';
import { InvitationForm } from '../../components/InvitationForm.tsx';
import { InvitationRuns } from '../../components/InvitationRuns.tsx';
import { LinkForm } from '../../components/LinkForm.tsx';
import { LinkList } from '../../components/LinkList.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { useSession } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { InvitationRun, PersonalLink } from '../../invite-types.ts';
import { useResource } from '../../use-resource.ts';

/** How often runs still sending are read again, in ms. */
const PROGRESS_POLL_MS = 1500;

/** Make and copy links; start runs and follow them (runs still sending are read again). */
export function InviteTools() {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.invite;
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}`;
  const [links, reloadLinks] = useResource(() => api.get<{ links: PersonalLink[] }>(`${base}/links`), [api, base]);
  const [runs, reloadRuns] = useResource(() => api.get<{ runs: InvitationRun[] }>(`${base}/invitations`), [api, base]);
  const [status, setStatus] = useState('');
  const sending = runs.status === 'ok' && runs.data.runs.some((run) => run.state === 'sending');
  useEffect(() => {
    if (!sending) return undefined;
    const timer = setTimeout(reloadRuns, PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [runs]);

  return (
    <>
      <p class="muted">{words.intro}</p>
      <p class="success small" role="status" data-testid="invite-status">{status}</p>
      <article class="card">
        <LinkForm onCreated={(count) => { setStatus(words.links.created(count)); reloadLinks(); }} />
      </article>
      <article class="card">
        <h2>{words.links.list}</h2>
        <Loaded resource={links} what={words.links.what}>{(data) => <LinkList links={data.links} />}</Loaded>
      </article>
      <article class="card">
        <InvitationForm onStarted={() => { setStatus(words.invitations.started); reloadRuns(); }} />
      </article>
      <article class="card">
        <h2>{words.invitations.list}</h2>
        <Loaded resource={runs} what={words.invitations.what.runs}>{(data) => <InvitationRuns runs={data.runs} />}</Loaded>
      </article>
    </>
  );
}
