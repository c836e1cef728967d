import Taro from '@tarojs/taro';

/** Marks what is invalid on a page: the field frames and the form-level error lines. */
export const INVALID_SELECTOR = '.ct-invalid';

/**
 * Brings the first invalid field into view and says what is wrong: on 新建案件 the only error used to sit far
 * above the visible area and the button seemed dead. H5 scrolls the element itself (the page scrolls inside
 * Taro's page element, whose offsets pageScrollTo misreads) and moves focus to its input so a screen reader
 * reads it; the weapp scrolls natively. Both show the message as a toast, which screen readers announce.
 */
export function revealFirstError(message: string | undefined): void {
  if (message) Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined') return;
    // After the frame that shows the errors (in the journey the field was not marked yet when this ran, and
    // nothing scrolled); the scroll is immediate, as a smooth one was not reliably carried out.
    const reveal = () => {
      // Taro keeps earlier pages in the document, hidden; only a visible element is on this page.
      const first = Array.from(
        document.querySelectorAll<HTMLElement>(`${INVALID_SELECTOR}, .form-error`),
      ).find((el) => el.offsetParent !== null || el.getClientRects().length > 0);
      if (!first) return;
      first.scrollIntoView?.({ block: 'center' });
      first.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(reveal, 0));
    else setTimeout(reveal, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: INVALID_SELECTOR, offsetTop: -96, duration: 200 }).catch(() => {
    // Nothing invalid is on screen (an error without a field): the toast already said it.
  });
}
