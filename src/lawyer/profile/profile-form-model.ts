import { isApiFailure } from '@/api';

/**
 * Field issues keyed by their whole path ('contact.wechatId', 'officeHours.end'): the profile has nested
 * fields, and the shared `issuesByField` keeps only the first segment. The first issue of a path wins.
 */
export function issuesByPath(error: unknown): Record<string, string> {
  const byPath: Record<string, string> = {};
  if (!isApiFailure(error)) return byPath;
  for (const issue of error.issues) {
    const path = issue.path || '_';
    if (!(path in byPath)) byPath[path] = issue.message;
  }
  return byPath;
}

/** The first issue at `path` or below it (an issue on 'officeHours.days.2' shows under the days). */
export function issueAt(issues: Record<string, string>, path: string): string | undefined {
  if (issues[path]) return issues[path];
  const below = Object.keys(issues).find((key) => key.startsWith(`${path}.`));
  return below ? issues[below] : undefined;
}

export const WEEKDAY_CHIPS = [
  { day: 1, label: '一' },
  { day: 2, label: '二' },
  { day: 3, label: '三' },
  { day: 4, label: '四' },
  { day: 5, label: '五' },
  { day: 6, label: '六' },
  { day: 7, label: '日' },
] as const;

/** Adds or removes a weekday, keeping the days in order Monday to Sunday. */
export function toggleDay(days: number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
}
