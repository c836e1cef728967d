import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { CaseSummary } from '@contract/index';
import { LIMITS } from '@contract/limits';
import { clearSessionToken, readSessionToken } from '@/api/session-token';
import { logoutSession } from '@/api/dev-login';
import { Avatar } from '@/components/avatar';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/relative-time';
import { Skeleton } from '@/components/skeleton';
import { Tag } from '@/components/tag';
import { LoadMoreFooter } from '@/components/load-more-footer';
import { toastFailure } from '@/feedback/toast';
import { useSignedIn } from '@/navigation/auth-guard';
import { MY_DATA_PAGE } from '@/navigation/privacy-redirect';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import './index.scss';

function CaseCard({ summary }: { summary: CaseSummary }) {
  // Notices (answers, requests, reminders…) and unread updates; an update's notice may count in both.
  const news = [
    summary.waiting > 0 ? `${summary.waiting} 条新消息` : '',
    summary.unread > 0 ? `${summary.unread} 条新进展未读` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card
      className="case-card"
      id={`case-card-${summary.id}`}
      onClick={() => Taro.navigateTo({ url: routes.case(summary.id) })}
    >
      <View className="case-card__head">
        <Text className="case-card__title">{summary.title}</Text>
        <Badge dot={news !== ''} />
      </View>
      <View className="tag-row">
        <Tag tone="brand">{summary.caseType}</Tag>
        <Tag>
          {summary.currentStage.name} · {summary.currentStage.index + 1}/{summary.stageCount}
        </Tag>
        {summary.myRole === 'lawyer' ? <Tag tone="success">承办</Tag> : null}
      </View>
      <View className="case-card__foot">
        <Text className="case-card__lawyers">
          {summary.caseNumber ? `${summary.caseNumber} · ` : ''}
          {summary.lawyerNames.length > 0 ? `承办律师 ${summary.lawyerNames.join('、')}` : ''}
        </Text>
        <Text className="case-card__time">
          <RelativeTime iso={summary.lastActivityAt} />
          更新
        </Text>
      </View>
      {news ? <Text className="case-card__unread">{news}</Text> : null}
    </Card>
  );
}

/** The lawyer's way to the 工作台: how many items wait across all cases, and how many are overdue. */
const WorkbenchEntry = observer(function WorkbenchEntry() {
  const { workbench } = useStores();
  const bench = workbench.bench;
  return (
    <Card
      id="workbench-entry"
      className="home__workbench"
      onClick={() => Taro.navigateTo({ url: routes.workbench() })}
    >
      <View className="row">
        <Text className="home__statements-title">工作台</Text>
        <Badge count={workbench.total} />
        <Text className="link home__statements-more">
          {!bench ? '查看 ›' : workbench.total > 0 ? `${workbench.total} 项待处理 ›` : '暂无待处理事项 ›'}
        </Text>
      </View>
      {bench && workbench.total > 0 ? (
        <Text className="muted home__workbench-line">
          待回复 {bench.questions.count + bench.requests.count} · 异议 {bench.disputes.count} · 待客户回应{' '}
          {bench.unacknowledged.count} · 配合事项 {bench.tasks.count}
          {workbench.overdue > 0 ? (
            <Text className="home__workbench-overdue"> · {workbench.overdue} 项逾期</Text>
          ) : null}
        </Text>
      ) : null}
    </Card>
  );
});

