import { Text } from '@tarojs/components';
import { receiptCount } from './receipt-count';
import { observer } from 'mobx-react-lite';
import type { MemoSummary } from '@contract/index';
import { Card } from '@/components/card';
import { Tag } from '@/components/tag';
import { MoreButton } from '@/components/more-button';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';
import type { CaseCommunicationStore } from './case-communication.store';
import { Row, go } from './case-row';

// Memos are the one record a client 确认s (docs/glossary.md §8): their words live in this file.

/** A memo whose current version the client has not confirmed or disputed yet. */
export const memoAwaitsClient = (m: MemoSummary) => m.myState === 'unread' || m.myState === 'viewed';

const day = (m: MemoSummary) => formatExactTime(m.communicatedAt).slice(0, 10);

/** The client's memos to confirm, as rows of the case page's 待您处理. */
export function MemoAttentionRows({ memos }: { memos: MemoSummary[] }) {
  return (
    <>
      {memos.map((m) => (
        <Row key={m.id} id={`attention-memo-${m.id}`} title={m.headline} onClick={go(routes.memo(m.id))}>
          <Tag>沟通备忘录 {day(m)}</Tag>
          <Tag tone="danger">待确认</Tag>
        </Row>
      ))}
    </>
  );
}

/** Every memo of the case, newest first as the server lists them, with where it stands. */
export const MemoSection = observer(function MemoSection({
  comm,
  isLawyer,
}: {
  comm: CaseCommunicationStore;
  isLawyer: boolean;
}) {
  const memos = comm.memos;
  if (!memos || (memos.length === 0 && !isLawyer)) return null;
  return (
    <Card title="沟通备忘录" id="memo-section">
      {memos.length === 0 ? <Text className="muted case-page__empty">还没有备忘录。</Text> : null}
      {memos.map((m) => (
        <Row key={m.id} id={`memo-row-${m.id}`} title={m.headline} onClick={go(routes.memo(m.id))}>
          <Tag>{day(m)}</Tag>
          {m.versionNo > 1 ? <Tag>第{m.versionNo}版</Tag> : null}
          {isLawyer ? (
            <>
              <Tag tone={receiptCount(m.confirmedCount, m.clientCount, '已确认').tone}>
                {receiptCount(m.confirmedCount, m.clientCount, '已确认').text}
              </Tag>
              {m.openDisputes ? <Tag tone="danger">{m.openDisputes} 条异议</Tag> : null}
            </>
          ) : m.myState === 'confirmed' ? (
            <Tag tone="success">已确认</Tag>
          ) : m.myState === 'disputed' ? (
            <Tag tone="warning">已提出异议</Tag>
          ) : (
            <Tag tone="danger">待确认</Tag>
          )}
        </Row>
      ))}
      <MoreButton
        id="memo-more"
        more={!!comm.next.memos}
        loading={comm.loadingMore === 'memos'}
        onClick={() => void comm.loadMore('memos')}
      />
    </Card>
  );
});
