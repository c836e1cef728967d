import data from './data/promise-rules.json';
import {
  PROMISE_RULES,
  findPromisePhrases,
  findPromises,
  promiseRule,
  promiseWarnings,
} from './promise-guard';
import { matchingTable, matchingText } from './promise-text';

const rulesOf = (text: string) => [...new Set(findPromises(text).map((hit) => hit.rule))];

describe('the promise guard', () => {
  // The reviewer's examples: careful wording the old substring list flagged.
  it.each([
    '我们不能保证胜诉',
    '无法承诺100%收回',
    '没有律师能百分之百确定',
    '法院不一定判决支持全部利息',
    '为保证判决能够得到执行',
    '持股100%的全资子公司',
    '必胜客',
    // and more of the same kind
    '我们不承诺胜诉，也不承诺具体的赔偿金额。',
    '所谓"百分之百胜诉"的说法是不负责任的。',
    '没有十拿九稳的官司。',
    '请不要相信任何声称"在法院有关系"的人。',
    '刑事案件依法不得实行风险代理收费。',
    '请您在三日内缴纳诉讼保证金。',
    '您必须在一定期限内提出上诉。',
    '诉讼费用由败诉方承担，胜诉方预交的费用将予以退还。',
    '双方的劳动关系是否成立，法院会根据证据认定。',
    '法官熟悉此类案件的审理规则。',
    '我们可以确保每周向您书面汇报一次。',
    '红包到账的截图也可以作为还款的证据。',
    '我们会尽最大努力争取胜诉。',
  ])('leaves careful wording alone: %s', (text) => {
    expect(findPromises(text)).toEqual([]);
  });

  // The reviewer's examples: promises the old list missed, and the rule each one breaks.
  it.each([
    ['我跟主审法官很熟，打个招呼就行', 'influence'],
    ['仲裁委那边我们能搞定', 'influence'],
    ['我们在法院有关系', 'influence'],
    ['胜诉率在九成以上', 'win-rate'],
    ['这个案子我给您打包票', 'guarantee'],
    ['包您满意', 'guarantee'],
    ['一定能判缓刑', 'outcome-promise'],
    ['37天之内一定能把人弄出来', 'outcome-promise'],
    ['保證勝訴', 'outcome-promise'],
    ['１００％胜诉', 'outcome-promise'],
    ['判缓刑再收费', 'contingent-fee'],
    ['刑事案件我们也是不成功不收费', 'contingent-fee'],
    // and a few more phrasings
    ['这官司稳赢', 'outcome-promise'],
    ['判无罪是肯定的', 'outcome-promise'],
    ['我敢保证，法院会判对方全额赔偿', 'outcome-promise'],
    ['保 证 胜 诉', 'outcome-promise'],
    ['這類案件我們的勝訴率超過９０％', 'win-rate'],
    ['从业十年，从未败诉', 'win-rate'],
    ['花点钱就能摆平', 'influence'],
    ['如果判不了缓刑，律师费全额退还', 'contingent-fee'],
  ])('names the rule broken by: %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it('allows 不成功不收费 where the law allows risk agency, and not where it forbids it', () => {
    expect(findPromises('本案为民间借贷纠纷，可以不成功不收费')).toEqual([]);
    expect(rulesOf('离婚官司不成功不收费')).toEqual(['contingent-fee']);
    // The case type may show in another text written with it.
    expect(
      promiseWarnings([
        { path: 'title', text: '刑事辩护进展' },
        { path: 'body', text: '费用方面，不成功不收费。' },
      ]),
    ).toEqual([expect.objectContaining({ path: 'body', rule: 'contingent-fee', phrase: '不成功不收费' })]);
  });

  it('returns the words as the lawyer wrote them, where they sit', () => {
    const text = '您好！這個官司我們保 證 勝 訴。';
    const [hit] = findPromises(text);
    expect(hit).toMatchObject({ phrase: '保 證 勝 訴', rule: 'outcome-promise' });
    expect(text.slice(hit.start, hit.end)).toBe('保 證 勝 訴');
    expect(findPromisePhrases('包赢。包赢！稳赢')).toEqual(['包赢', '稳赢']);
  });

  it('says which rule and why, citing the norm, for every rule', () => {
    expect(PROMISE_RULES.map((rule) => rule.id)).toEqual([
      'outcome-promise',
      'guarantee',
      'influence',
      'win-rate',
      'contingent-fee',
    ]);
    for (const rule of PROMISE_RULES) {
      expect(rule.name).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.message).toMatch(/（[^）]*(律师法|办法|规范|规则)[^）]*）/);
    }
    const [warning] = promiseWarnings([{ path: 'body', text: '我们在法院有关系' }]);
    expect(warning).toEqual({
      path: 'body',
      phrase: '法院有关系',
      rule: 'influence',
      message: promiseRule('influence').message,
    });
  });

  it('reads a warning stored before rules had ids as a result promise', () => {
    expect(promiseRule(undefined).id).toBe('outcome-promise');
    expect(promiseRule('no-such-rule').id).toBe('outcome-promise');
  });

  it('checks each named text once per rule and phrase, and skips empty ones', () => {
    expect(
      promiseWarnings([
        { path: 'title', text: null },
        { path: 'body', text: '包赢，包赢，真的包赢' },
        { path: 'risks', text: '' },
      ]),
    ).toEqual([expect.objectContaining({ path: 'body', phrase: '包赢' })]);
  });
});

describe('the matching text', () => {
  const table = matchingTable(data.normalize);

  it.each([
    ['１００％', '100%'],
    ['保證勝訴', '保证胜诉'],
    ['保 证\t胜诉', '保证胜诉'],
    ['我们不能保证，但会尽力。', '我们不能保证\n但会尽力\n'],
    ['年利率３．６５％', '年利率3.65%'],
    ['「包赢」', '包赢'],
  ])('reads %s as %s', (original, normal) => {
    expect(matchingText(original, table).text).toBe(normal);
  });

  it('maps every character back to the original', () => {
    const original = '甲：１００％ 勝訴';
    const normal = matchingText(original, table);
    expect(normal.text).toBe('甲:100%胜诉');
    expect(normal.from.map((from, i) => original.slice(from, normal.to[i]))).toEqual([
      '甲',
      '：',
      '１',
      '０',
      '０',
      '％',
      '勝',
      '訴',
    ]);
  });
});

describe('the rules data', () => {
  it('pairs each traditional character with one different simplified character, once', () => {
    const pairs = data.normalize.traditional.join(' ').split(/\s+/);
    for (const pair of pairs) expect([pair, pair.length === 2 && pair[0] !== pair[1]]).toEqual([pair, true]);
    const traditional = pairs.map((pair) => pair[0]);
    expect(traditional.filter((ch, i) => traditional.indexOf(ch) !== i)).toEqual([]);
  });

  it('uses no lookbehind, which older mini-program engines cannot compile', () => {
    expect(JSON.stringify(data)).not.toMatch(/\(\?<[=!]/);
  });
});
