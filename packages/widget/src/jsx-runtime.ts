// A tiny JSX runtime that builds real DOM nodes, used by the components through
// the pragma `@jsxImportSource ..` (which resolves to this file). Preact's
// renderer alone is about 4.4 KB gzip, over half of the widget's 8 KB budget;
// the survey re-renders only when its step changes, so diffing buys nothing.

import { guarded } from './guarded';

/** What a component may return or nest. */
export type Child = Node | string | number | boolean | null | undefined | Child[];

/** Props: attributes by their HTML names (`class`, `for`, `aria-*`), `on*` listeners, and children. */
export type Props = Record<string, unknown> & { children?: Child };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = Node;
    type IntrinsicElements = Record<string, Props>;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent: Element | DocumentFragment, children: Child): Node {
  parent.append(...([children].flat(9) as Child[]).filter((child) => child != null && typeof child !== 'boolean') as (Node | string)[]);
  return parent;
}

/** Creates an element (or calls a component) with attributes, listeners and children. */
export function jsx(type: string | ((props: Props) => Node), props: Props): Node {
  if (typeof type === 'function') return type(props);
  const element = /^(svg|path)$/.test(type) ? document.createElementNS(SVG_NS, type) : document.createElement(type);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2).toLowerCase(), guarded(value as EventListener));
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  return append(element, props.children);
}

/** The same as `jsx`; the compiler calls it for elements with several children. */
export const jsxs = jsx;

/** Groups children without a wrapper element. */
export function Fragment(props: Props): Node {
  return append(document.createDocumentFragment(), props.children);
}
