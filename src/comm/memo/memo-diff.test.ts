import type { MemoDiff, MemoResponse } from '@contract/index';
import { asItemChange, changedFieldLabels, diffSummary, listChanges } from './memo-diff';

const diff: MemoDiff = {
  fromVersionNo: 1,
  toVersionNo: 2,
  fields: ['communicatedAt', 'participants'],
  points: [
    { list: 'conclusions', pointId: 'c1', change: 'changed', before: '周五前交', after: '下周一前交' },
    { list: 'conclusions', pointId: 'c3', change: 'added', before: null, after: '补充银行流水' },
    { list: 'matters', pointId: 'm2', change: 'removed', before: '费用', after: null },
  ],
};

const disputed = { kind: 'disputed', versionNo: 1 } as MemoResponse;

describe('memo diff', () => {
  it('splits the changes by list: kept points by id, removed ones apart', () => {
    const conclusions = listChanges(diff, 'conclusions');
    expect([...conclusions.byPoint.keys()]).toEqual(['c1', 'c3']);
    expect(conclusions.removed).toEqual([]);
    const matters = listChanges(diff, 'matters');
    expect(matters.byPoint.size).toBe(0);
    expect(matters.removed).toEqual([expect.objectContaining({ itemId: 'm2', before: '费用' })]);
    expect(listChanges(null, 'matters').removed).toEqual([]);
  });

  it('draws a point change with the shared item diff', () => {
    expect(asItemChange(diff.points[0])).toMatchObject({
      itemId: 'c1',
      change: 'changed',
      before: '周五前交',
      after: '下周一前交',
    });
  });

  it("tells the client what changed since the version they answered, in the format's words", () => {
    expect(changedFieldLabels(diff)).toEqual(['沟通时间', '参与人员']);
    expect(diffSummary(diff, disputed)).toBe(
      '您曾对第 1 版提出异议。与该版相比，第 2 版：沟通事项删除 1 条；形成结论修改 1 条、新增 1 条；沟通时间、参与人员有调整。变化已在下方标出，请重新确认。',
    );
    expect(diffSummary({ ...diff, fields: [], points: [] }, undefined)).toBe(
      '您曾确认第 1 版。第 2 版的内容与该版相同，请重新确认。',
    );
  });
});
