/** Hash routes: `#/<survey>/<page>` and `#/<survey>/settings/<section>`; parsing and building are pure. */

/** The dashboard's pages, in navigation order (their names are in the dictionary, `nav.page`). */
export const PAGES = ['overview', 'comments', 'inbox', 'huddle', 'invite', 'touchpoints', 'journey', 'teams', 'surveys', 'settings'] as const;

/** A page id. */
export type PageId = (typeof PAGES)[number];

/**
 * The sections of the settings area, in order; the first is where "Settings" opens.
 * Chat alerts slot in here (and in the dictionary's `settings.section`) once the collector has their API.
 */
export const SETTINGS_SECTIONS = ['keys', 'webhooks', 'privacy'] as const;

/** A settings section id. */
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Where the viewer is; `section` only on the settings page. */
export interface Route {
  surveyId: string | null;
  page: PageId;
  section?: SettingsSection;
}

const isPage = (value: string): value is PageId => (PAGES as readonly string[]).includes(value);
const isSection = (value: string): value is SettingsSection => (SETTINGS_SECTIONS as readonly string[]).includes(value);

/** Reads `#/demo/inbox` → `{ surveyId: 'demo', page: 'inbox' }`; unknown pages fall back to the overview, unknown sections to the first. */
export function parseRoute(hash: string): Route {
  const [surveyPart = '', pagePart = '', sectionPart = ''] = hash.replace(/^#\/?/, '').split('/');
  const surveyId = surveyPart ? decodeURIComponent(surveyPart) : null;
  const page = isPage(pagePart) ? pagePart : 'overview';
  if (page !== 'settings') return { surveyId, page };
  return { surveyId, page, section: isSection(sectionPart) ? sectionPart : SETTINGS_SECTIONS[0] };
}

/** Builds the hash of a route. */
export function routeHash(route: Route): string {
  const base = `#/${route.surveyId ? encodeURIComponent(route.surveyId) : ''}/${route.page}`;
  return route.page === 'settings' ? `${base}/${route.section ?? SETTINGS_SECTIONS[0]}` : base;
}
