import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ClientStatus, Question, StatementDetail } from '@contract/index';
import {
  Avatar,
  Button,
  Card,
  EmptyState,
  STATEMENT_LIMITS,
  STATEMENT_SECTIONS,
  Tag,
  TextArea,
  hashPrefix,
} from '@/components';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { BackBar } from '@/components/back-bar';
import { useSubmission } from '@/feedback/use-submission';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { promiseWarnings } from '@contract/promise-guard';
import { PromiseHint, confirmSendDespite } from '../../lawyer/promise-guard-ui';
import { receiptLine } from '../receipt-card';
import { deliveryText } from './delivery-text';
import { ItemCard } from './item-card';
import { StatementHeader } from './statement-header';

function clientStateText(client: ClientStatus): { text: string; tone: 'success' | 'warning' | 'danger' } {
  if (client.state === 'acknowledged' && client.receipt) {
    return { text: `已知悉 ${receiptLine(client.receipt, true)}`, tone: 'success' };
  }
  const older = client.lastAcknowledgedVersionNo ? `（曾知悉第 ${client.lastAcknowledgedVersionNo} 版）` : '';
  if (client.state === 'viewed' && client.viewedAt) {
    return { text: `已读未知悉 自 ${formatExactTime(client.viewedAt)}${older}`, tone: 'warning' };
  }
  return { text: `未读${older}`, tone: 'danger' };
}

