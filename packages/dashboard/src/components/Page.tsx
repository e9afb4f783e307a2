/** The frame of every page: a section named by its h1, with the page's own tools beside the heading. */
import type { ComponentChildren } from 'preact';

/** `<h1>` plus tools in the page head, then the content. */
export function Page(props: { id: string; title: string; tools?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="page" aria-labelledby={`${props.id}-title`}>
      <div class="page-head">
        <h1 id={`${props.id}-title`}>{props.title}</h1>
        {props.tools}
      </div>
      {props.children}
    </section>
  );
}
