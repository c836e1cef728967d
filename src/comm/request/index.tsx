import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ClientRequest, RequestAnswer } from '@contract/index';
import {
  CHAIN_NOTE,
  Card,
  EmptyState,
  EvidenceDisclosure,
  Skeleton,
  Tag,
  chainRows,
  type EvidenceRow,
} from '@/components';
import { NotifyPrompt } from '@/components/notify-prompt';
import { BackBar } from '@/components/back-bar';
import { toastFailure } from '@/feedback/toast';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { RequestStore } from '../shared/request-store';
import { RequestTags } from '../shared/request-tags';
import { AnswerForm } from './answer-form';
import { formatDueBy } from './due-by';
import '../../lawyer/form.scss';
import './index.scss';

const evidenceRows = (contentHash: string, chain: RequestAnswer['chain']): EvidenceRow[] => [
  { label: '内容指纹', value: contentHash },
  ...chainRows(chain),
];

const EVIDENCE_NOTE = `内容指纹（SHA-256）由提交时的内容计算得出：内容有任何改动，内容指纹都会不同。${CHAIN_NOTE}`;

const ANSWER_TAGS: {
  readonly [K in RequestAnswer['kind']]: { label: string; tone: 'brand' | 'success' | 'danger' };
} = {
  reply: { label: '答复', tone: 'brand' },
  accept: { label: '已接受', tone: 'success' },
  decline: { label: '已拒绝', tone: 'danger' },
};

const ANSWER_HEADINGS: { readonly [K in RequestAnswer['kind']]: string } = {
  reply: '答复',
  accept: '将如何办理',
  decline: '拒绝理由',
};

function AnswerCard({ answer, isLawyer }: { answer: RequestAnswer; isLawyer: boolean }) {
  const tag = ANSWER_TAGS[answer.kind];
  return (
    <Card title="律师的书面答复" id="request-answer">
      <View className="tag-row" data-kind={answer.kind} id="answer-kind-tag">
        <Tag tone={tag.tone}>{tag.label}</Tag>
        {answer.kind === 'accept' && answer.dueBy ? (
          <Tag tone="brand">完成期限 {formatDueBy(answer.dueBy)}</Tag>
        ) : null}
      </View>
      <Text className="request-page__heading">{ANSWER_HEADINGS[answer.kind]}</Text>
      <Text className="request-page__body pre-wrap" id="answer-text">
        {answer.text}
      </Text>
      <Text className="muted request-page__meta">
        {answer.answeredByName} 于 {formatExactTime(answer.answeredAt)} 答复
      </Text>
      {isLawyer ? (
        <Text
          className={`request-page__read ${answer.readAt ? '' : 'request-page__read--unread'}`}
          id="answer-read"
          data-read={answer.readAt ? 'true' : 'false'}
        >
          {answer.readAt ? `客户已于 ${formatExactTime(answer.readAt)} 阅读` : '客户尚未阅读'}
        </Text>
      ) : null}
      <EvidenceDisclosure
        id="answer-evidence"
        rows={evidenceRows(answer.contentHash, answer.chain)}
        note={EVIDENCE_NOTE}
      />
    </Card>
  );
}

function RequestCard({ request, isLawyer, now }: { request: ClientRequest; isLawyer: boolean; now: number }) {
  return (
    <Card>
      <View className="tag-row">
        <RequestTags request={request} isLawyer={isLawyer} now={now} />
      </View>
      {request.aboutUpdate ? (
        <Text
          className="link request-page__about"
          id="request-about-update"
          onClick={() => Taro.navigateTo({ url: routes.update(request.aboutUpdate?.id ?? '') })}
        >
          回复进展：{request.aboutUpdate.title} ›
        </Text>
      ) : null}
      <Text className="request-page__body pre-wrap" id="request-body">
        {request.body}
      </Text>
      <Text className="muted request-page__meta">
        {request.askedByName} 于 {formatExactTime(request.askedAt)} 提交
      </Text>
      {request.promisedBy ? (
        <Text
          id="request-promised-by"
          className={`request-page__promise ${request.status === 'open' && request.overdue ? 'request-page__promise--late' : ''}`}
        >
          承诺回复时间：{formatExactTime(request.promisedBy)} 前
        </Text>
      ) : null}
      <EvidenceDisclosure
        id="request-evidence"
        rows={evidenceRows(request.contentHash, request.chain)}
        note={EVIDENCE_NOTE}
      />
    </Card>
  );
}

/** One client request: what was asked, and the lawyer's written answer (or, for a lawyer, the form to give it). */
function RequestPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const requestId = params.id ?? '';
  const { api, session } = useStores();
  const [store] = useState(() => new RequestStore(api));
  const [now, setNow] = useState(() => Date.now());

  useDidShow(() => {
    if (!signedIn || !requestId) return;
    setNow(Date.now());
    void Promise.all([store.load(requestId), session.ensureLoaded()]).then(([request]) => {
      // The client who wrote it leaves a read receipt once the answer is on screen.
      const mine = request && session.me?.userId === request.askedBy;
      if (mine && request.answer && !request.answer.readAt) store.markRead(requestId).catch(toastFailure);
    });
  });

  if (!signedIn) return null;
  const request = store.request;
  if (!request || !session.me) {
    return (
      <View className="page">
        <BackBar />
        {store.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此请求" description={store.state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={3} />
        )}
      </View>
    );
  }

  // Clients see only their own requests; anyone else reading one is a lawyer of the case.
  const isLawyer = session.me.userId !== request.askedBy;
  return (
    <View className="page request-page" id="request-page" data-status={request.status}>
      <BackBar />
      <Text
        className="link detail-back"
        onClick={() => Taro.redirectTo({ url: routes.case(request.caseId) })}
      >
        ‹ {request.caseTitle}
      </Text>
      <RequestCard request={request} isLawyer={isLawyer} now={now} />
      {/* Just written: the moment to ask whether to hear about the answer on WeChat. */}
      {!isLawyer && params.created === '1' ? <NotifyPrompt /> : null}
      {request.answer ? (
        <AnswerCard answer={request.answer} isLawyer={isLawyer} />
      ) : isLawyer ? (
        <AnswerForm store={store} request={request} />
      ) : (
        <Card title="律师的书面答复">
          <Text className="muted" id="answer-pending">
            律师还没有答复。答复后会显示在这里，并存入本案记录。
          </Text>
        </Card>
      )}
    </View>
  );
}

export default observer(RequestPage);
