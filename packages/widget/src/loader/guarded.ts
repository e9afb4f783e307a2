/** Wraps a callback the browser or a site will call, so that nothing the widget does can throw into the page. */
export function guarded<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      callback(...args);
    } catch {}
  };
}

/** Settles like `promise`, or rejects once `ms` have passed without it settling: nothing waits for ever. */
export function giveUpAfter<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms);
    promise.then(resolve, reject);
  });
}
