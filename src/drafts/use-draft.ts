import { useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft, type DraftKey, type SavedDraft } from './draft-store';

export interface DraftOptions<T> {
  /**
   * Null until the page knows who is writing and where, and the form holds its starting value (a correction's
   * prefilled text, the session loaded): until then nothing is read or saved.
   */
  key: DraftKey | null;
  /** The form's current value; saved shortly after each change. */
  value: T;
  /**
   * True when there is nothing worth keeping: an empty new form, or a correction still equal to the published
   * text. Such a value removes the kept draft instead of saving it.
   */
  isEmpty: (value: T) => boolean;
  /** Puts a kept draft back into the form (when the user taps 恢复草稿). */
  onRestore: (value: T) => void;
  /** Debounce before saving, in ms. */
  delayMs?: number;
}

export interface Draft<T> {
  /** A draft kept from an earlier visit, waiting for 恢复草稿 or 丢弃; null when there is none. */
  offer: SavedDraft<T> | null;
  restore(): void;
  discard(): void;
  /** Call once the server accepted the submission: the draft is removed and no longer saved. */
  clear(): void;
}

/**
 * Keeps a form's unsent text on the device (Back, reload, a closed page) and offers it back on return.
 *
 * @example
 * const draft = useDraft({ key: userId ? { userId, caseId, kind: 'memo' } : null, value: form,
 *   isEmpty: (f) => !f.title && !f.body, onRestore: setForm });
 * // <DraftOffer draft={draft} />; after the server accepted: draft.clear()
 */
export function useDraft<T>({ key, value, isEmpty, onRestore, delayMs = 400 }: DraftOptions<T>): Draft<T> {
  const [offer, setOffer] = useState<SavedDraft<T> | null>(null);
  const keyText = key ? JSON.stringify(key) : null;
  const latest = useRef({ key, value, isEmpty, onRestore });
  latest.current = { key, value, isEmpty, onRestore };
  // The value the form had when the key became known (or when the user decided on the offer): not a change.
  const baseline = useRef<{ keyText: string | null; value: T } | null>(null);
  const done = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persist = () => {
    timer.current = null;
    const { key: k, value: v, isEmpty: empty } = latest.current;
    if (!k || done.current) return;
    if (baseline.current && baseline.current.value === v) return;
    if (empty(v)) clearDraft(k);
    else saveDraft(k, v);
  };

  // Look for a kept draft once the key is known.
  useEffect(() => {
    if (!key) return;
    done.current = false;
    baseline.current = { keyText, value: latest.current.value };
    const kept = loadDraft<T>(key);
    setOffer(kept && !latest.current.isEmpty(kept.value) ? kept : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyText stands for key
  }, [keyText]);

  // Save shortly after each change.
  useEffect(() => {
    if (!key || done.current) return;
    if (baseline.current && baseline.current.value === value) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(persist, delayMs);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- persist reads the latest values
  }, [keyText, value]);

  // Leaving the page (Back, redirect, closing the tab) saves what is pending at once.
  useEffect(() => {
    const flush = () => {
      if (timer.current) {
        clearTimeout(timer.current);
        persist();
      }
    };
    if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
      window.addEventListener('pagehide', flush);
      return () => {
        window.removeEventListener('pagehide', flush);
        flush();
      };
    }
    return flush;
  }, []);

  return {
    offer,
    restore() {
      if (!offer) return;
      latest.current.onRestore(offer.value);
      setOffer(null);
    },
    discard() {
      setOffer(null);
      const { key: k, value: v, isEmpty: empty } = latest.current;
      if (!k) return;
      // What was typed while the offer showed is kept; only the offered draft goes.
      const typed = !(baseline.current && baseline.current.value === v) && !empty(v);
      if (typed) saveDraft(k, v);
      else clearDraft(k);
    },
    clear() {
      done.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const k = latest.current.key;
      if (k) clearDraft(k);
      setOffer(null);
    },
  };
}
