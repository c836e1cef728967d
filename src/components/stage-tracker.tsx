import { Text, View } from '@tarojs/components';
import type { Stage, StageTemplate } from '@contract/index';
import './stage-tracker.scss';

export type StageStatus = Stage['status'];

export interface TrackerStage {
  name: string;
  description: string;
  status: StageStatus;
}

export const STAGE_STATUS_LABELS: Record<StageStatus, string> = {
  done: '已完成',
  current: '进行中',
  next: '未开始',
};

/** Statuses for a stage list given the current stage: earlier ones done, later ones next. */
export function stagesWithStatus(stages: readonly StageTemplate[], currentIndex: number): TrackerStage[] {
  return stages.map((stage, index) => ({
    name: stage.name,
    description: stage.description,
    status: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'next',
  }));
}

/** Vertical list of the case's stages: what is behind, where the case is now, and what comes next. */
export function StageTracker({ stages, compact }: { stages: TrackerStage[]; compact?: boolean }) {
  return (
    <View className="ct-stages">
      {stages.map((stage, index) => (
        <View
          key={`${index}-${stage.name}`}
          className={`ct-stages__item ct-stages__item--${stage.status}`}
          data-status={stage.status}
        >
          <View className="ct-stages__rail">
            <View className="ct-stages__dot">
              {stage.status === 'done' ? <Text className="ct-stages__check">✓</Text> : null}
            </View>
            {index < stages.length - 1 ? <View className="ct-stages__line" /> : null}
          </View>
          <View className="ct-stages__body">
            <View className="ct-stages__head">
              <Text className="ct-stages__name">{stage.name}</Text>
              <Text className="ct-stages__status">{STAGE_STATUS_LABELS[stage.status]}</Text>
            </View>
            {!compact || stage.status === 'current' ? (
              <Text className="ct-stages__desc">{stage.description}</Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * How an update's stage move reads: forward, 「进入「…」阶段」; moved back, 「阶段调整为「…」：」 with the lawyer's
 * reason, so the client is told why the case went back rather than seeing it go backwards unexplained.
 */
export function stageChangeText(change: { name: string; reason?: string }): string {
  return change.reason ? `阶段调整为「${change.name}」：${change.reason}` : `进入「${change.name}」阶段`;
}
