import templates from '../../contract/data/statement-templates.json';
import type { StatementTemplate } from '../../contract/statements';

/** The templates, kept as data in contract/data (validated against the contract by a test). */
export const STATEMENT_TEMPLATES = templates.templates as StatementTemplate[];

export function findTemplate(key: string): StatementTemplate | undefined {
  return STATEMENT_TEMPLATES.find((t) => t.key === key);
}
