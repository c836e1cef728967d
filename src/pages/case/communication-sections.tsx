import { Text } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Tag } from '@/components/tag';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { waitingText } from '../../comm/shared/request-age';
import type { CaseCommunicationStore } from './case-communication.store';
import { MemoAttentionRows, memoAwaitsClient } from './memo-section';
import { clientStatementState } from './statement-section';
import { Row, go } from './case-row';

const all = (url: string) => (
  <Text className="link" onClick={go(url)}>
    全部 ›
  </Text>
);

/** 'YYYY-MM-DD' as 「12月5日」. */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A client's case page starts with what waits for them: to acknowledge or confirm, to do, and what they asked. */
export const ClientAttention = observer(function ClientAttention({
  caseId,
  comm,
}: {
  caseId: string;
  comm: CaseCommunicationStore;
}) {
  const { statements } = useStores();
  const now = Date.now();
  const pendingStatements = (statements.list(caseId) || []).filter((s) => clientStatementState(s).pending);
  const pendingMemos = (comm.memos || []).filter(memoAwaitsClient);
  const tasks = comm.tasks || [];
  const todo = tasks.filter((t) => t.status === 'open' || t.status === 'returned');
  const requests = comm.requests;
  const open = (requests || []).filter((r) => r.status === 'open');
  const toConfirm = pendingStatements.length + pendingMemos.length;
  return (
    <>
      {toConfirm > 0 ? (
        <Card
          title="待您处理"
          id="attention-confirm"
          extra={<Text className="case-row__due">{toConfirm} 项</Text>}
        >
          {pendingStatements.map((s) => (
            <Row
              key={s.id}
              id={`attention-statement-${s.id}`}
              title={s.title}
              onClick={go(routes.statement(s.id))}
            >
              <Tag>告知书</Tag>
              <Tag tone="danger">{clientStatementState(s).text}</Tag>
            </Row>
          ))}
          <MemoAttentionRows memos={pendingMemos} />
        </Card>
      ) : null}
      {tasks.length > 0 ? (
        <Card title="需要您配合" id="attention-tasks" extra={all(routes.tasks(caseId))}>
          {todo.length === 0 ? <Text className="muted">暂无待完成事项。</Text> : null}
          {todo.map((t) => (
            <Row key={t.id} id={`attention-task-${t.id}`} title={t.title} onClick={go(routes.task(t.id))}>
              <Tag tone={t.overdue ? 'danger' : 'neutral'}>
                {t.overdue ? '已逾期 · ' : ''}截止 {monthDay(t.dueDate)}
              </Tag>
              {t.status === 'returned' ? <Tag tone="danger">已退回</Tag> : null}
            </Row>
          ))}
        </Card>
      ) : null}
      {requests ? (
        <Card
          title="您的请求"
          id="attention-requests"
          extra={requests.length > 0 ? all(routes.requests(caseId)) : undefined}
        >
          {open.length === 0 ? (
            <Text className="muted case-page__empty">有事可书面提出，律师会书面答复。</Text>
          ) : null}
          {open.map((r) => (
            <Row
              key={r.id}
              id={`attention-request-${r.id}`}
              title={r.body}
              onClick={go(routes.request(r.id))}
            >
              <Tag tone="warning">待答复 · {waitingText(r.askedAt, now)}</Tag>
            </Row>
          ))}
          <Button
            id="case-new-request"
            size="small"
            type="plain"
            block
            className="case-row__button"
            onClick={go(routes.newRequest(caseId))}
          >
            提出请求
          </Button>
        </Card>
      ) : null}
    </>
  );
});

/** A lawyer's counts of what the written conversation of this case waits on, each leading to the items. */
export const LawyerCommunication = observer(function LawyerCommunication({
  caseId,
  comm,
}: {
  caseId: string;
  comm: CaseCommunicationStore;
}) {
  const open = (comm.requests || []).filter((r) => r.status === 'open');
  const lateRequests = open.filter((r) => r.overdue).length;
  const disputed = (comm.memos || []).filter((m) => (m.openDisputes || 0) > 0);
  const disputes = disputed.reduce((sum, m) => sum + (m.openDisputes || 0), 0);
  const tasks = comm.tasks || [];
  const toReview = tasks.filter((t) => t.status === 'submitted').length;
  const lateTasks = tasks.filter((t) => t.overdue).length;
  return (
    <Card title="书面沟通" id="case-communication">
      {comm.requests ? (
        <Row id="count-requests" title="客户请求 ›" onClick={go(routes.requests(caseId))}>
          <Tag tone={open.length > 0 ? 'warning' : 'neutral'}>
            {/* Counted over the pages read so far: 「N+」 while more follow. */}
            {open.length}
            {comm.next.requests ? '+' : ''} 项待答复
          </Tag>
          {lateRequests > 0 ? <Tag tone="danger">{lateRequests} 项已超出承诺时间</Tag> : null}
        </Row>
      ) : null}
      {disputes > 0 ? (
        <Row id="count-disputes" title="备忘录异议 ›" onClick={go(routes.memo(disputed[0].id))}>
          <Tag tone="danger">{disputes} 条异议待处理</Tag>
        </Row>
      ) : null}
      {comm.tasks ? (
        <Row id="count-tasks" title="配合事项 ›" onClick={go(routes.tasks(caseId))}>
          <Tag tone={toReview > 0 ? 'warning' : 'neutral'}>
            {toReview}
            {comm.next.tasks ? '+' : ''} 项待验收
          </Tag>
          {lateTasks > 0 ? <Tag tone="danger">{lateTasks} 项已逾期</Tag> : null}
        </Row>
      ) : null}
    </Card>
  );
});
