import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ClientTask } from '@contract/index';
import { Card, Tag } from '@/components';
import { routes } from '@/navigation/routes';
import { describeDue, formatDueDate, returnReason, taskTags } from './task-model';
import './task-card.scss';

/** One task in a list: title, status (已逾期 first, in red), due date, who it is for, a return's reason. */
export function TaskCard({
  task,
  today,
  showAssignee,
}: {
  task: ClientTask;
  today: string;
  showAssignee: boolean;
}) {
  const returned = returnReason(task);
  const finished = task.status === 'accepted';
  return (
    <Card
      className={`task-card ${task.overdue ? 'task-card--overdue' : ''}`}
      id={`task-card-${task.id}`}
      onClick={() => Taro.navigateTo({ url: routes.task(task.id) })}
    >
      <Text className="task-card__title">{task.title}</Text>
      <View className="tag-row">
        {taskTags(task).map((tag) => (
          <Tag key={tag.label} tone={tag.tone}>
            {tag.label}
          </Tag>
        ))}
      </View>
      <View className="task-card__foot">
        <Text className={`task-card__due ${task.overdue ? 'task-card__due--overdue' : ''}`}>
          截止 {formatDueDate(task.dueDate, today)}
          {finished ? '' : ` · ${describeDue(task.dueDate, today)}`}
        </Text>
        {showAssignee ? <Text className="muted">{task.assigneeName}</Text> : null}
      </View>
      {returned?.text ? <Text className="task-card__returned">退回原因：{returned.text}</Text> : null}
    </Card>
  );
}
