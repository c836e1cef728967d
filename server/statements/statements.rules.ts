/**
 * Pure rules for expectation statements: item identity, the evidence form of a version, the diff a client
 * sees, when an acknowledgment is complete, and when a reminder may be queued.
 */
import type {
  ItemChange,
  SectionKey,
  StatementContent,
  StatementItem,
  VersionDiff,
} from '../../contract/statements';
import { SECTION_KEYS } from '../../contract/statements';
import { promiseWarnings, type PromiseWarning } from '../../contract/promise-guard';

export interface DraftInput {
  title: string;
  intro: string | null;
  sections: Record<SectionKey, { id?: string | null; text: string; basis?: string | null }[]>;
}

/** Content as stored: versions written before items had a basis carry none. */
export interface StoredStatementContent {
  title: string;
  intro: string | null;
  sections: Record<SectionKey, (Omit<StatementItem, 'basis'> & { basis?: string | null })[]>;
}

/** Reads stored content in today's shape: a missing basis is null. */
export function readStatementContent(stored: StoredStatementContent): StatementContent {
  const sections = {} as StatementContent['sections'];
  for (const key of SECTION_KEYS) {
    sections[key] = stored.sections[key].map((i) => ({ id: i.id, text: i.text, basis: i.basis ?? null }));
  }
  return { title: stored.title, intro: stored.intro, sections };
}

/** Keeps each item's id (so versions can be compared) and gives new or duplicated items a fresh one. */
export function withItemIds(draft: DraftInput, newItemId: () => string): StatementContent {
  const seen = new Set<string>();
  const sections = {} as StatementContent['sections'];
  for (const key of SECTION_KEYS) {
    sections[key] = draft.sections[key].map((item) => {
      const id = item.id && !seen.has(item.id) ? item.id : newItemId();
      seen.add(id);
      return { id, text: item.text, basis: item.basis ?? null };
    });
  }
  return { title: draft.title, intro: draft.intro, sections };
}

export function allItems(content: StatementContent): { section: SectionKey; id: string; text: string }[] {
  return SECTION_KEYS.flatMap((section) => content.sections[section].map((i) => ({ section, ...i })));
}

/** The content alone, in a fixed form (a missing basis counts as null): a new version must change it. */
export function statementContentKey(content: StoredStatementContent): string {
  return JSON.stringify(readStatementContent(content));
}

/** The object whose canonical JSON is hashed: names the statement and version so the hash is unique to them. */
export function statementEvidence(
  content: StatementContent,
  identity: { caseId: string; statementId: string; versionNo: number; changeNote: string | null },
) {
  return { kind: 'casetrail.expectation-statement', ...identity, content };
}

export function statementPromiseWarnings(content: StatementContent): PromiseWarning[] {
  return promiseWarnings([
    { path: 'title', text: content.title },
    { path: 'intro', text: content.intro },
    ...SECTION_KEYS.flatMap((key) =>
      content.sections[key].map((item, index) => ({ path: `sections.${key}.${index}`, text: item.text })),
    ),
  ]);
}

/**
 * What changed between two versions, item by item (matched by id), in reading order. An item whose legal
 * basis changed counts as changed even when its text did not: the client acknowledged both.
 */
export function diffVersions(
  from: { versionNo: number; content: StoredStatementContent },
  to: { versionNo: number; content: StoredStatementContent },
): VersionDiff {
  const items: ItemChange[] = [];
  for (const section of SECTION_KEYS) {
    const before = new Map(readStatementContent(from.content).sections[section].map((i) => [i.id, i]));
    const after = new Map(readStatementContent(to.content).sections[section].map((i) => [i.id, i]));
    for (const [itemId, now] of after) {
      const old = before.get(itemId);
      if (old === undefined) {
        items.push({ section, itemId, change: 'added', before: null, after: now.text });
      } else if (old.text !== now.text || old.basis !== now.basis) {
        items.push({ section, itemId, change: 'changed', before: old.text, after: now.text });
      }
    }
    for (const [itemId, old] of before) {
      if (!after.has(itemId))
        items.push({ section, itemId, change: 'removed', before: old.text, after: null });
    }
  }
  return {
    fromVersionNo: from.versionNo,
    toVersionNo: to.versionNo,
    titleChanged: from.content.title !== to.content.title,
    introChanged: from.content.intro !== to.content.intro,
    items,
  };
}

/** The ids of the version's items the client did not check. */
export function uncheckedItems(content: StatementContent, checked: string[]): string[] {
  const set = new Set(checked);
  return allItems(content)
    .map((i) => i.id)
    .filter((id) => !set.has(id));
}

export const REMINDER_INTERVAL_MS = 24 * 3600_000;

export type ReminderDecision =
  | { allowed: true; nextAllowedAt: string }
  | { allowed: false; reason: 'REMINDED_RECENTLY'; nextAllowedAt: string };

/**
 * At most one reminder per client per statement per 24 h. Quiet hours are the recipient's and are the sender's
 * business: a reminder written at night waits in the outbox until the client's quiet hours end.
 */
export function decideReminder(args: { now: string; lastRemindedAt: string | null }): ReminderDecision {
  if (args.lastRemindedAt) {
    const next = Date.parse(args.lastRemindedAt) + REMINDER_INTERVAL_MS;
    if (Date.parse(args.now) < next) {
      return { allowed: false, reason: 'REMINDED_RECENTLY', nextAllowedAt: new Date(next).toISOString() };
    }
  }
  return {
    allowed: true,
    nextAllowedAt: new Date(Date.parse(args.now) + REMINDER_INTERVAL_MS).toISOString(),
  };
}