const ClientRow = observer(function ClientRow({
  statementId,
  client,
}: {
  statementId: string;
  client: ClientStatus;
}) {
  const { statements } = useStores();
  const [busy, setBusy] = useState(false);
  const state = clientStateText(client);
  const remind = async () => {
    setBusy(true);
    try {
      const { delivery } = await statements.remind(statementId, client.userId);
      Taro.showToast({ title: deliveryText(delivery), icon: 'none', duration: 3000 });
    } catch (e) {
      // STATEMENT.REMINDED_RECENTLY / ALREADY_ACKNOWLEDGED arrive with their Chinese message.
      toastFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="statement-client" data-testid="client-status" id={`client-status-${client.userId}`}>
      <Avatar name={client.displayName} size={32} />
      <View className="statement-client__body">
        <Text className="statement-client__name">{client.displayName}</Text>
        <Text className={`statement-client__state statement-client__state--${state.tone}`}>{state.text}</Text>
        {client.state === 'acknowledged' && client.openQuestionsAtAck > 0 ? (
          <Text className="statement-client__state--warning" id={`open-at-ack-${client.userId}`}>
            提交知悉回执时，其 {client.openQuestionsAtAck} 个提问尚未答复
          </Text>
        ) : null}
        {client.lastRemindedAt ? (
          <Text className="muted statement-client__reminded" id={`reminder-delivery-${client.userId}`}>
            上次提醒 {formatExactTime(client.lastRemindedAt)}
            {client.lastReminderDelivery ? ` · ${deliveryText(client.lastReminderDelivery)}` : ''}
          </Text>
        ) : null}
      </View>
      {client.state !== 'acknowledged' ? (
        <Button
          id={`remind-${client.userId}`}
          size="small"
          type="plain"
          loading={busy}
          onClick={() => void remind()}
        >
          提醒
        </Button>
      ) : null}
    </View>
  );
});

const AnswerBox = observer(function AnswerBox({ question }: { question: Question }) {
  const { statements } = useStores();
  const [text, setText] = useState('');
  const { busy, run } = useSubmission();
  const warnings = promiseWarnings([{ path: 'answer', text }]);
  const submit = async () => {
    if (!text.trim()) return;
    if (!(await confirmSendDespite(warnings, '发送'))) return;
    await run((options) => statements.answer(question.id, text, options), {
      onSuccess: () => toastSuccess('已回复'),
    });
  };
  return (
    <View className="statement-open-question" data-testid="open-question">
      <Text className="statement-open-question__item">
        第 {question.versionNo} 版 · 「{question.itemText}」
      </Text>
      <Text className="statement-open-question__q">
        {question.askedByName}：{question.question}
      </Text>
      <Text className="muted">{formatExactTime(question.askedAt)}</Text>
      <TextArea
        id={`answer-input-${question.id}`}
        label="书面回复（客户可见，存入记录）"
        value={text}
        onChange={setText}
        maxLength={STATEMENT_LIMITS.answer}
        height={72}
      />
      <PromiseHint text={text} id={`promise-hint-answer-${question.id}`} />
      <Button
        id={`answer-submit-${question.id}`}
        size="small"
        type="primary"
        disabled={!text.trim()}
        loading={busy}
        onClick={() => void submit()}
      >
        回复
      </Button>
    </View>
  );
});

/** What a lawyer sees: the content, who acknowledged which version, reminders, questions and the history. */
function LawyerStatement({ detail }: { detail: StatementDetail }) {
  const current = detail.current;
  const editButton = (
    <View className="actions">
      <Button
        id={detail.draft ? 'continue-draft' : 'revise-statement'}
        type={detail.draft ? 'primary' : 'default'}
        onClick={() => Taro.navigateTo({ url: routes.editStatement(detail.id) })}
      >
        {detail.draft ? '继续编辑草稿' : '修订'}
      </Button>
    </View>
  );
  if (!current) {
    return (
      <View className="page statement-page">
        <BackBar />
        <EmptyState
          glyph="稿"
          title="尚未发布"
          description="这份告知书还是草稿，发布后客户才能看到并逐条知悉。"
        />
        {editButton}
      </View>
    );
  }
  const openQuestions = detail.questions.filter((q) => !q.answer);
  const clients = detail.clients ?? [];
  const acknowledgments = detail.acknowledgments ?? [];
  const questionsFor = (itemId: string) => detail.questions.filter((q) => q.itemId === itemId && q.answer);

  return (
    <View className="page statement-page">
      <BackBar />
      <StatementHeader detail={detail} current={current} />
      {editButton}

      <Card
        title="客户知悉情况"
        id="client-status"
        extra={`${clients.filter((c) => c.state === 'acknowledged').length}/${clients.length} 已知悉第 ${current.versionNo} 版`}
      >
        {clients.length === 0 ? (
          <Text className="muted">案件还没有客户。邀请客户加入后，这里会显示知悉情况。</Text>
        ) : null}
        {clients.map((c) => (
          <ClientRow key={c.userId} statementId={detail.id} client={c} />
        ))}
      </Card>

      {openQuestions.length > 0 ? (
        <Card
          title="待回复的问题"
          id="open-questions"
          extra={<Tag tone="danger">{openQuestions.length}</Tag>}
        >
          {openQuestions.map((q) => (
            <AnswerBox key={q.id} question={q} />
          ))}
        </Card>
      ) : null}

      {STATEMENT_SECTIONS.map(({ key, label }) =>
        current.content.sections[key].length === 0 ? null : (
          <Card
            key={key}
            title={label}
            id={`section-${key}`}
            className={`statement-section statement-section--${key}`}
          >
            {current.content.sections[key].map((item) => (
              <ItemCard
                key={item.id}
                itemId={item.id}
                text={item.text}
                basis={item.basis}
                questions={questionsFor(item.id)}
              />
            ))}
          </Card>
        ),
      )}

      <Card title="知悉回执" id="acknowledgments" extra={`共 ${acknowledgments.length} 份`}>
        {acknowledgments.length === 0 ? <Text className="muted">还没有客户提交知悉回执。</Text> : null}
        {acknowledgments.map((r) => (
          <View key={r.acknowledgmentId} className="statement-receipt" data-testid="ack-receipt">
            <Text className="statement-receipt__name">{r.displayName}</Text>
            <Text className="statement-receipt__line">{receiptLine(r, true)}</Text>
          </View>
        ))}
      </Card>

      <Card title="版本记录" id="version-history">
        <Text className="muted statement-page__note">
          已发布的版本不会被修改；修订会生成新版本，客户需重新知悉。
        </Text>
        {detail.versions.map((v) => (
          <View key={v.versionNo} className="statement-version" data-testid="statement-version">
            <View className="statement-version__head">
              <Text className="statement-version__no">
                第 {v.versionNo} 版{v.versionNo === current.versionNo ? '（当前）' : ''}
              </Text>
              <Text className="muted">{formatExactTime(v.publishedAt)}</Text>
            </View>
            <Text className="muted">
              {v.publishedByName} · 内容指纹 {hashPrefix(v.contentHash)}
              {v.promiseWarnings.length > 0 ? ` · 发布时有 ${v.promiseWarnings.length} 处承诺用语提示` : ''}
            </Text>
            <Text className="statement-version__note">
              {v.changeNote ? `修订说明：${v.changeNote}` : '首次发布'}
            </Text>
          </View>
        ))}
      </Card>
    </View>
  );
}

export default observer(LawyerStatement);
