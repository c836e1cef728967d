import { render, screen } from '@testing-library/react';
import { STAGE_TEMPLATES } from '@contract/case-types';
import { StageTracker, stageChangeText, stagesWithStatus } from './stage-tracker';

/** The stage lists are contract data that grows; the tests count from them. */
const later = (count: number) => Array<string>(count).fill('next');

describe('stagesWithStatus', () => {
  it('marks stages before the current one done and later ones next', () => {
    const template = STAGE_TEMPLATES['民事'];
    const stages = stagesWithStatus(template, 2);
    expect(stages.map((s) => s.status)).toEqual(['done', 'done', 'current', ...later(template.length - 3)]);
    expect(stages[2].name).toBe(template[2].name);
  });

  it('starts a new case at its first stage', () => {
    const template = STAGE_TEMPLATES['刑事'];
    expect(stagesWithStatus(template, 0).map((s) => s.status)).toEqual([
      'current',
      ...later(template.length - 1),
    ]);
  });
});

describe('StageTracker', () => {
  const stages = stagesWithStatus(STAGE_TEMPLATES['劳动'], 1);

  it('labels each stage with its status and shows every description', () => {
    const { container } = render(<StageTracker stages={stages} />);
    const items = container.querySelectorAll('[data-status]');
    expect(Array.from(items, (el) => el.getAttribute('data-status'))).toEqual([
      'done',
      'current',
      ...later(stages.length - 2),
    ]);
    expect(screen.getAllByText('已完成')).toHaveLength(1);
    expect(screen.getAllByText('进行中')).toHaveLength(1);
    expect(screen.getAllByText('未开始')).toHaveLength(stages.length - 2);
    expect(screen.getByText(STAGE_TEMPLATES['劳动'][3].description)).toBeTruthy();
  });

  it('in compact mode explains only the current stage', () => {
    render(<StageTracker stages={stages} compact />);
    expect(screen.getByText(STAGE_TEMPLATES['劳动'][1].description)).toBeTruthy();
    expect(screen.queryByText(STAGE_TEMPLATES['劳动'][0].description)).toBeNull();
    expect(screen.queryByText(STAGE_TEMPLATES['劳动'][2].description)).toBeNull();
  });
});

describe('stageChangeText', () => {
  it('tells the client why a case moved back, and says a forward move plainly', () => {
    expect(stageChangeText({ name: '立案', reason: '法院要求补充证据' })).toBe(
      '阶段调整为「立案」：法院要求补充证据',
    );
    expect(stageChangeText({ name: '开庭' })).toBe('进入「开庭」阶段');
  });
});
