/** @jsxImportSource ../src */
import { describe, expect, it, vi } from 'vitest';

describe('jsx runtime', () => {
  it('builds elements with attributes, listeners and flattened children', () => {
    const onClick = vi.fn();
    const element = (
      <button type="button" aria-pressed="false" disabled={false} hidden={true} onClick={onClick}>
        {['a', null, false, 1, ['b']]}
      </button>
    ) as HTMLButtonElement;
    expect(element.outerHTML).toBe('<button type="button" aria-pressed="false" hidden="">a1b</button>');
    element.click();
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('creates SVG in the SVG namespace and fragments without a wrapper', () => {
    const fragment = (
      <>
        <svg viewBox="0 0 1 1"><path d="M0 0" /></svg>
        <p>text</p>
      </>
    ) as DocumentFragment;
    expect(fragment.childNodes).toHaveLength(2);
    expect((fragment.firstChild as Element).namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect((fragment.firstChild!.firstChild as Element).namespaceURI).toBe('http://www.w3.org/2000/svg');
  });
});
