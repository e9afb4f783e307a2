/** Surveys: create and edit, and copy the embed snippet. */
import { Page } from '../components/Page.tsx';
import { useState } from 'preact/hooks';
import { EmbedSnippet } from '../components/EmbedSnippet.tsx';
import { ReadOnlyNote } from '../components/ReadOnlyNote.tsx';
import { SurveyForm } from '../components/SurveyForm.tsx';
import { useSession } from '../context.ts';

/** The surveys page: the current survey's settings, and a form for a new one. */
export function Surveys() {
  const { surveys, surveyId } = useSession();
  const [creating, setCreating] = useState(false);
  const current = surveys.find((survey) => survey.id === surveyId);
  return (
    <Page id="surveys" title="Surveys" tools={<button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>{creating ? 'Cancel new survey' : 'New survey'}</button>}>
      <ReadOnlyNote action="create or edit surveys" />
      {creating && <article class="card"><h2>New survey</h2><SurveyForm onSaved={() => setCreating(false)} /></article>}
      {current && (
        <>
          <article class="card">
            <h2>Embed “{current.name}”</h2>
            <EmbedSnippet surveyId={current.id} />
          </article>
          <article class="card">
            <h2>Settings of “{current.name}”</h2>
            <SurveyForm key={current.id} survey={current} />
          </article>
        </>
      )}
      <article class="card">
        <h2>All surveys</h2>
        <div class="table-scroll"><table class="table">
          <thead><tr><th scope="col">Survey</th><th scope="col">Id</th><th scope="col">State</th><th scope="col">Origins</th></tr></thead>
          <tbody>
            {surveys.map((survey) => (
              <tr key={survey.id}>
                <th scope="row"><a href={`#/${encodeURIComponent(survey.id)}/surveys`}>{survey.name}</a></th>
                <td><code>{survey.id}</code></td>
                <td>{survey.active ? 'active' : 'paused'}</td>
                <td class="small">{survey.allowedOrigins.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </article>
    </Page>
  );
}
