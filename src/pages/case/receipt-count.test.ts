import { receiptCount } from './receipt-count';

describe('receiptCount', () => {
  it('says 尚无客户, neutrally, when the case has no clients', () => {
    expect(receiptCount(0, 0, '已确认')).toEqual({ text: '尚无客户', tone: 'neutral' });
    expect(receiptCount(null, undefined, '已知悉')).toEqual({ text: '尚无客户', tone: 'neutral' });
  });

  it('counts receipts, green only when every client has given one', () => {
    expect(receiptCount(1, 2, '已确认')).toEqual({ text: '1/2 已确认', tone: 'warning' });
    expect(receiptCount(2, 2, '已知悉')).toEqual({ text: '2/2 已知悉', tone: 'success' });
  });
});
