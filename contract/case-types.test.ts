import { CASE_TYPES, STAGE_TEMPLATES, type CaseType } from './case-types';

const names = (caseType: CaseType) => STAGE_TEMPLATES[caseType].map((stage) => stage.name);
const stage = (caseType: CaseType, name: string) => {
  const found = STAGE_TEMPLATES[caseType].find((s) => s.name === name);
  if (!found) throw new Error(`${caseType} has no stage ${name}`);
  return found;
};

describe('stage lists', () => {
  it('fit the columns a case copies them into', () => {
    for (const caseType of CASE_TYPES) {
      const stages = STAGE_TEMPLATES[caseType];
      expect(stages[0].name).toBe('接受委托');
      expect(new Set(stages.map((s) => s.name)).size).toBe(stages.length);
      for (const s of stages) {
        expect(s.name.length).toBeLessThanOrEqual(40);
        expect(s.description.length).toBeLessThanOrEqual(400);
      }
    }
  });

  it('mark stages that happen only in some cases in their name, and only those after the first judgment', () => {
    expect(names('民事')).toEqual([
      '接受委托',
      '立案',
      '举证',
      '开庭',
      '一审判决',
      '二审（如上诉）',
      '再审（如申请）',
      '执行（如需）',
    ]);
    expect(names('商事')).toEqual(names('民事'));
    expect(names('婚姻家事')).toContain('二审（如上诉）');
    expect(names('行政')).toContain('二审（如上诉）');
    expect(names('刑事')).toContain('二审（如上诉或抗诉）');
  });

  it('give the civil periods: 预交 within 7 days, appeal within 15 days, enforcement within two years', () => {
    expect(stage('民事', '立案').description).toContain('7 日内预交');
    expect(stage('民事', '立案').description).toContain('起诉前申请必须提供担保');
    expect(stage('民事', '二审（如上诉）').description).toContain('15 日内');
    expect(stage('民事', '二审（如上诉）').description).toContain('小额诉讼');
    expect(stage('民事', '开庭').description).toContain('调解书经双方签收即生效');
    for (const caseType of ['民事', '劳动', '婚姻家事'] as const) {
      expect(stage(caseType, '执行（如需）').description).toContain('两年内申请');
    }
  });

  it('give the labour periods, including who may challenge a final award and how', () => {
    const arbitration = stage('劳动', '劳动仲裁').description;
    expect(arbitration).toContain('一年内');
    expect(arbitration).toContain('劳动关系存续期间拖欠劳动报酬的，不受一年限制');
    const suit = stage('劳动', '一审（如起诉）').description;
    expect(suit).toContain('只有劳动者可以 15 日内起诉');
    expect(suit).toContain('30 日内向中级人民法院申请撤销');
  });

  it('give the administrative periods: 60 days for 复议, 15 days after it, 6 months direct, 2 months for inaction', () => {
    expect(stage('行政', '行政复议（如需）').description).toMatch(/60 日内申请[\s\S]*15 日内起诉/);
    expect(stage('行政', '立案').description).toContain('6 个月内');
    expect(stage('行政', '立案').description).toContain('2 个月后仍不履行');
  });

  it('keep the cooling-off period with divorce by registration, and the criminal appeal rules right', () => {
    expect(stage('婚姻家事', '协商调解').description).toContain('诉讼离婚没有冷静期');
    expect(stage('刑事', '一审').description).toContain('10 日内上诉');
    expect(stage('刑事', '二审（如上诉或抗诉）').description).toContain('不得加重刑罚');
    expect(stage('刑事', '侦查或调查').description).toContain('留置期间律师不能会见');
  });
});
