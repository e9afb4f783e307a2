/** Hash routes: `#/<survey>/<page>`; parsing and building are pure. */

/** The dashboard's pages, in navigation order. */
export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'comments', label: 'Comments' },
  { id: 'inbox', label: 'Loop inbox' },
  { id: 'huddle', label: 'Huddle' },
  { id: 'touchpoints', label: 'Touchpoints' },
  { id: 'surveys', label: 'Surveys' },
] as const;

/** A page id. */
export type PageId = (typeof PAGES)[number]['id'];

/** Where the viewer is. */
export interface Route {
  surveyId: string | null;
  page: PageId;
}

const PAGE_IDS = new Set<string>(PAGES.map((page) => page.id));

/** Reads `#/demo/inbox` → `{ surveyId: 'demo', page: 'inbox' }`; unknown pages fall back to the overview. */
export function parseRoute(hash: string): Route {
  const [surveyPart = '', pagePart = ''] = hash.replace(/^#\/?/, '').split('/');
  const surveyId = surveyPart ? decodeURIComponent(surveyPart) : null;
  const page = PAGE_IDS.has(pagePart) ? (pagePart as PageId) : 'overview';
  return { surveyId, page };
}

/** Builds the hash of a route. */
export function routeHash(route: Route): string {
  return `#/${route.surveyId ? encodeURIComponent(route.surveyId) : ''}/${route.page}`;
}
