import { runInAction } from 'mobx';
import { RootStore } from './root-store';
import { fakeApi } from './fake-api.test-helper';

describe('RootStore', () => {
  it('makes each store once, on first use, and hands out the same one after', () => {
    const { api } = fakeApi({});
    const root = new RootStore({ api });
    expect(root.session).toBe(root.session);
    expect(root.updates).toBe(root.updates);
    expect(root.caseDetails).toBe(root.caseDetails);
  });

  it('forgets the previous user in every store made so far', () => {
    const { api } = fakeApi({});
    const root = new RootStore({ api });
    runInAction(() => {
      root.session.me = {
        userId: 'u1',
        displayName: '张律师',
        isAdmin: false,
        isLawyer: true,
        profile: null,
      };
    });
    root.reset();
    expect(root.session.me).toBeNull();
  });
});
