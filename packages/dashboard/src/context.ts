/** What every page needs: the API client, the key's scope, the chosen survey. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, CallingKey, KeyScope } from './api.ts';
import type { Route } from './routes.ts';
import type { Metric, Survey } from './types.ts';

/** The signed-in session. */
export interface Session {
  api: Api;
  scope: KeyScope;
  /** The signed-in key as the collector describes it (id, name, scope, where it comes from). */
  me: CallingKey;
  surveyId: string;
  surveys: Survey[];
  reloadSurveys: () => void;
  /** Where the viewer is (the settings page reads its section from it). */
  route: Route;
}

/** Provided by the shell once signed in. */
export const SessionContext = createContext<Session | null>(null);

/** The current session; pages render only inside a signed-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession: outside a signed-in shell');
  return session;
}

/** What the chosen survey measures (NPS when the collector does not say). */
export function useSurveyMetric(): Metric {
  const { surveys, surveyId } = useSession();
  return surveys.find((survey) => survey.id === surveyId)?.metric ?? 'nps';
}
