import type { ContactCard } from '@contract/index';
import { isOpen, shanghaiParts } from '@contract/office-hours';

/** 「22:00–次日08:00 为免打扰时段」: quiet hours that cross midnight name the next day. */
export function describeQuietHours(quiet: NonNullable<ContactCard['quietHours']>): string {
  const overnight = quiet.start > quiet.end;
  return `${quiet.start}–${overnight ? '次日' : ''}${quiet.end} 为免打扰时段`;
}

/** Whether the office is open at `now`; null when the holiday table does not reach that far. */
export function openNow(hours: ContactCard['officeHours'], now: number): boolean | null {
  try {
    return isOpen(now, hours);
  } catch {
    return null;
  }
}

/** Whether `now` falls in the lawyer's quiet hours (Asia/Shanghai wall-clock time, possibly across midnight). */
export function inQuietHours(quiet: ContactCard['quietHours'], now: number): boolean {
  if (!quiet) return false;
  const time = shanghaiParts(now).time;
  return quiet.start <= quiet.end
    ? time >= quiet.start && time < quiet.end
    : time >= quiet.start || time < quiet.end;
}
