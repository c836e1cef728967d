import type { DraftContentInput, SectionKey, StatementContent } from '@contract/index';
import { promiseWarnings, type PromiseWarning } from '@contract/promise-guard';
import type { ItemChangeWithBasis } from '@/components/item-diff';
import { STATEMENT_SECTIONS } from '@/components/statement-sections';

/**
 * One item in the editor; `id` is the server's item id (null until saved), `key` a stable React key. `basis` is
 * the item's 依据: null when the item has none (no field shown), a string while its field is open.
 */
export interface EditorItem {
  key: string;
  id: string | null;
  text: string;
  basis: string | null;
}

export interface EditorForm {
  title: string;
  intro: string;
  sections: Record<SectionKey, EditorItem[]>;
}

let nextKey = 0;
export const newItem = (text = ''): EditorItem => ({ key: `new-${++nextKey}`, id: null, text, basis: null });

/** The editor's form from saved content, keeping every item's id so the server can tell edits from new items. */
export function formFromContent(content: StatementContent): EditorForm {
  const sections = {} as EditorForm['sections'];
  for (const { key } of STATEMENT_SECTIONS) {
    sections[key] = content.sections[key].map((item) => ({
      key: item.id,
      id: item.id,
      text: item.text,
      basis: item.basis,
    }));
  }
  return { title: content.title, intro: content.intro ?? '', sections };
}

/** An item's 依据 as saved: a blank field is no basis. */
const savedBasis = (item: EditorItem): string | null => (item.basis?.trim() ? item.basis : null);

/** What saveDraft takes: blank items are dropped; ids of existing items are kept. */
export function draftFromForm(form: EditorForm): DraftContentInput {
  const sections = {} as DraftContentInput['sections'];
  for (const { key } of STATEMENT_SECTIONS) {
    sections[key] = form.sections[key]
      .filter((item) => item.text.trim())
      .map((item) => ({ id: item.id, text: item.text, basis: savedBasis(item) }));
  }
  return { title: form.title, intro: form.intro.trim() ? form.intro : null, sections };
}

export function itemCount(form: EditorForm): number {
  return STATEMENT_SECTIONS.reduce(
    (sum, { key }) => sum + form.sections[key].filter((i) => i.text.trim()).length,
    0,
  );
}

/** Promise phrases across the whole form, with the same paths the server records (`sections.weWill.1`). */
export function formWarnings(form: EditorForm): PromiseWarning[] {
  return promiseWarnings([
    { path: 'title', text: form.title },
    { path: 'intro', text: form.intro },
    ...STATEMENT_SECTIONS.flatMap(({ key }) =>
      form.sections[key].map((item, index) => ({ path: `sections.${key}.${index}`, text: item.text })),
    ),
  ]);
}

/** A warning path in the lawyer's words: 标题, 说明, 我们会做 第 2 条. */
export function describePath(path: string): string {
  if (path === 'title') return '标题';
  if (path === 'intro') return '说明';
  const [, key, index] = path.split('.');
  const section = STATEMENT_SECTIONS.find((s) => s.key === key);
  return section ? `${section.label} 第 ${Number(index) + 1} 条` : path;
}

/** Moves an item up (-1) or down (+1) within its section; out-of-range moves change nothing. */
export function moveItem(items: EditorItem[], index: number, delta: -1 | 1): EditorItem[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** An item taken out of its section, with where it was, so 撤销 can put it back. */
export interface RemovedItem {
  item: EditorItem;
  index: number;
}

/** Deletes one item; returns the rest and what was removed (for 撤销). */
export function removeItem(
  items: EditorItem[],
  index: number,
): { items: EditorItem[]; removed: RemovedItem } {
  return { items: items.filter((_, i) => i !== index), removed: { item: items[index], index } };
}

/** Puts a removed item back where it was (or last, if the section has since become shorter). */
export function restoreItem(items: EditorItem[], removed: RemovedItem): EditorItem[] {
  if (items.some((item) => item.key === removed.item.key)) return items;
  const at = Math.min(removed.index, items.length);
  return [...items.slice(0, at), removed.item, ...items.slice(at)];
}

/**
 * A form kept on the device, ready to edit again: unsaved items get fresh React keys (the counter behind
 * `new-N` starts again after a reload, so kept keys could collide with new ones).
 */
export function reviveForm(form: EditorForm): EditorForm {
  const sections = {} as EditorForm['sections'];
  for (const { key } of STATEMENT_SECTIONS) {
    sections[key] = (form.sections[key] ?? []).map((item) =>
      item.id ? { ...item, key: item.id } : { ...newItem(item.text), basis: item.basis },
    );
  }
  return { title: form.title, intro: form.intro, sections };
}

/** Whether two forms would save the same content (what a kept draft is compared with). */
export function sameContent(a: EditorForm, b: EditorForm): boolean {
  return JSON.stringify(draftFromForm(a)) === JSON.stringify(draftFromForm(b));
}

/**
 * What publishing would change against the current version, item by item (matched by id, as the server
 * diffs: a changed 依据 alone makes an item changed), for the lawyer to check before the client is asked to
 * acknowledge again. Unlike the server's diff it knows both bases, so it carries them.
 */
export function changesAgainst(current: StatementContent, form: EditorForm) {
  const draft = draftFromForm(form);
  const items: ItemChangeWithBasis[] = [];
  for (const { key } of STATEMENT_SECTIONS) {
    const before = new Map(current.sections[key].map((item) => [item.id, item]));
    const kept = new Set<string>();
    draft.sections[key].forEach((item, index) => {
      const old = item.id != null ? before.get(item.id) : undefined;
      const itemId = item.id ?? `new-${key}-${index}`;
      const basisAfter = item.basis ?? null;
      if (old === undefined) {
        items.push({ section: key, itemId, change: 'added', before: null, after: item.text, basisAfter });
        return;
      }
      kept.add(itemId);
      if (normalize(old.text) !== normalize(item.text) || normalize(old.basis) !== normalize(basisAfter)) {
        items.push({
          section: key,
          itemId,
          change: 'changed',
          before: old.text,
          after: item.text,
          basisBefore: old.basis,
          basisAfter,
        });
      }
    });
    for (const item of current.sections[key]) {
      if (!kept.has(item.id)) {
        items.push({
          section: key,
          itemId: item.id,
          change: 'removed',
          before: item.text,
          after: null,
          basisBefore: item.basis,
        });
      }
    }
  }
  return {
    titleChanged: normalize(current.title) !== normalize(form.title),
    introChanged: normalize(current.intro ?? '') !== normalize(form.intro),
    items,
  };
}

const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
