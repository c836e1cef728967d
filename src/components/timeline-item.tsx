import { Text, View } from '@tarojs/components';
import type { TimelineEntry } from '@contract/index';
import { Badge } from './badge';
import { RelativeTime } from './relative-time';
import { stageChangeText } from './stage-tracker';
import { Tag } from './tag';
import './timeline-item.scss';

export interface TimelineItemProps {
  entry: TimelineEntry;
  /** Lawyers see how many clients have read the current version. */
  showReadBy?: boolean;
  clientCount?: number;
  last?: boolean;
  onOpen?: () => void;
}

/** One update in a case's timeline: title, excerpt, stage change, correction mark and read state. */
export function TimelineItem({ entry, showReadBy, clientCount, last, onOpen }: TimelineItemProps) {
  const unread = !entry.read && !showReadBy;
  return (
    <View
      id={`timeline-${entry.updateId}`}
      className={`ct-timeline-item ${unread ? 'ct-timeline-item--unread' : ''}`}
      hoverClass="ct-timeline-item--hover"
      onClick={onOpen}
    >
      <View className="ct-timeline-item__rail">
        <View className="ct-timeline-item__dot" />
        {!last ? <View className="ct-timeline-item__line" /> : null}
      </View>
      <View className="ct-timeline-item__body">
        <View className="ct-timeline-item__head">
          <Text className="ct-timeline-item__title">{entry.title}</Text>
          {unread ? <Badge dot /> : null}
        </View>
        {entry.stageChange || entry.corrected ? (
          <View className="ct-timeline-item__tags">
            {entry.stageChange && !entry.stageChange.reason ? (
              <Tag tone="brand">{stageChangeText(entry.stageChange)}</Tag>
            ) : null}
            {entry.corrected ? <Tag tone="warning">已更正</Tag> : null}
          </View>
        ) : null}
        {entry.stageChange?.reason ? (
          <Text className="ct-timeline-item__stage-back">{stageChangeText(entry.stageChange)}</Text>
        ) : null}
        <Text className="ct-timeline-item__excerpt">{entry.excerpt}</Text>
        <View className="ct-timeline-item__meta">
          <Text>{entry.authorName}</Text>
          <Text className="ct-timeline-item__sep">·</Text>
          <RelativeTime iso={entry.versionAt} />
          {showReadBy ? (
            <Text
              className={`ct-timeline-item__readby ${entry.readBy ? 'ct-timeline-item__readby--some' : ''}`}
            >
              {clientCount != null
                ? `已读 ${entry.readBy ?? 0}/${clientCount}`
                : `${entry.readBy ?? 0} 人已读`}
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}
