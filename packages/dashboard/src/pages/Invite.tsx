/** Invite: personal links to send through any channel, and email invitations sent by the collector, for the chosen survey. */
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useResource } from '../use-resource.ts';

// The tools are their own chunk, fetched when the page opens: inviting is rare, so the first load does not carry them.
const loadTools = () => import('./invite/InviteTools.tsx').then((module) => module.InviteTools);

function Tools() {
  const { t } = useI18n();
  const [view] = useResource(loadTools, []);
  return <Loaded resource={view} what={t.invite.links.what}>{(View) => <View />}</Loaded>;
}

/** The invite page (admin keys only: these APIs refuse read keys). */
export function Invite() {
  const { scope } = useSession();
  const { t } = useI18n();
  return (
    <Page id="invite" title={t.nav.page.invite}>
      {scope === 'admin' ? <Tools /> : <p class="notice small">{t.invite.readOnly}</p>}
    </Page>
  );
}
