import type { StatementTemplate } from '../../contract/statements';

let loaded: Promise<StatementTemplate[]> | null = null;

/**
 * The templates, kept as data in contract/data (validated against the contract by a test). Loaded on first use:
 * they are the largest text the API carries, and only drafting a statement needs them.
 */
export function loadStatementTemplates(): Promise<StatementTemplate[]> {
  loaded ??= import('./template-data').then((mod) => mod.TEMPLATE_FILE.templates as StatementTemplate[]);
  return loaded;
}

export async function findTemplate(key: string): Promise<StatementTemplate | undefined> {
  return (await loadStatementTemplates()).find((t) => t.key === key);
}
