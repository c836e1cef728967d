import { DEFAULT_OFFICE_HOURS } from '../../contract/office-hours';
import {
  compareRequests,
  decideAnswer,
  DEFAULT_REPLY_TERMS,
  isOverdue,
  promisedReply,
  requestStatus,
} from './requests.rules';

describe('requestStatus', () => {
  it('is open without an answer, and names what the answer did', () => {
    expect(requestStatus(null)).toBe('open');
    expect(requestStatus('reply')).toBe('answered');
    expect(requestStatus('accept')).toBe('accepted');
    expect(requestStatus('decline')).toBe('declined');
  });
});

describe('isOverdue', () => {
  const promisedBy = '2026-11-30T10:00:00.000Z';
  it('flags an open request only once its promised time has passed', () => {
    expect(isOverdue({ status: 'open', promisedBy, now: '2026-11-30T10:00:00.000Z' })).toBe(false);
    expect(isOverdue({ status: 'open', promisedBy, now: '2026-11-30T10:00:00.001Z' })).toBe(true);
  });
  it('never flags an answered request, or one without a promise', () => {
    for (const status of ['answered', 'accepted', 'declined'] as const) {
      expect(isOverdue({ status, promisedBy, now: '2027-01-01T00:00:00.000Z' })).toBe(false);
    }
    expect(isOverdue({ status: 'open', promisedBy: null, now: '2027-01-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('promisedReply', () => {
  it('gives Monday 18:00 for a request on Friday night, with the default terms', () => {
    expect(promisedReply('2026-11-27T14:00:00.000Z', DEFAULT_REPLY_TERMS)).toBe('2026-11-30T10:00:00.000Z');
  });
  it('is null without a promise', () => {
    expect(
      promisedReply('2026-11-27T14:00:00.000Z', {
        officeHours: DEFAULT_OFFICE_HOURS,
        replyPromiseDays: null,
      }),
    ).toBeNull();
  });
  it('is null, not an error, once the holiday table has run out', () => {
    expect(promisedReply('2040-06-03T02:00:00.000Z', DEFAULT_REPLY_TERMS)).toBeNull();
  });
  it('is null for hours it cannot use', () => {
    expect(
      promisedReply('2026-11-27T14:00:00.000Z', {
        officeHours: { days: [], start: '09:00', end: '18:00' },
        replyPromiseDays: 1,
      }),
    ).toBeNull();
  });
});

describe('decideAnswer', () => {
  // 2026-11-27T17:00Z is already 2026-11-28 01:00 in Shanghai.
  const now = '2026-11-27T17:00:00.000Z';
  it('requires a date to accept, not before today in Shanghai', () => {
    expect(decideAnswer({ kind: 'accept', dueBy: null, now })).toEqual({
      ok: false,
      code: 'REQUEST.DUE_REQUIRED',
      path: 'dueBy',
    });
    expect(decideAnswer({ kind: 'accept', dueBy: '2026-11-27', now })).toEqual({
      ok: false,
      code: 'DATE.IN_PAST',
      path: 'dueBy',
    });
    expect(decideAnswer({ kind: 'accept', dueBy: '2026-11-28', now })).toEqual({ ok: true });
    expect(decideAnswer({ kind: 'accept', dueBy: '2027-01-05', now })).toEqual({ ok: true });
  });
  it('refuses a date on a reply or a refusal', () => {
    for (const kind of ['reply', 'decline'] as const) {
      expect(decideAnswer({ kind, dueBy: null, now })).toEqual({ ok: true });
      expect(decideAnswer({ kind, dueBy: '2026-12-01', now })).toEqual({
        ok: false,
        code: 'REQUEST.DUE_NOT_ALLOWED',
        path: 'dueBy',
      });
    }
  });
});

describe('compareRequests', () => {
  it('puts open requests first, oldest first, then answered ones, newest answer first', () => {
    const requests = [
      { id: 'a', status: 'answered' as const, askedAt: '2026-01-01', answeredAt: '2026-01-05' },
      { id: 'b', status: 'open' as const, askedAt: '2026-01-03', answeredAt: null },
      { id: 'c', status: 'declined' as const, askedAt: '2026-01-02', answeredAt: '2026-01-09' },
      { id: 'd', status: 'open' as const, askedAt: '2026-01-02', answeredAt: null },
      { id: 'e', status: 'accepted' as const, askedAt: '2026-01-04', answeredAt: '2026-01-07' },
    ];
    expect(requests.sort(compareRequests).map((r) => r.id)).toEqual(['d', 'b', 'c', 'e', 'a']);
  });
});
