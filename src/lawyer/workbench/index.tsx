import { Text, View } from '@tarojs/components';
import { keyboardPress } from '@/components/keyboard-press';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { WorkItem, Workbench } from '@contract/index';
import { Button, Card, EmptyState, Skeleton, Tag } from '@/components';
import { BackBar } from '@/components/back-bar';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import {
  WORKBENCH_SECTIONS,
  dueText,
  itemRoute,
  kindLabel,
  waitedFor,
  type SectionKey,
} from './workbench-model';
import './index.scss';

function ItemRow({ item, now }: { item: WorkItem; now: number }) {
  const due = dueText(item, now);
  return (
    <View
      className={`wb-item ${item.overdue ? 'wb-item--overdue' : ''}`}
      id={`wb-item-${item.kind}-${item.subId ?? item.recordId}`}
      data-testid="wb-item"
      data-kind={item.kind}
      role="button"
      hoverClass="wb-item--hover"
      onClick={() => Taro.navigateTo({ url: itemRoute(item) })}
    >
      <View className="wb-item__head">
        <Tag tone={item.overdue ? 'danger' : 'brand'}>{kindLabel(item)}</Tag>
        <Text className="wb-item__title">{item.title}</Text>
      </View>
      <Text className="wb-item__case">{item.caseTitle}</Text>
      <View className="wb-item__foot">
        {item.who ? <Text className="wb-item__who">{item.who}</Text> : null}
        <Text className="wb-item__age">{waitedFor(item.since, now)}</Text>
        {due ? (
          <Text className={`wb-item__due ${item.overdue ? 'wb-item__due--overdue' : ''}`}>{due}</Text>
        ) : null}
        {item.overdue ? <Tag tone="danger">逾期</Tag> : null}
      </View>
    </View>
  );
}

function Section({
  sectionKey,
  label,
  empty,
  bench,
  now,
}: {
  sectionKey: SectionKey;
  label: string;
  empty: string;
  bench: Workbench;
  now: number;
}) {
  const { count, overdue, items } = bench[sectionKey];
  return (
    <Card
      id={`wb-section-${sectionKey}`}
      className="wb-section"
      title={label}
      extra={
        <View className="row gap">
          {overdue > 0 ? <Tag tone="danger">{overdue} 项逾期</Tag> : null}
          <Text className="wb-section__count">{count}</Text>
        </View>
      }
    >
      {items.length === 0 ? <Text className="muted">{empty}</Text> : null}
      {items.map((item) => (
        <ItemRow key={`${item.kind}-${item.recordId}-${item.subId ?? ''}`} item={item} now={now} />
      ))}
      {count > items.length ? (
        <Text className="muted wb-section__more">
          共 {count} 项，这里列出最早的 {items.length} 项；处理后其余的会依次显示。
        </Text>
      ) : null}
    </Card>
  );
}

/** Leaves for the case list: back when the lawyer came from it, else the home page anew. */
function toCaseList() {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2] as { route?: string } | undefined;
  if (previous?.route?.replace(/^\//, '') === routes.home().slice(1)) Taro.navigateBack();
  else Taro.reLaunch({ url: routes.home() });
}

/**
 * The lawyer's 工作台: across all their cases, what waits for them, each section's exact count leading to its
 * items (oldest first) and each item to the page that handles it. Re-read on every show, so counts move as
 * items are handled.
 */
function WorkbenchPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { workbench } = useStores();
  const [filter, setFilter] = useState<SectionKey | null>(null);

  useDidShow(() => {
    if (signedIn) void workbench.load();
  });
  usePullDownRefresh(() => {
    void workbench.load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  const bench = workbench.bench;
  if (!bench) {
    return (
      <View className="page">
        <BackBar />
        {workbench.status === 'error' ? (
          <EmptyState
            glyph="!"
            title="加载失败"
            description={workbench.error?.message}
            action={<Button onClick={() => void workbench.load()}>重新加载</Button>}
          />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }

  const now = Date.now();
  const shown = WORKBENCH_SECTIONS.filter(({ key }) => (filter ? key === filter : bench[key].count > 0));

  return (
    <View className="page wb-page" id="workbench-page">
      <BackBar />
      <View className="wb-page__head">
        <View>
          <Text className="wb-page__total" id="wb-total">
            {workbench.total > 0 ? `${workbench.total} 项待处理` : '暂无待处理事项'}
          </Text>
          {workbench.overdue > 0 ? (
            <Text className="wb-page__overdue" id="wb-overdue">
              其中 {workbench.overdue} 项已逾期
            </Text>
          ) : null}
        </View>
        <Text className="link wb-page__cases" id="wb-case-list" onClick={toCaseList}>
          全部案件 ›
        </Text>
      </View>

      <View className="wb-tiles" id="wb-tiles" role="tablist" aria-label="按事项筛选">
        {WORKBENCH_SECTIONS.map(({ key, tile }) => {
          const { count, overdue } = bench[key];
          const on = filter === key;
          return (
            <View
              key={key}
              id={`wb-tile-${key}`}
              className={`wb-tile ${on ? 'wb-tile--on' : ''} ${count === 0 ? 'wb-tile--zero' : ''}`}
              role="tab"
              aria-selected={on ? 'true' : 'false'}
              onClick={() => setFilter(on ? null : key)}
              {...keyboardPress(() => setFilter(on ? null : key))}
            >
              <Text className={`wb-tile__count ${overdue > 0 ? 'wb-tile__count--overdue' : ''}`}>
                {count}
              </Text>
              <Text className="wb-tile__label">{tile}</Text>
            </View>
          );
        })}
      </View>
      {filter ? (
        <Text className="link wb-page__all" id="wb-show-all" onClick={() => setFilter(null)}>
          ‹ 显示全部
        </Text>
      ) : null}

      {workbench.total === 0 && !filter ? (
        <EmptyState
          glyph="闲"
          title="暂无待处理事项"
          description="客户的提问、请求、异议，待知悉或确认的告知书和备忘录，以及配合事项，需要您处理时会出现在这里。"
        />
      ) : null}
      {shown.map(({ key, label, empty }) => (
        <Section key={key} sectionKey={key} label={label} empty={empty} bench={bench} now={now} />
      ))}
      <Text className="muted wb-page__updated">更新于 {formatExactTime(bench.generatedAt)} · 下拉刷新</Text>
    </View>
  );
}

export default observer(WorkbenchPage);
