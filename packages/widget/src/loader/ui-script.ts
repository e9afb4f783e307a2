import { UI_READY_EVENT, type MountSurvey } from '../survey-view';

/**
 * Loads the UI chunk with a `<script>` carrying the page's nonce and the
 * build's integrity hash. Resolves to the chunk's mount function; rejects when
 * the chunk is blocked, missing, or altered (a later page view tries again).
 */
export function loadUiScript(url: string, integrity: string, nonce?: string): Promise<MountSurvey> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    if (nonce) script.nonce = nonce;
    // The chunk announces itself while it runs, before `load`; `load` without it, or `error`, means failure.
    script.addEventListener(UI_READY_EVENT, (event) => resolve((event as CustomEvent<MountSurvey>).detail));
    script.onload = script.onerror = () => {
      script.remove();
      reject();
    };
    document.head.append(script);
  });
}
