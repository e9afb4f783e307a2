/** Settings: the collector's administration, one section at a time (webhooks, privacy; API keys and chat alerts join later). */
import { Page } from '../components/Page.tsx';
import { ReadOnlyNote } from '../components/ReadOnlyNote.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { routeHash, SETTINGS_SECTIONS, type SettingsSection } from '../routes.ts';
import { Privacy } from './settings/Privacy.tsx';
import { Webhooks } from './settings/Webhooks.tsx';

const SECTION_VIEWS: Record<SettingsSection, () => preact.JSX.Element> = { webhooks: Webhooks, privacy: Privacy };

/** The settings page: section links, then the chosen section (admin keys only: these APIs refuse read keys). */
export function Settings() {
  const { route, scope } = useSession();
  const { t } = useI18n();
  const section = route.section ?? SETTINGS_SECTIONS[0];
  const Section = SECTION_VIEWS[section];
  return (
    <Page id="settings" title={t.nav.page.settings}>
      <nav class="sections" aria-label={t.settings.sections}>
        <ul>
          {SETTINGS_SECTIONS.map((id) => (
            <li key={id}><a href={routeHash({ ...route, section: id })} aria-current={id === section ? 'page' : undefined}>{t.settings.section[id]}</a></li>
          ))}
        </ul>
      </nav>
      {scope === 'admin' ? <Section key={section} /> : <ReadOnlyNote about="settings" />}
    </Page>
  );
}
