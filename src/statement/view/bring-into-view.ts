import Taro from '@tarojs/taro';

/**
 * Scrolls an element of the current page into view and, in H5, moves focus to it so a screen reader reads it.
 * H5 scrolls the element itself (Taro keeps earlier pages in the document, hidden, and pageScrollTo reads offsets
 * against the wrong parent); the weapp scrolls natively, a moment later, once the view has the new nodes.
 */
export function bringIntoView(id: string, { focus = false }: { focus?: boolean } = {}): void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined') return;
    const element = Array.from(document.querySelectorAll<HTMLElement>(`#${id}`)).find(
      (el) => el.offsetParent !== null || el.getClientRects().length > 0,
    );
    if (!element) return;
    element.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    if (focus) {
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
    }
    return;
  }
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -12, duration: 300 }).catch(() => undefined);
  }, 50);
}
