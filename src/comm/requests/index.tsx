import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Button, Card, EmptyState, Skeleton } from '@/components';
import { MoreButton } from '@/components/more-button';
import { BackBar } from '@/components/back-bar';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { RequestRow } from '../shared/request-row';
import { RequestStore } from '../shared/request-store';
import './index.scss';

/** A case's client requests: open ones first with how long they have waited, then the answered ones. */
function RequestsPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { api, caseDetails } = useStores();
  const [store] = useState(() => new RequestStore(api));
  const [now, setNow] = useState(() => Date.now());

  const load = () => {
    setNow(Date.now());
    const pending = [store.loadList(caseId)];
    // The case says who the reader is here (a lawyer sees every client's requests; a client writes them).
    if (!caseDetails.detail(caseId)) pending.push(caseDetails.load(caseId));
    return Promise.all(pending);
  };
  useDidShow(() => {
    if (signedIn && caseId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  const detail = caseDetails.detail(caseId);
  const requests = store.requests;
  if (!requests || !detail) {
    return (
      <View className="page">
        <BackBar />
        {store.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看请求" description={store.state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={3} />
        )}
      </View>
    );
  }

  const isLawyer = detail.myRole === 'lawyer';
  const open = requests.filter((r) => r.status === 'open');
  const answered = requests.filter((r) => r.status !== 'open');
  const overdue = open.filter((r) => r.overdue).length;
  const newRequest = () => Taro.navigateTo({ url: routes.newRequest(caseId) });

  return (
    <View className="page" id="requests-page">
      <BackBar />
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(caseId) })}>
        ‹ {detail.title}
      </Text>
      {isLawyer ? null : (
        <Button
          id="new-request-button"
          type="primary"
          block
          className="requests-page__new"
          onClick={newRequest}
        >
          新的请求
        </Button>
      )}
      {requests.length === 0 ? (
        <EmptyState
          title="还没有请求"
          description={
            isLawyer
              ? '客户提出的咨询、办理请求和补充材料会显示在这里，每一项都请书面答复、接受或拒绝。'
              : '有问题要问律师，或需要律师办理什么事，可以在这里书面提出；律师会书面答复。'
          }
        />
      ) : (
        <>
          <Card
            title="待答复"
            id="requests-open"
            extra={
              overdue > 0 && isLawyer ? (
                <Text className="requests-page__overdue">{overdue} 项已超出承诺时间</Text>
              ) : (
                `${open.length} 项`
              )
            }
          >
            {open.length === 0 ? (
              <Text className="muted">没有待答复的请求。</Text>
            ) : (
              open.map((r) => <RequestRow key={r.id} request={r} isLawyer={isLawyer} now={now} />)
            )}
          </Card>
          {answered.length > 0 ? (
            <Card title="已答复" id="requests-answered" extra={`${answered.length} 项`}>
              {answered.map((r) => (
                <RequestRow key={r.id} request={r} isLawyer={isLawyer} now={now} />
              ))}
            </Card>
          ) : null}
        </>
      )}
      <MoreButton
        id="requests-more"
        more={!!store.nextCursor}
        loading={store.loadingMore}
        onClick={() => void store.loadMore(caseId)}
      />
    </View>
  );
}

export default observer(RequestsPage);
