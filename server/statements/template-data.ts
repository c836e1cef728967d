import templates from '../../contract/data/statement-templates.json';

/** The templates file, behind a module of its own so it can be loaded on first use (see statement-templates.ts). */
export const TEMPLATE_FILE: { templates: unknown } = templates;