function Index() {
  const signedIn = useSignedIn();
  const stores = useStores();
  const { session, cases, statements, workbench } = stores;

  /** Clients see how many statements wait for their acknowledgment. */
  const loadMine = () => (session.me && !session.isLawyer ? statements.loadMine() : undefined);
  /** Lawyers see what waits for them (the 工作台's counts) at the top. */
  const loadBench = () => (session.isLawyer ? workbench.load() : undefined);
  const loadCounts = () => Promise.all([loadMine(), loadBench()]);
  const refresh = () => Promise.all([session.ensureLoaded(true).then(loadCounts), cases.load()]);
  // Coming back from a case re-reads the first page only, so pages loaded further down stay under the thumb.
  useDidShow(() => {
    if (signedIn) void Promise.all([session.ensureLoaded().then(loadCounts), cases.refreshFirstPage()]);
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  const loadMore = () => void cases.loadMore().catch(toastFailure);
  useReachBottom(loadMore);

  if (!signedIn) return null;
  const me = session.me;
  const isLawyer = session.isLawyer;
  const firstLoad = cases.status !== 'ready' && cases.cases.length === 0;
  // 我的告知书 is for clients: an admin (or anyone) who is a client of no case and holds no statement does not see it.
  const mine = statements.mine;
  const isClientSomewhere =
    mine != null &&
    (mine.pending.length + mine.acknowledged.length > 0 || cases.cases.some((c) => c.myRole === 'client'));
  const caseCount = `${cases.cases.length}${cases.hasMore ? '+' : ''}`;

  const switchAccount = async () => {
    const token = readSessionToken();
    if (token) await logoutSession(token);
    await leaveForLogin();
  };

  /**
   * Signed out: straight to the login page (personas and 新客户). The stores are emptied only after this page
   * is gone: emptied while it is still mounted, its sign-in guard would race a second redirect to the login page.
   */
  const leaveForLogin = async () => {
    clearSessionToken();
    await Taro.reLaunch({ url: routes.login() });
    stores.reset();
  };

  /** Ends every sign-in of this person (this browser's too) after a confirm, and says how many ended. */
  const signOutEverywhere = async () => {
    const confirm = await Taro.showModal({
      title: '退出所有设备',
      content: '将退出您在所有设备和浏览器上的登录（包括本机），各处需重新登录后才能继续使用。',
      confirmText: '全部退出',
    });
    if (!confirm.confirm) return;
    let ended: number;
    try {
      ended = (await stores.api.call('session.signOutEverywhere', {})).sessionsEnded;
    } catch (e) {
      toastFailure(e);
      return;
    }
    await Taro.showModal({
      title: '已退出所有设备',
      content: `共结束 ${ended} 处登录，本机也已退出。`,
      showCancel: false,
    });
    await leaveForLogin();
  };

  return (
    <View className="page home">
      {me ? (
        <View className="home__hello">
          <Avatar name={me.displayName} size={44} />
          <View className="home__hello-text">
            <Text className="home__name" id="me-name">
              {me.displayName}
            </Text>
            <Text className="muted">
              {me.isAdmin ? '律所管理员' : isLawyer ? (me.profile?.firm ?? '律师') : '客户'}
            </Text>
          </View>
          {isLawyer ? (
            <Text
              id="profile-link"
              className="link"
              onClick={() => Taro.navigateTo({ url: routes.profile() })}
            >
              执业信息
            </Text>
          ) : null}
        </View>
      ) : null}

      {isLawyer || session.isAdmin ? (
        <View className="actions">
          {isLawyer ? (
            <Button
              id="new-case-button"
              type="primary"
              onClick={() => Taro.navigateTo({ url: routes.caseNew() })}
            >
              新建案件
            </Button>
          ) : null}
          {session.isAdmin ? (
            <Button id="admin-link" onClick={() => Taro.navigateTo({ url: routes.admin() })}>
              律师管理
            </Button>
          ) : null}
        </View>
      ) : null}

      {session.needsLawyerProfile ? (
        <Card className="home__notice" onClick={() => Taro.navigateTo({ url: routes.profile() })}>
          <Text className="home__notice-text">请先完善执业信息（律所、执业证号），之后即可新建案件。</Text>
          <Text className="link">去完善 ›</Text>
        </Card>
      ) : null}

      {isLawyer ? <WorkbenchEntry /> : null}

      {me && !isLawyer && isClientSomewhere ? (
        <Card
          id="my-statements-entry"
          className="home__statements"
          onClick={() => Taro.navigateTo({ url: routes.myStatements() })}
        >
          <View className="row">
            <Text className="home__statements-title">我的告知书</Text>
            <Badge count={statements.pendingCount} />
            <Text className="link home__statements-more">
              {statements.pendingCount > 0 ? `${statements.pendingCount} 份待知悉 ›` : '查看知悉回执 ›'}
            </Text>
          </View>
        </Card>
      ) : null}

      {firstLoad && cases.status === 'error' ? (
        <EmptyState
          glyph="!"
          title="加载失败"
          description={cases.error?.message}
          action={<Button onClick={() => void cases.load()}>重新加载</Button>}
        />
      ) : firstLoad ? (
        <Skeleton cards={3} rows={2} />
      ) : cases.cases.length === 0 ? (
        session.isAdmin && !isLawyer ? (
          <EmptyState
            glyph="所"
            title="律所管理"
            description="在「律师管理」中邀请本所律师加入；律师承办的案件由律师本人管理。"
          />
        ) : isLawyer ? (
          <EmptyState
            glyph="案"
            title="还没有案件"
            description="新建案件后，邀请客户加入，即可向客户书面同步进展。"
          />
        ) : (
          <EmptyState
            glyph="案"
            title="暂无案件"
            description="收到律师发来的邀请后，即可在这里查看案件进展。"
            action={
              <Button
                id="enter-invite-code"
                type="plain"
                onClick={() => Taro.navigateTo({ url: routes.join() })}
              >
                输入邀请码
              </Button>
            }
          />
        )
      ) : (
        <View id="case-list">
          <Text className="section-title">
            {isLawyer ? '承办的案件' : '我的案件'}（{caseCount}）
          </Text>
          {cases.cases.map((c) => (
            <CaseCard key={c.id} summary={c} />
          ))}
          <LoadMoreFooter
            id="case-list-more"
            loading={cases.loadingMore}
            hasMore={cases.hasMore}
            onLoadMore={loadMore}
            doneText={
              cases.cases.length > LIMITS.pageSize ? `已显示全部 ${cases.cases.length} 个案件` : undefined
            }
          />
          {!isLawyer ? (
            <Text className="link home__join" onClick={() => Taro.navigateTo({ url: routes.join() })}>
              有新的邀请码？加入案件 ›
            </Text>
          ) : null}
        </View>
      )}

      <Text
        id="my-data-link"
        className="home__switch muted"
        onClick={() => void Taro.navigateTo({ url: MY_DATA_PAGE })}
      >
        个人信息与隐私
      </Text>
      {process.env.TARO_ENV === 'h5' ? (
        <Text id="switch-account" className="home__switch muted" onClick={() => void switchAccount()}>
          退出登录
        </Text>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <Text
          id="sign-out-everywhere"
          className="home__switch muted"
          onClick={() => void signOutEverywhere()}
        >
          退出所有设备
        </Text>
      ) : null}
    </View>
  );
}

export default observer(Index);
