import { figuresFrom, formatTable, median, medianFigures, type Figures, type LhrLike } from './lighthouse';

function lhr(overrides: Partial<Record<string, number>> = {}, score: number | null = 0.91): LhrLike {
  const values: Record<string, number> = {
    'first-contentful-paint': 900,
    'largest-contentful-paint': 1400,
    'total-blocking-time': 80,
    'cumulative-layout-shift': 0.01,
    'total-byte-weight': 150_000,
    ...overrides,
  };
  return {
    categories: { performance: { score } },
    audits: {
      ...Object.fromEntries(Object.entries(values).map(([id, numericValue]) => [id, { numericValue }])),
      'unused-javascript': { details: { overallSavingsBytes: 20_480 } },
      'largest-contentful-paint-element': {
        details: { items: [{ items: [{ node: { selector: 'div.ct-shell > span', nodeLabel: '律程' } }] }] },
      },
    },
  };
}

const figures = (lcp: number, score: number): Figures => ({ ...figuresFrom(lhr()), lcp, score });

describe('median', () => {
  it('takes the middle of an odd count whatever the order', () => {
    expect(median([4800, 1200, 3000])).toBe(3000);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([1, 10, 2, 3])).toBe(2.5);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of nothing');
  });
});

describe('figuresFrom', () => {
  it('reads the score as 0–100, the metrics, the unused JS and the LCP element', () => {
    expect(figuresFrom(lhr())).toEqual({
      score: 91,
      fcp: 900,
      lcp: 1400,
      tbt: 80,
      cls: 0.01,
      transfer: 150_000,
      unusedJs: 20_480,
      lcpElement: 'div.ct-shell > span — 律程',
    });
  });
  it('fails a run Lighthouse could not finish instead of reporting zeros', () => {
    expect(() => figuresFrom({ ...lhr(), runtimeError: { code: 'NO_FCP', message: 'no paint' } })).toThrow(
      'NO_FCP',
    );
    expect(() => figuresFrom(lhr({}, null))).toThrow('no performance score');
    const missing = lhr();
    delete missing.audits['total-blocking-time'];
    expect(() => figuresFrom(missing)).toThrow('total-blocking-time');
  });
});

describe('medians and the table', () => {
  const runs = [figures(1600, 70), figures(1300, 95), figures(1450, 88)];

  it('takes each figure’s median separately', () => {
    expect(medianFigures(runs)).toMatchObject({ lcp: 1450, score: 88, tbt: 80 });
  });

  it('marks each figure against its goal', () => {
    const table = formatTable([
      { name: 'login', runs },
      { name: 'slow', runs: [figures(4800, 40)] },
    ]);
    const [, , login, slow] = table.split('\n');
    expect(login).toMatch(
      /^login\s+88\s+0\.90 s\s+1\.45 s ✔\s+0\.08 s ✔\s+0\.010 ✔\s+146\.5 KB ✔\s+20\.0 KB$/,
    );
    expect(slow).toContain('4.80 s ✖');
  });
});
