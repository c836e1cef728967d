/**
 * Case types and the stage list each one starts with. Kept as data: the server copies the template into the
 * case when it is created (later edits to a template never rewrite an existing case), and the lawyer's
 * create-case page previews it.
 */
export const CASE_TYPES = ['民事', '商事', '劳动', '婚姻家事', '刑事', '行政', '非诉'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface StageTemplate {
  name: string;
  /** Plain-language explanation for the client of what happens in this stage. */
  description: string;
}

const accept: StageTemplate = {
  name: '接受委托',
  description: '签订委托合同、办理授权手续，律师了解案情并收集您手中的材料。',
};

const litigation: StageTemplate[] = [
  accept,
  { name: '立案', description: '向法院提交起诉材料，法院审查后决定是否受理，受理后会通知缴纳诉讼费。' },
  {
    name: '举证',
    description: '在法院指定的期限内提交证据。谁主张、谁举证，证据不足可能承担不利后果。',
  },
  { name: '开庭', description: '法庭调查与辩论，双方围绕证据和争议焦点发表意见，法院可能组织调解。' },
  { name: '判决', description: '法院作出判决或裁定。不服一审判决的，应在收到判决书之日起 15 日内上诉。' },
  {
    name: '执行',
    description: '对方不主动履行时申请强制执行。对方没有可供执行的财产时，可能无法全部实现。',
  },
];

export const STAGE_TEMPLATES: Record<CaseType, StageTemplate[]> = {
  民事: litigation,
  商事: litigation,
  劳动: [
    accept,
    {
      name: '劳动仲裁',
      description: '劳动争议须先申请劳动仲裁（一般在知道权利受侵害之日起一年内），仲裁委审理后作出裁决。',
    },
    { name: '一审', description: '不服仲裁裁决的，可在收到裁决书之日起 15 日内向法院起诉。' },
    { name: '二审', description: '不服一审判决的，可在 15 日内上诉，由上一级法院审理。' },
    { name: '执行', description: '对方不履行生效裁决或判决时，申请法院强制执行。' },
  ],
  婚姻家事: [
    accept,
    { name: '协商调解', description: '先尝试协商或调解，可以更快、成本更低地解决争议。' },
    { name: '立案', description: '协商不成时向法院起诉，法院受理后安排审理。' },
    { name: '开庭', description: '法庭审理，法院通常会先行调解；涉及子女的，会听取意见。' },
    { name: '判决', description: '法院作出判决或出具调解书。不服判决的，可在 15 日内上诉。' },
    { name: '执行', description: '对方不履行财产分割、抚养费等义务时，申请强制执行。' },
  ],
  刑事: [
    accept,
    { name: '侦查', description: '公安机关调查取证，律师可会见、了解案情、申请变更强制措施。' },
    { name: '审查起诉', description: '检察院审查是否起诉，律师可阅卷并提出书面辩护意见。' },
    { name: '一审', description: '法院开庭审理，律师出庭辩护。' },
    { name: '判决', description: '法院作出判决。不服判决的，可在收到判决书次日起 10 日内上诉。' },
  ],
  行政: [
    accept,
    { name: '行政复议', description: '可先向复议机关申请复议（部分事项须先复议），复议机关作出决定。' },
    { name: '立案', description: '向法院提起行政诉讼，法院审查后决定是否受理。' },
    { name: '开庭', description: '法院审理行政行为是否合法，行政机关对其行为负举证责任。' },
    { name: '判决', description: '法院作出判决。不服一审判决的，可在 15 日内上诉。' },
  ],
  非诉: [
    accept,
    { name: '尽职调查', description: '律师收集并审查相关文件与信息，识别法律风险。' },
    { name: '方案与起草', description: '律师提出方案，起草或审查合同、法律文件。' },
    { name: '谈判与修改', description: '与对方沟通谈判，根据反馈修改文件。' },
    { name: '完成交付', description: '文件定稿、签署或交付，律师出具书面意见。' },
  ],
};
