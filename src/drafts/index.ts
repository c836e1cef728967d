export {
  clearDraft,
  draftStorageKey,
  loadDraft,
  saveDraft,
  type DraftKey,
  type DraftKind,
  type SavedDraft,
} from './draft-store';
export { useDraft, type Draft, type DraftOptions } from './use-draft';
export { DraftOffer } from './draft-offer';
