/** Wraps a callback the browser or a site will call, so that nothing the widget does can throw into the page. */
export function guarded<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      callback(...args);
    } catch {}
  };
}
