import { ApiFailure } from '@/api';
import { issueAt, issuesByPath, toggleDay } from './profile-form-model';

describe('the profile form', () => {
  it('keeps nested paths, so a missing WeChat id shows under the WeChat field', () => {
    const error = new ApiFailure('PROFILE.CONTACT_MISSING', undefined, [
      { path: 'phone', message: '请填写要向客户展示的电话' },
      { path: 'contact.wechatId', message: '请填写要向客户展示的微信号' },
      { path: 'contact.wechatId', message: 'second' },
    ]);
    expect(issuesByPath(error)).toEqual({
      phone: '请填写要向客户展示的电话',
      'contact.wechatId': '请填写要向客户展示的微信号',
    });
    expect(issuesByPath(new Error('boom'))).toEqual({});
  });

  it('finds an issue at a path or below it', () => {
    const issues = { 'officeHours.days.2': '日期重复', 'officeHours.end': '下班时间应晚于上班时间' };
    expect(issueAt(issues, 'officeHours.days')).toBe('日期重复');
    expect(issueAt(issues, 'officeHours.end')).toBe('下班时间应晚于上班时间');
    expect(issueAt(issues, 'officeHours.start')).toBeUndefined();
    expect(issueAt(issues, 'contact')).toBeUndefined();
  });

  it('toggles weekdays and keeps them Monday to Sunday', () => {
    expect(toggleDay([1, 2, 3, 4, 5], 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toggleDay([1, 3, 7], 2)).toEqual([1, 2, 3, 7]);
    expect(toggleDay([1, 2, 3], 2)).toEqual([1, 3]);
  });
});
