import { corpusSentences, evaluateGuard, formatEvaluation, templateSentences } from './guard-eval';

describe('npm run guard-eval', () => {
  const evaluation = evaluateGuard();

  it('reads a corpus of at least 300 labelled sentences, about half of them promises, plus every template', () => {
    const corpus = corpusSentences();
    const promises = corpus.filter((s) => s.promise).length;
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(promises / corpus.length).toBeGreaterThan(0.4);
    expect(promises / corpus.length).toBeLessThan(0.6);
    expect(new Set(corpus.map((s) => s.text)).size).toBe(corpus.length);
    expect(templateSentences().length).toBeGreaterThan(100);
  });

  it('catches at least 90 % of the promise sentences', () => {
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('flags at most 3 % of careful sentences, and no template text at all', () => {
    expect(evaluation.falsePositiveRate).toBeLessThanOrEqual(0.03);
    expect(evaluation.alarms.filter((a) => a.sentence.source !== 'corpus')).toEqual([]);
  });

  it('prints the figures and names each miss and false alarm', () => {
    const report = formatEvaluation(
      evaluateGuard([
        { text: '包赢', promise: true, rule: 'outcome-promise', source: 'corpus' },
        { text: '这事儿啊，铁板上的事', promise: true, rule: 'guarantee', source: 'corpus' },
        { text: '我们不能保证胜诉', promise: false, source: 'corpus' },
        { text: '放心，稳赢', promise: false, source: 'corpus' },
      ]),
    );
    expect(report).toContain('precision 0.500   recall 0.500   careful flagged 50.0 %');
    expect(report).toContain('- [guarantee] 这事儿啊，铁板上的事');
    expect(report).toContain('- 放心，稳赢  ← 稳赢 (outcome-promise)  [corpus]');
  });
});
