import templatesFile from './data/statement-templates.json';
import { CASE_TYPES } from './case-types';
import { findPromisePhrases } from './promise-guard';
import {
  SECTION_KEYS,
  STATEMENT_LIMITS,
  draftContent,
  statementTemplate,
  type StatementTemplate,
} from './statements';

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const INTRO_MAX = 200;
const ITEMS_MIN = 3;
const ITEMS_MAX = 6;

const templates: StatementTemplate[] = templatesFile.templates.map((raw) => statementTemplate.parse(raw));

function byName(name: string): StatementTemplate {
  const found = templates.find((template) => template.name === name);
  if (!found) throw new Error(`no template named ${name}`);
  return found;
}

/** Every text a client reads in a template, with where it sits. */
function texts(template: StatementTemplate): { path: string; text: string }[] {
  const { content } = template;
  return [
    { path: `${template.key}.title`, text: content.title },
    { path: `${template.key}.intro`, text: content.intro ?? '' },
    ...SECTION_KEYS.flatMap((section) =>
      content.sections[section].map((item) => ({
        path: `${template.key}.${section}.${item.id}`,
        text: item.text,
      })),
    ),
  ];
}

function allText(template: StatementTemplate): string {
  return texts(template)
    .map((entry) => entry.text)
    .join('\n');
}

describe('statement templates data', () => {
  it('parses every template with the contract schema', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
    for (const raw of templatesFile.templates) {
      expect(statementTemplate.safeParse(raw).success).toBe(true);
    }
  });

  it('is accepted as a lawyer draft unchanged (normalization leaves the text as written)', () => {
    for (const template of templates) {
      const parsed = draftContent.parse(template.content);
      expect(parsed).toEqual(template.content);
    }
  });

  it('has unique keys short enough for statement.createDraft', () => {
    const keys = templates.map((template) => template.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z-]{1,39}$/);
  });

  it('covers every case type and names only known case types', () => {
    const known: readonly string[] = CASE_TYPES;
    for (const template of templates) {
      expect(template.caseTypes.length).toBeGreaterThan(0);
      for (const caseType of template.caseTypes) expect(known).toContain(caseType);
    }
    for (const caseType of CASE_TYPES) {
      expect(
        templates.filter((template) => template.caseTypes.includes(caseType)).map((t) => t.key),
      ).not.toEqual([]);
    }
  });

  it('uses item ids that are well-formed and unique across the whole file', () => {
    const ids = templates.flatMap((template) =>
      SECTION_KEYS.flatMap((section) => template.content.sections[section].map((item) => item.id)),
    );
    for (const itemId of ids) expect(itemId).toMatch(ID_PATTERN);
    const duplicates = ids.filter((itemId, index) => ids.indexOf(itemId) !== index);
    expect(duplicates).toEqual([]);
  });

  it('keeps titles, intros, section sizes and items within the limits', () => {
    for (const template of templates) {
      const { content } = template;
      expect(content.title.length).toBeLessThanOrEqual(STATEMENT_LIMITS.title);
      expect(content.intro).not.toBeNull();
      expect((content.intro ?? '').length).toBeLessThanOrEqual(INTRO_MAX);
      for (const section of SECTION_KEYS) {
        const items = content.sections[section];
        expect([template.key, section, items.length >= ITEMS_MIN && items.length <= ITEMS_MAX]).toEqual([
          template.key,
          section,
          true,
        ]);
        for (const item of items) {
          expect(item.text.trim().length).toBeGreaterThan(0);
          expect(item.text.length).toBeLessThanOrEqual(STATEMENT_LIMITS.itemText);
        }
      }
    }
  });

  it('contains no promise phrase anywhere, not even negated', () => {
    // The guard itself must fire on promise language, or an empty result below would mean nothing.
    expect(findPromisePhrases('我们不能保证胜诉')).toEqual(['保证胜诉']);
    const hits = templates.flatMap((template) =>
      texts(template).flatMap(({ path, text }) =>
        findPromisePhrases(text).map((phrase) => `${path}: ${phrase}`),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('says plainly in every weCannot section that the outcome is not promised', () => {
    for (const template of templates) {
      const said = template.content.sections.weCannot.some((item) =>
        /不能对.*结果.*作出任何承诺/.test(item.text),
      );
      expect([template.key, said]).toEqual([template.key, true]);
    }
  });

  it('民间借贷 covers the limitation period, burden of proof and enforcement', () => {
    const text = allText(byName('民间借贷'));
    expect(text).toMatch(/三年|3\s*年/);
    expect(text).toContain('谁主张');
    expect(text).toContain('执行');
  });

  it('劳动争议 covers arbitration first and its one-year period', () => {
    const text = allText(byName('劳动争议'));
    expect(text).toContain('仲裁');
    expect(text).toContain('一年');
  });

  it('离婚 covers the cooling-off period and the six-month wait after a rejected suit', () => {
    const text = allText(byName('离婚'));
    expect(text).toContain('冷静期');
    expect(text).toContain('不准离婚');
    expect(text).toMatch(/六个月|6\s*个月/);
  });

  it('刑事辩护 asks the client for the truth and rules out promises on 无罪 and 缓刑', () => {
    const template = byName('刑事辩护');
    const weCannot = template.content.sections.weCannot.map((item) => item.text).join('\n');
    expect(weCannot).toContain('无罪');
    expect(weCannot).toContain('缓刑');
    expect(template.content.sections.youMust.map((item) => item.text).join('\n')).toContain('保密');
  });
});
