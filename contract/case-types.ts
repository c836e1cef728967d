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

/*
 * Stages that happen only in some cases (二审, 再审, 执行 …) say so in their name — 「二审（如上诉）」 — rather than in a
 * flag: a case keeps only the name and description of its stages, and the client must read the condition there too.
 * Periods follow the texts in force (民事诉讼法 2023 amendment, 刑事诉讼法 2018, 行政诉讼法 2017, 劳动争议调解仲裁法 2008);
 * every 「…法第N条」 here is checked against contract/data/legal-articles.json.
 */

const accept: StageTemplate = {
  name: '接受委托',
  description: '签订委托合同、办理授权手续，律师了解案情并收集您手中的材料。',
};

const civilAppeal: StageTemplate = {
  name: '二审（如上诉）',
  description:
    '任何一方不服一审判决的，可在判决书送达之日起 15 日内（裁定 10 日内）上诉，由上一级法院审理；二审判决、裁定是终审的。调解书和小额诉讼案件的判决不能上诉。',
};

const civilRetrial: StageTemplate = {
  name: '再审（如申请）',
  description:
    '对已经生效的判决、裁定，有法定再审事由的，一般应在生效后 6 个月内申请再审；申请再审不停止原判决的执行。',
};

const civilEnforcement: StageTemplate = {
  name: '执行（如需）',
  description:
    '对方不履行生效的判决、调解书或仲裁裁决的，应在履行期限届满之日起两年内申请强制执行（民事诉讼法第250条）。对方没有可供执行的财产时，债权可能无法全部实现。',
};

const litigation: StageTemplate[] = [
  accept,
  {
    name: '立案',
    description:
      '向法院提交起诉材料，法院审查后决定是否受理；受理后应在接到通知次日起 7 日内预交案件受理费，不预交又未获准缓交的按撤诉处理。需要财产保全的，可在起诉前或诉讼中申请（起诉前申请必须提供担保）。',
  },
  {
    name: '举证',
    description:
      '在法院指定的期限内提交证据。谁主张、谁举证，证据不足可能承担不利后果；逾期提交的证据可能不被采纳。需要鉴定的，在此阶段申请。',
  },
  {
    name: '开庭',
    description:
      '法庭调查与辩论，双方围绕证据和争议焦点发表意见，法院可能组织调解；调解书经双方签收即生效，不能上诉。',
  },
  {
    name: '一审判决',
    description:
      '法院作出判决或裁定，普通程序一般在立案之日起 6 个月内审结。适用小额诉讼程序的案件一审终审，不能上诉。',
  },
  civilAppeal,
  civilRetrial,
  civilEnforcement,
];

export const STAGE_TEMPLATES: Record<CaseType, StageTemplate[]> = {
  民事: litigation,
  商事: litigation,
  劳动: [
    accept,
    {
      name: '劳动仲裁',
      description:
        '劳动争议须先申请劳动仲裁，一般在知道权利受侵害之日起一年内提出；劳动关系存续期间拖欠劳动报酬的，不受一年限制，但劳动关系终止的应自终止之日起一年内提出。仲裁不收费，一般在受理之日起 45 日内结案，复杂的可延长不超过 15 日。',
    },
    {
      name: '一审（如起诉）',
      description:
        '一般裁决，任何一方不服可在收到裁决书之日起 15 日内起诉。小额劳动报酬、经济补偿等一裁终局的裁决，只有劳动者可以 15 日内起诉；用人单位只能在 30 日内向中级人民法院申请撤销（劳动争议调解仲裁法第47条、第48条、第49条）。期满不起诉的，裁决生效。',
    },
    civilAppeal,
    {
      name: '执行（如需）',
      description:
        '对方不履行生效的仲裁裁决、调解书或判决的，应在履行期限届满之日起两年内申请法院强制执行（民事诉讼法第250条）。',
    },
  ],
  婚姻家事: [
    accept,
    {
      name: '协商调解',
      description:
        '先尝试协商或调解。双方达成一致的，可以到婚姻登记机关协议离婚，登记离婚有 30 日的离婚冷静期；诉讼离婚没有冷静期。',
    },
    { name: '立案', description: '协商不成时向法院起诉，法院受理后通知预交诉讼费并安排审理。' },
    {
      name: '开庭',
      description:
        '法庭审理，法院通常会先行调解；离婚案件本人除不能表达意思的以外仍应出庭。涉及子女的，子女已满八周岁的会听取其意见。',
    },
    {
      name: '一审判决',
      description:
        '法院作出判决或出具调解书。判决不准离婚的，没有新情况、新理由六个月内不能再次起诉；双方又分居满一年再次起诉的，应当准予离婚。',
    },
    civilAppeal,
    {
      name: '执行（如需）',
      description:
        '对方不履行财产分割、抚养费、探望等生效判决或调解书确定的义务的，应在履行期限届满之日起两年内申请强制执行（民事诉讼法第250条）。',
    },
  ],
  刑事: [
    accept,
    {
      name: '侦查或调查',
      description:
        '公安机关侦查期间，律师可会见（看守所应在 48 小时内安排）、了解罪名、申请变更强制措施。职务犯罪由监察机关调查，留置期间律师不能会见。',
    },
    { name: '审查起诉', description: '检察院审查是否起诉，律师可阅卷并提出书面辩护意见。' },
    {
      name: '一审',
      description:
        '法院开庭审理，律师出庭辩护，法院作出判决。不服判决的，可在接到判决书的第二日起 10 日内上诉（裁定 5 日）。',
    },
    {
      name: '二审（如上诉或抗诉）',
      description:
        '由上一级法院审理。只有被告人一方上诉的，二审不得加重刑罚；检察院抗诉的不受此限（刑事诉讼法第237条）。',
    },
  ],
  行政: [
    accept,
    {
      name: '行政复议（如需）',
      description:
        '可先向复议机关申请复议（部分事项必须先复议），一般应在知道行政行为之日起 60 日内申请。不服复议决定的，应在收到复议决定书之日起 15 日内起诉（行政诉讼法第45条）。',
    },
    {
      name: '立案',
      description:
        '向法院提起行政诉讼。直接起诉的，一般在知道行政行为之日起 6 个月内；要求履行法定职责的，一般在行政机关接到申请 2 个月后仍不履行时起诉。',
    },
    { name: '开庭', description: '法院审理行政行为是否合法，行政机关对其行为负举证责任。' },
    {
      name: '一审判决',
      description:
        '法院作出判决，一般在立案之日起 6 个月内。不服一审判决的，可在判决书送达之日起 15 日内上诉（裁定 10 日）。',
    },
    { name: '二审（如上诉）', description: '由上一级法院审理，二审判决、裁定是终审的。' },
  ],
  非诉: [
    accept,
    { name: '尽职调查', description: '律师收集并审查相关文件与信息，识别法律风险。' },
    { name: '方案与起草', description: '律师提出方案，起草或审查合同、法律文件。' },
    { name: '谈判与修改', description: '与对方沟通谈判，根据反馈修改文件。' },
    { name: '完成交付', description: '文件定稿、签署或交付，律师出具书面意见。' },
  ],
};
