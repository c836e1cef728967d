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
