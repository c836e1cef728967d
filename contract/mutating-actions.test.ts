import { ACTION_NAMES, actions } from './index';
import { isMutating, MUTATING_ACTIONS } from './mutating-actions';

describe('MUTATING_ACTIONS', () => {
  it('names exactly the actions the action map marks as writing', () => {
    const fromMap = ACTION_NAMES.filter((name) => actions[name].mutates);
    expect([...MUTATING_ACTIONS].sort()).toEqual([...fromMap].sort());
    for (const name of ACTION_NAMES) expect(isMutating(name)).toBe(actions[name].mutates);
  });
});
