import { Text, View } from '@tarojs/components';
import { keyboardPress } from '@/components/keyboard-press';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { MemoDetail, MemoPoint, MemoResponse } from '@contract/index';
import { ERROR_MESSAGES } from '@contract/errors';
import { MEMO_LIMITS } from '@contract/limits';
import { isApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import {
  Button,
  CHAIN_NOTE,
  Card,
  EvidenceDisclosure,
  FINGERPRINT_NOTE,
  TextArea,
  chainRows,
} from '@/components';
import type { MemoStore } from '@/comm/shared/memo-store';
import { NotifyPrompt } from '@/components/notify-prompt';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { formatExactTime } from '@/time/format-time';
import { MemoDocument } from './memo-document';
import { diffSummary } from './memo-diff';

/** What a client disputes: the whole memo, or one conclusion by id. */
type Target = { kind: 'whole' } | { kind: 'conclusion'; point: MemoPoint };

/** The client's 确认回执: when, which version; the fingerprint and the record position under 存证信息. */
function ConfirmReceipt({ response }: { response: MemoResponse }) {
  const rows: [string, string][] = [
    ['客户', response.displayName],
    ['确认时间', `${formatExactTime(response.respondedAt, true)}（北京时间）`],
    ['确认版本', `第 ${response.versionNo} 版`],
  ];
  return (
    <View className="memo-receipt" id="memo-receipt" data-testid="receipt-card">
      <View className="memo-receipt__head">
        <Text className="memo-receipt__check">✓</Text>
        <Text className="memo-receipt__title">您已确认本备忘录记录无误</Text>
      </View>
      {rows.map(([label, value]) => (
        <View className="memo-receipt__row" key={label}>
          <Text className="memo-receipt__label">{label}</Text>
          <Text className="memo-receipt__value" data-field={label}>
            {value}
          </Text>
        </View>
      ))}
      <EvidenceDisclosure
        id="memo-receipt-evidence"
        rows={[
          { label: '内容指纹', value: response.contentHash },
          { label: '回执编号', value: response.responseId },
          ...chainRows(response.chain),
        ]}
        note={response.chain ? `${FINGERPRINT_NOTE}${CHAIN_NOTE}` : FINGERPRINT_NOTE}
      />
    </View>
  );
}

/** After a dispute: what the client said, and that the lawyer answers with a corrected version. */
function DisputeWaiting({ response }: { response: MemoResponse }) {
  return (
    <View className="memo-waiting" id="memo-dispute-waiting">
      <Text className="memo-waiting__title">已提出异议，等待律师更正</Text>
      <Text className="memo-waiting__line">
        {response.conclusion ? `对结论「${response.conclusion.text}」` : '对整份备忘录'} ·{' '}
        {formatExactTime(response.respondedAt)}
      </Text>
      <Text className="memo-waiting__reason pre-wrap" id="memo-my-reason">
        异议理由：{response.reason}
      </Text>
      <Text className="memo-waiting__note">
        律师会发布更正版本回应您的异议，届时请重新查看并确认。您的异议已存入案件记录。
      </Text>
    </View>
  );
}

/**
 * What a client sees: the memo, then 确认无误 (one explicit tap) or 提出异议 on the whole memo or on one
 * conclusion, with a required written reason; afterwards the receipt, or the dispute waiting for a correction.
 */
function ClientMemo({ detail, memos }: { detail: MemoDetail; memos: MemoStore }) {
  const current = detail.current;
  const mine = detail.myResponse?.versionNo === current.versionNo ? detail.myResponse : null;
  const [target, setTarget] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const [superseded, setSuperseded] = useState(false);
  const confirming = useSubmission();
  const disputing = useSubmission();

  const onFailure = (e: unknown) => {
    if (isApiFailure(e) && e.code === 'MEMO.SUPERSEDED') setSuperseded(true);
    else if (isApiFailure(e) && e.code === 'MEMO.ALREADY_RESPONDED') void memos.load(detail.id);
    toastFailure(e);
  };

  const confirm = () =>
    confirming.run((options) => memos.confirm(detail.id, current.versionNo, options), {
      onSuccess: () => toastSuccess('已确认'),
      onFailure,
    });

  const openDispute = (next: Target) => {
    setTarget(next);
    setTimeout(() => void Taro.pageScrollTo({ selector: '#memo-dispute-form', duration: 200 }), 50);
  };

  const dispute = async () => {
    if (!target) return;
    if (!reason.trim()) {
      disputing.setErrors({ reason: '请写明异议理由' });
      return;
    }
    const conclusionId = target.kind === 'conclusion' ? target.point.id : null;
    await disputing.run(
      (options) => memos.dispute(detail.id, current.versionNo, conclusionId, reason, options),
      {
        onSuccess: () => {
          toastSuccess('已提交异议');
          setTarget(null);
          setReason('');
        },
        onFailure,
      },
    );
  };

  const answering = !mine && !superseded;
  const earlier = detail.changesSinceMyResponse
    ? detail.responses.find((r) => r.versionNo === detail.changesSinceMyResponse?.fromVersionNo)
    : undefined;
  const conclusionSlot = (point: MemoPoint) =>
    answering ? (
      <Text
        className="link memo-doc__dispute-link"
        id={`dispute-conclusion-${point.id}`}
        onClick={() => openDispute({ kind: 'conclusion', point })}
      >
        对此条有异议
      </Text>
    ) : mine?.kind === 'disputed' && mine.conclusion?.id === point.id ? (
      <Text className="memo-doc__disputed">您对此条提出了异议</Text>
    ) : null;

  return (
    <View className={`page memo-page ${answering && !target ? 'memo-page--with-bar' : ''}`}>
      <BackBar />
      {mine?.kind === 'confirmed' ? <ConfirmReceipt response={mine} /> : null}
      {mine?.kind === 'confirmed' ? <NotifyPrompt /> : null}
      {mine?.kind === 'disputed' ? <DisputeWaiting response={mine} /> : null}
      {answering && detail.changesSinceMyResponse ? (
        <View className="memo-banner" id="memo-changes">
          <Text className="memo-banner__title">与您上次确认/异议的版本相比</Text>
          <Text className="memo-banner__text">{diffSummary(detail.changesSinceMyResponse, earlier)}</Text>
        </View>
      ) : null}
      {answering ? (
        <Text className="memo-page__how">
          请核对律师记录的沟通内容。记录无误请点「确认无误」；有不准确之处请点「提出异议」，可针对整份备忘录或某一条结论，并写明理由。
        </Text>
      ) : null}

      <MemoDocument
        detail={detail}
        diff={answering ? detail.changesSinceMyResponse : null}
        conclusionSlot={conclusionSlot}
      />

      {superseded ? (
        <Card className="memo-superseded" id="memo-superseded">
          <Text className="memo-superseded__text">{ERROR_MESSAGES['MEMO.SUPERSEDED']}</Text>
          <Button
            id="memo-load-latest"
            type="primary"
            block
            onClick={() => {
              setSuperseded(false);
              void memos.load(detail.id);
            }}
          >
            查看最新版本
          </Button>
        </Card>
      ) : null}

      {answering && target ? (
        <Card title="提出异议" id="memo-dispute-form">
          <Text className="memo-targets__label">异议针对</Text>
          <View className="memo-targets" role="radiogroup" aria-label="异议针对">
            <View
              id="memo-dispute-target-whole"
              className={`memo-targets__chip ${target.kind === 'whole' ? 'memo-targets__chip--on' : ''}`}
              role="radio"
              aria-checked={target.kind === 'whole' ? 'true' : 'false'}
              onClick={() => setTarget({ kind: 'whole' })}
              {...keyboardPress(() => setTarget({ kind: 'whole' }))}
            >
              整份备忘录
            </View>
            {current.content.conclusions.map((point, index) => {
              const on = target.kind === 'conclusion' && target.point.id === point.id;
              return (
                <View
                  key={point.id}
                  id={`memo-dispute-target-${point.id}`}
                  className={`memo-targets__chip ${on ? 'memo-targets__chip--on' : ''}`}
                  role="radio"
                  aria-checked={on ? 'true' : 'false'}
                  onClick={() => setTarget({ kind: 'conclusion', point })}
                  {...keyboardPress(() => setTarget({ kind: 'conclusion', point }))}
                >
                  结论第 {index + 1} 条
                </View>
              );
            })}
          </View>
          {target.kind === 'conclusion' ? (
            <Text className="memo-targets__quote">「{target.point.text}」</Text>
          ) : null}
          <TextArea
            id="memo-dispute-reason"
            label="异议理由（律师会据此更正，存入记录）"
            required
            value={reason}
            onChange={setReason}
            maxLength={MEMO_LIMITS.reason}
            height={96}
            placeholder="哪里与实际沟通不符，应当如何记录"
            error={disputing.errors.reason ?? disputing.errors.conclusionId}
          />
          <View className="actions">
            <Button id="memo-dispute-cancel" onClick={() => setTarget(null)}>
              取消
            </Button>
            <Button
              id="memo-dispute-submit"
              type="danger"
              loading={disputing.busy}
              onClick={() => void dispute()}
            >
              提交异议
            </Button>
          </View>
        </Card>
      ) : null}

      {answering && !target ? (
        <View className="memo-bar">
          <Button id="memo-dispute-open" type="danger" onClick={() => openDispute({ kind: 'whole' })}>
            提出异议
          </Button>
          <Button
            id="memo-confirm"
            type="primary"
            loading={confirming.busy}
            disabled={disputing.busy}
            onClick={() => void confirm()}
          >
            确认无误
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default observer(ClientMemo);
