import type { SurveyStrings } from '@npsloop/core';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `body{font:17px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.35rem;line-height:1.3}
.scale{display:grid;grid-template-columns:repeat(11,minmax(0,1fr));gap:.4rem;list-style:none;padding:0;margin:1rem 0 .25rem}
@media (max-width:37rem){.scale{grid-template-columns:repeat(6,minmax(0,1fr));gap:.25rem}}
.scale label{position:relative;display:flex}
.scale input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer}
.scale span{flex:1;display:flex;align-items:center;justify-content:center;min-height:2.75rem;border:1px solid #767676;border-radius:.4rem;background:#fff;color:#1a1a1a;font-weight:600}
.scale label:hover span{background:#f0f0f0}.scale input:checked+span{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
fieldset{border:0;margin:0;padding:0;min-width:0}legend{padding:0}
.scale input:focus-visible+span,button:focus-visible,textarea:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.consent{display:flex;gap:.5rem;align-items:center}.consent input{width:1.25rem;height:1.25rem}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9rem;color:#4a4a4a}
textarea{box-sizing:border-box;width:100%;min-height:8rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.4rem}
button{margin-top:.75rem;min-height:2.75rem;padding:0 1.25rem;font:inherit;font-weight:600;border:1px solid #1a1a1a;border-radius:.4rem;background:#1a1a1a;color:#fff;cursor:pointer}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}.scale span,textarea{background:#1e1e1e;color:#eee;border-color:#aaa}.scale label:hover span{background:#2a2a2a}.scale input:checked+span{background:#eee;color:#121212}.ends{color:#ccc}button{background:#eee;color:#121212}}`;

/** A complete page: language, viewport, title and the page's own styles (no scripts). */
function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

/**
 * The question with the survey's scale (0–10, 1–5 or 1–7) as a radio group in a GET form: no JavaScript needed, and
 * sending it is the same top-level navigation as following an email's score link, so it records the score the same way.
 */
export function renderScorePage(options: { lang: string; strings: SurveyStrings; points: readonly number[]; action: string; carried: Record<string, string> }): string {
  const { lang, strings, points } = options;
  const lowest = points[0];
  const highest = points[points.length - 1];
  const hidden = Object.entries(options.carried)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  const radios = points.map((score) =>
    `<label><input type="radio" name="score" value="${score}" required${score === lowest ? ' aria-describedby="low"' : score === highest ? ' aria-describedby="high"' : ''}><span>${score}</span></label>`).join('');
  // Short scales keep one row on phones too.
  const columns = points.length > 7 ? '' : ` style="grid-template-columns:repeat(${points.length},minmax(0,1fr))"`;
  return page(lang, strings.question, `<form method="get" action="${escapeHtml(options.action)}">${hidden}
<fieldset><legend><h1 id="question">${escapeHtml(strings.question)}</h1></legend>
<div class="scale"${columns}>${radios}</div>
<p class="ends"><span id="low">${lowest} = ${escapeHtml(strings.low)}</span><span id="high">${highest} = ${escapeHtml(strings.high)}</span></p></fieldset>
<button type="submit">${escapeHtml(strings.send)}</button></form>`);
}

/** After a score: the "why" question as a form that posts back and updates the same response. */
export function renderCommentPage(options: {
  lang: string; strings: SurveyStrings; prompt: string; action: string; fields: Record<string, string>; maxLength: number;
  /** The consent question, asked with a checkbox when the respondent is known (personal links). */
  consent?: string;
}): string {
  const hidden = Object.entries(options.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  return page(options.lang, options.prompt, `<p role="status">${escapeHtml(options.strings.thanks)}</p>
<form method="post" action="${escapeHtml(options.action)}">${hidden}
<h1><label for="comment">${escapeHtml(options.prompt)}</label></h1>
<textarea id="comment" name="comment" maxlength="${options.maxLength}" rows="6"></textarea>
${options.consent ? `<p class="consent"><input type="checkbox" id="consent" name="consent" value="yes"> <label for="consent">${escapeHtml(options.consent)}</label></p>` : ''}
<button type="submit">${escapeHtml(options.strings.send)}</button></form>`);
}

/** The final thank-you page. */
export function renderThanksPage(lang: string, strings: SurveyStrings): string {
  return page(lang, strings.thanks, `<h1 role="status">${escapeHtml(strings.thanks)}</h1>`);
}

/** A page that explains something in words (a link that cannot be used, an answer that cannot change). */
export function renderNoticePage(options: { lang: string; title: string; message: string }): string {
  return page(options.lang, options.title, `<h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>`);
}

/** A minimal HTML error page for routes people open in a browser. */
export function renderErrorPage(status: number, message: string): string {
  return page('en', `Error ${status}`, `<h1>Error ${status}</h1><p>${escapeHtml(message)}</p>`);
}
