import type { Stage } from '../../contract/cases';

/** A stage is done before the current one, current at it, and next after it. */
export function stageStatuses(
  stages: { idx: number; name: string; description: string }[],
  currentIndex: number,
): Stage[] {
  return stages.map((s) => ({
    index: s.idx,
    name: s.name,
    description: s.description,
    status: s.idx < currentIndex ? 'done' : s.idx === currentIndex ? 'current' : 'next',
  }));
}

/**
 * Whether a stage move needs the lawyer's reason: moving a case back to an earlier stage surprises a client
 * (it reads as going backwards), so it is allowed only with words that explain it. Forward moves need none.
 */
export function stageMoveProblem(
  fromIndex: number,
  toIndex: number,
  reason: string | null | undefined,
): 'CASE.STAGE_REASON_REQUIRED' | null {
  if (toIndex >= fromIndex) return null;
  return reason && reason.trim() ? null : 'CASE.STAGE_REASON_REQUIRED';
}
