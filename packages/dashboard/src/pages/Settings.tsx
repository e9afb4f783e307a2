/** Settings: the collector's administration, one section at a time (API keys, webhooks, privacy; chat alerts join later). */
import type { ComponentType } from 'preact';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { ReadOnlyNote } from '../components/ReadOnlyNote.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { routeHash, SETTINGS_SECTIONS, type SettingsSection } from '../routes.ts';
import { useResource } from '../use-resource.ts';

// Each section is its own chunk, fetched when it is opened: administration is
// rare, so the first load of the dashboard does not carry it.
const SECTION_VIEWS: Record<SettingsSection, () => Promise<ComponentType>> = {
  keys: () => import('./settings/Keys.tsx').then((module) => module.Keys),
  webhooks: () => import('./settings/Webhooks.tsx').then((module) => module.Webhooks),
  privacy: () => import('./settings/Privacy.tsx').then((module) => module.Privacy),
};

function Section(props: { section: SettingsSection }) {
  const { t } = useI18n();
  const [view] = useResource(SECTION_VIEWS[props.section], []);
  return <Loaded resource={view} what={t.settings.what}>{(View) => <View />}</Loaded>;
}

/** The settings page: section links, then the chosen section (admin keys only: these APIs refuse read keys). */
export function Settings() {
  const { route, scope } = useSession();
  const { t } = useI18n();
  const section = route.section ?? SETTINGS_SECTIONS[0];
  return (
    <Page id="settings" title={t.nav.page.settings}>
      <nav class="sections" aria-label={t.settings.sections}>
        <ul>
          {SETTINGS_SECTIONS.map((id) => (
            <li key={id}><a href={routeHash({ ...route, section: id })} aria-current={id === section ? 'page' : undefined}>{t.settings.section[id]}</a></li>
          ))}
        </ul>
      </nav>
      {scope === 'admin' ? <Section key={section} section={section} /> : <ReadOnlyNote about="settings" />}
    </Page>
  );
}
