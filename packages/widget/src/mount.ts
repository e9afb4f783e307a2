import type { WidgetConfig } from './config';
import { Panel } from './components/Panel';
import { styles } from './styles';

/** The widget's presence in the page: a host element with an open shadow root holding its style and panel. */
export interface Mounted {
  host: HTMLElement;
  panel: HTMLElement;
  /** The stylesheet's first rule (`:host`), for values that change at run time without a style attribute. */
  hostRule?: CSSStyleRule;
  rtl: boolean;
}

/** Appends `<npsloop-widget>` to the body with the nonce'd stylesheet and an empty panel. */
export function mount(config: WidgetConfig, closeLabel: string, onClose: () => void): Mounted {
  const host = document.createElement('npsloop-widget');
  const style = document.createElement('style');
  if (config.nonce) style.setAttribute('nonce', config.nonce);
  style.textContent = styles(config.accent);
  const panel = Panel({ brand: config.brand, position: config.position, theme: config.theme, closeLabel, onClose }) as HTMLElement;
  host.attachShadow({ mode: 'open' }).append(style, panel);
  document.body.append(host);
  return {
    host,
    panel,
    hostRule: style.sheet?.cssRules[0] as CSSStyleRule | undefined,
    // Direction is inherited from the page (`all` does not reset it): mirror the arrow keys to match.
    rtl: getComputedStyle(host).direction === 'rtl',
  };
}
