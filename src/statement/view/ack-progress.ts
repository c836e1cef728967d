import type { SectionKey, StatementContent } from '@contract/index';
import { STATEMENT_SECTIONS } from '@/components/statement-sections';

/** How far the client is in one section: 「最坏情况 3/5」. */
export interface SectionProgress {
  key: SectionKey;
  label: string;
  checked: number;
  total: number;
}

/** Every item id of a version, in reading order: what an acknowledgment covers. */
export function versionItemIds(content: StatementContent): string[] {
  return STATEMENT_SECTIONS.flatMap(({ key }) => content.sections[key].map((item) => item.id));
}

/** The ticked items after one tap on `itemId`: one tap ticks or unticks exactly that item. */
export function toggleItem(checked: ReadonlySet<string>, itemId: string): Set<string> {
  const next = new Set(checked);
  if (next.has(itemId)) next.delete(itemId);
  else next.add(itemId);
  return next;
}

/** Ticked and total items per section with items, in reading order. Ticks of ids not in the version do not count. */
export function sectionProgress(content: StatementContent, checked: ReadonlySet<string>): SectionProgress[] {
  return STATEMENT_SECTIONS.filter(({ key }) => content.sections[key].length > 0).map(({ key, label }) => {
    const items = content.sections[key];
    return { key, label, checked: items.filter((i) => checked.has(i.id)).length, total: items.length };
  });
}

/** The first item in reading order still to tick (where 下一条 goes), or null when every item is ticked. */
export function firstUnchecked(itemIds: readonly string[], checked: ReadonlySet<string>): string | null {
  return itemIds.find((id) => !checked.has(id)) ?? null;
}
