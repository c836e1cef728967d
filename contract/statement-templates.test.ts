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
// Eight, not six: the procedural risks a client must know (保全担保, 执行期限, 对方破产 …) need the room; more than
// eight per section would no longer be read item by item.
const ITEMS_MAX = 8;
/** Text that states a period or a rule of law: such an item must name its legal basis. */
const STATES_A_RULE =
  /\d+\s*(日|个月|年|周岁|%)|[一两二三六十]+(日|个月|年|周岁)|不予支持|不予受理|视为|推定|终审/;

const templates: StatementTemplate[] = templatesFile.templates.map((raw) => statementTemplate.parse(raw));

function byKey(key: string): StatementTemplate {
  const found = templates.find((template) => template.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

function sectionText(template: StatementTemplate, section: (typeof SECTION_KEYS)[number]): string {
  return template.content.sections[section].map((item) => item.text).join('\n');
}

function items(template: StatementTemplate) {
  return SECTION_KEYS.flatMap((section) => template.content.sections[section]);
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

  it('contains no promise phrase anywhere', () => {
    // The guard itself must fire on promise language, or an empty result below would mean nothing.
    expect(findPromisePhrases('这个案子保证胜诉')).toEqual(['保证胜诉']);
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

  it('groups templates into families whose sides are distinct, or one template without a side', () => {
    const families = new Map<string, StatementTemplate[]>();
    for (const template of templates) {
      families.set(template.family, [...(families.get(template.family) ?? []), template]);
    }
    for (const [family, members] of families) {
      expect(family).toMatch(/^[a-z][a-z-]{1,39}$/);
      // One name and one set of case types per family: the picker shows the family, then the side.
      expect(new Set(members.map((t) => t.name)).size).toBe(1);
      expect(new Set(members.map((t) => t.caseTypes.join())).size).toBe(1);
      if (members.length === 1) continue;
      const sides = members.map((t) => t.side);
      expect([family, sides.every((side) => side !== null)]).toEqual([family, true]);
      const sideKeys = sides.map((side) => side?.key);
      expect(new Set(sideKeys).size).toBe(sideKeys.length);
      for (const side of sides) {
        expect(side?.key).toMatch(/^[a-z][a-z-]{1,23}$/);
        expect(side?.label.length).toBeGreaterThan(0);
        expect(side?.label.length).toBeLessThanOrEqual(8);
      }
    }
    expect(Object.fromEntries([...families].map(([family, members]) => [family, members.length]))).toEqual({
      'private-lending': 2,
      'sales-contract': 2,
      'labor-dispute': 2,
      divorce: 2,
      'traffic-injury': 2,
      'criminal-defence': 1,
      'administrative-litigation': 1,
      'contract-review': 1,
    });
  });

  it('keeps the key the statement journey starts from: 民间借贷 for the lender', () => {
    expect(byKey('private-lending')).toMatchObject({
      name: '民间借贷',
      side: { key: 'lender', label: '出借人' },
    });
  });

  it('names the legal basis of every item that states a period or a rule of law', () => {
    const missing = templates.flatMap((template) =>
      items(template)
        .filter((item) => STATES_A_RULE.test(item.text) && !item.basis)
        .map((item) => `${template.key}.${item.id}`),
    );
    expect(missing).toEqual([]);
    for (const template of templates) {
      for (const item of items(template)) {
        if (item.basis !== null) expect(item.basis.length).toBeLessThanOrEqual(STATEMENT_LIMITS.itemBasis);
      }
    }
  });

  it('民间借贷 (lender) covers limitation, burden of proof, the combined interest cap, security and enforcement', () => {
    const text = allText(byKey('private-lending'));
    expect(text).toMatch(/三年|3\s*年/);
    expect(text).toContain('谁主张');
    expect(text).toMatch(/逾期利率、违约金或者其他费用的，几项合计/);
    expect(text).toContain('起诉前申请的则必须提供担保');
    expect(text).toContain('两年内申请强制执行');
    expect(text).toContain('调解书');
    expect(text).toContain('小额诉讼');
    expect(text).toContain('预交');
    expect(text).not.toContain('垫付');
  });

  it('says 预交, never 垫付, for court fees in every template', () => {
    for (const template of templates)
      expect([template.key, /诉讼费[^。]*垫付/.test(allText(template))]).toEqual([template.key, false]);
  });

  it('买卖合同 has seller and buyer versions, the buyer one with the 质量保证期 exception', () => {
    expect(byKey('sales-contract').side?.key).toBe('seller');
    const buyer = allText(byKey('sales-contract-buyer'));
    expect(buyer).toContain('质量保证期的，适用质量保证期');
    expect(buyer).toContain('送货单');
  });

  it('劳动争议 is written for each side, with the one-tier award rules right for each', () => {
    const employee = byKey('labour-dispute');
    const employer = byKey('labour-dispute-employer');
    expect([employee.side?.key, employer.side?.key]).toEqual(['employee', 'employer']);
    const forEmployee = allText(employee);
    expect(forEmployee).toContain('仲裁');
    expect(forEmployee).toContain('一年');
    expect(forEmployee).toContain('劳动关系存续期间不受一年的限制');
    expect(forEmployee).toContain('工伤认定');
    const forEmployer = allText(employer);
    expect(forEmployer).toContain('用人单位不能向法院起诉');
    expect(forEmployer).toContain('30日内');
    expect(forEmployer).toContain('中级人民法院申请撤销');
  });

  it('离婚 keeps the cooling-off period out of the litigation worst case and covers the rules of a divorce suit', () => {
    for (const key of ['divorce', 'divorce-defendant']) {
      const template = byKey(key);
      expect([key, sectionText(template, 'worstCase').includes('冷静期')]).toEqual([key, false]);
      const text = allText(template);
      // Where the cooling-off period is mentioned, it is for divorce by registration.
      expect(text).toMatch(/登记离婚有30日的离婚冷静期/);
      expect(text).toContain('本人除不能表达意思的以外仍应出庭');
      expect(text).toContain('不满两周岁');
      expect(text).toContain('分居满一年');
    }
    const plaintiff = allText(byKey('divorce'));
    expect(plaintiff).toContain('不准离婚');
    expect(plaintiff).toMatch(/六个月|6\s*个月/);
  });

  it('交通事故 states the pedestrian rule of 道路交通安全法第76条 without overstating it', () => {
    const victim = byKey('traffic-injury');
    const text = allText(victim);
    expect(text).not.toContain('按过错比例相应减少');
    expect(text).toContain('适当减轻');
    expect(text).toContain('不超过10%');
    expect(text).toContain('三日内');
    expect(text).toContain('死亡赔偿金');
    expect(text).toContain('社会救助基金');
    expect(byKey('traffic-injury-driver').side?.key).toBe('driver');
  });

  it('刑事辩护 asks for the truth, states confidentiality with its exception, and rules out promises and contingency fees', () => {
    const template = byKey('criminal-defence');
    const weCannot = sectionText(template, 'weCannot');
    expect(weCannot).toContain('无罪');
    expect(weCannot).toContain('缓刑');
    expect(weCannot).toContain('风险代理');
    const youMust = sectionText(template, 'youMust');
    expect(youMust).toContain('保密');
    expect(youMust).toContain('除外');
    const text = allText(template);
    expect(text).not.toMatch(/会见的次数[^。]*受法律限制/);
    expect(text).not.toContain('如何供述');
    expect(text).toContain('48小时');
    expect(text).toContain('留置');
    expect(text).toContain('不得加重刑罚');
  });

  it('行政诉讼 covers the periods after 复议 and for inaction, and the judgment that only confirms illegality', () => {
    const text = allText(byKey('administrative-litigation'));
    expect(text).toContain('收到复议决定书之日起15日内');
    expect(text).toContain('两个月内不履行');
    expect(text).toContain('只确认违法而不撤销');
  });
});
