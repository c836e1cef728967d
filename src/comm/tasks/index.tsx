import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { shanghaiDate } from '@contract/office-hours';
import { Button, EmptyState, Skeleton } from '@/components';
import { MoreButton } from '@/components/more-button';
import { BackBar } from '@/components/back-bar';
import { TaskCard } from '@/comm/shared/task-card';
import { TaskStore } from '@/comm/shared/task-store';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import './index.scss';

/** A case's client tasks (需要您配合): clients see their own, lawyers all; unfinished first, by due date. */
function TasksPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const stores = useStores();
  const { session, caseDetails } = stores;
  const [tasks] = useState(() => new TaskStore(stores.api));

  const load = () => Promise.all([session.ensureLoaded(), tasks.loadList(caseId)]);
  useDidShow(() => {
    if (signedIn && caseId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  const list = tasks.tasks;
  if (!list) {
    return (
      <View className="page">
        <BackBar />
        {tasks.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看配合事项" description={tasks.state.error?.message} />
        ) : (
          <Skeleton cards={3} rows={2} />
        )}
      </View>
    );
  }

  const isLawyer = caseDetails.detail(caseId)?.myRole === 'lawyer' || session.isLawyer;
  const today = shanghaiDate(Date.now());
  const caseTitle = list[0]?.caseTitle ?? caseDetails.detail(caseId)?.title;
  const open = list.filter((t) => t.status !== 'accepted');
  const done = list.filter((t) => t.status === 'accepted');
  const overdue = open.filter((t) => t.overdue).length;

  return (
    <View className="page tasks-page" id="tasks-page">
      <BackBar />
      {caseTitle ? (
        <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(caseId) })}>
          ‹ {caseTitle}
        </Text>
      ) : null}
      {isLawyer ? (
        <View className="actions">
          <Button
            id="tasks-new-button"
            type="primary"
            onClick={() => Taro.navigateTo({ url: routes.newTask(caseId) })}
          >
            布置配合事项
          </Button>
        </View>
      ) : null}

      {list.length === 0 ? (
        <EmptyState
          glyph="事"
          title={isLawyer ? '还没有布置配合事项' : '暂无需要您配合的事项'}
          description={
            isLawyer
              ? '需要客户提供材料或办理事项时，布置一项并写明截止日期；客户完成后由您验收。'
              : '律师需要您提供材料或办理事项时，会显示在这里。'
          }
        />
      ) : null}

      {open.length > 0 ? (
        <View id="tasks-open">
          <Text className="section-title">
            进行中（{open.length}）
            {overdue > 0 ? <Text className="tasks-page__overdue"> {overdue} 项已逾期</Text> : null}
          </Text>
          {open.map((task) => (
            <TaskCard key={task.id} task={task} today={today} showAssignee={isLawyer} />
          ))}
        </View>
      ) : null}
      {done.length > 0 ? (
        <View id="tasks-done">
          <Text className="section-title">已完成（{done.length}）</Text>
          {done.map((task) => (
            <TaskCard key={task.id} task={task} today={today} showAssignee={isLawyer} />
          ))}
        </View>
      ) : null}
      <MoreButton
        id="tasks-more"
        more={!!tasks.nextCursor}
        loading={tasks.loadingMore}
        onClick={() => void tasks.loadMore(caseId)}
      />
    </View>
  );
}

export default observer(TasksPage);
