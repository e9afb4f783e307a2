/** Surveys: create and edit, and copy the embed snippet. */
import { useState } from 'preact/hooks';
import { EmbedSnippet } from '../components/EmbedSnippet.tsx';
import { Page } from '../components/Page.tsx';
import { ReadOnlyNote } from '../components/ReadOnlyNote.tsx';
import { SurveyForm } from '../components/SurveyForm.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';

/** The surveys page: the current survey's settings, and a form for a new one. */
export function Surveys() {
  const { surveys, surveyId } = useSession();
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const current = surveys.find((survey) => survey.id === surveyId);
  const columns = t.surveys.columns;
  return (
    <Page id="surveys" title={t.nav.page.surveys} tools={
      <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>{creating ? t.surveys.cancelNew : t.surveys.new}</button>
    }>
      <ReadOnlyNote about="surveys" />
      {creating && <article class="card"><h2>{t.surveys.new}</h2><SurveyForm onSaved={() => setCreating(false)} /></article>}
      {current && (
        <>
          <article class="card">
            <h2>{t.surveys.embed(current.name)}</h2>
            <EmbedSnippet surveyId={current.id} />
          </article>
          <article class="card">
            <h2>{t.surveys.settingsOf(current.name)}</h2>
            <SurveyForm key={current.id} survey={current} />
          </article>
        </>
      )}
      <article class="card">
        <h2>{t.surveys.all}</h2>
        <div class="table-scroll"><table class="table">
          <thead><tr><th scope="col">{columns.survey}</th><th scope="col">{columns.id}</th><th scope="col">{t.metric.column}</th><th scope="col">{columns.state}</th><th scope="col">{columns.origins}</th></tr></thead>
          <tbody>
            {surveys.map((survey) => (
              <tr key={survey.id}>
                <th scope="row"><a href={`#/${encodeURIComponent(survey.id)}/surveys`}>{survey.name}</a></th>
                <td><code>{survey.id}</code></td>
                <td>{t.metric.names[survey.metric ?? 'nps']}</td>
                <td>{survey.active ? t.surveys.active : t.surveys.paused}</td>
                <td class="small">{survey.allowedOrigins.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </article>
    </Page>
  );
}
