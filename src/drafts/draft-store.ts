import Taro from '@tarojs/taro';

/** The forms whose unsent text is kept on the device until the server accepts it. */
export type DraftKind =
  'update' | 'update-correction' | 'memo' | 'memo-correction' | 'request' | 'task' | 'statement';

/**
 * Which draft: one per person, case and form (and record, for a correction or an edited statement), so two
 * people on one phone, or two cases, never see each other's text.
 */
export interface DraftKey {
  userId: string;
  caseId: string;
  kind: DraftKind;
  /** The record a correction or an edit is about; omit for a new record. */
  recordId?: string;
}

/** What is kept: the form's own value and when it was saved (epoch ms). */
export interface SavedDraft<T> {
  value: T;
  savedAt: number;
}

const PREFIX = 'casetrail.draft.v1';

/** The storage key of one draft; `:` cannot occur in our ids, so parts cannot run into each other. */
export function draftStorageKey({ userId, caseId, kind, recordId }: DraftKey): string {
  return [PREFIX, userId, caseId, kind, recordId ?? '-'].join(':');
}

/** Keeps the draft. Storage can be full or unavailable (private mode): the form still works, unsaved. */
export function saveDraft<T>(key: DraftKey, value: T, now: number = Date.now()): void {
  try {
    Taro.setStorageSync(draftStorageKey(key), JSON.stringify({ value, savedAt: now }));
  } catch {
    // Nothing to tell the user that would help them write; the draft is simply not kept.
  }
}

/** The kept draft, or null when there is none or it cannot be read. */
export function loadDraft<T>(key: DraftKey): SavedDraft<T> | null {
  try {
    const raw: unknown = Taro.getStorageSync(draftStorageKey(key));
    if (typeof raw !== 'string' || raw === '') return null;
    const parsed = JSON.parse(raw) as Partial<SavedDraft<T>>;
    if (parsed == null || typeof parsed.savedAt !== 'number' || !('value' in parsed)) return null;
    return { value: parsed.value as T, savedAt: parsed.savedAt };
  } catch {
    return null;
  }
}

/** Forgets the draft: after the server accepted it, or when the user discards it. */
export function clearDraft(key: DraftKey): void {
  try {
    Taro.removeStorageSync(draftStorageKey(key));
  } catch {
    // A draft that cannot be removed is offered again; the user can still discard it there.
  }
}
