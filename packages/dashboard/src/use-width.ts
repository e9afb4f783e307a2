/** A hook that measures an element's width in CSS pixels and follows it as the layout changes. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The ref to put on a block element and its current width; `fallback` until it
 * is measured (and where nothing can be measured, as in a DOM without layout).
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
