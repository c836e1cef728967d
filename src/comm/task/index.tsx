import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ClientTask } from '@contract/index';
import { TASK_LIMITS } from '@contract/limits';
import { shanghaiDate } from '@contract/office-hours';
import { promiseWarnings } from '@contract/promise-guard';
import { isApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import {
  Button,
  Card,
  EmptyState,
  EvidenceDisclosure,
  FINGERPRINT_NOTE,
  Skeleton,
  Tag,
  TextArea,
  chainRows,
} from '@/components';
import { describeDue, formatDueDate, returnReason, STEP_LABELS, taskTags } from '@/comm/shared/task-model';
import { TaskStore } from '@/comm/shared/task-store';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { PromiseHint, confirmSendDespite } from '../../lawyer/promise-guard-ui';
import './index.scss';

/** The client's 我已完成, with an optional note for the lawyer. */
const CompleteForm = observer(function CompleteForm({ task, tasks }: { task: ClientTask; tasks: TaskStore }) {
  const [note, setNote] = useState('');
  const { busy, errors, run } = useSubmission();
  const complete = () =>
    run((options) => tasks.complete(task.id, note, options), {
      onSuccess: () => {
        toastSuccess('已提交，等待律师验收');
        setNote('');
      },
      onFailure: (e) => {
        if (isApiFailure(e) && e.code === 'TASK.WRONG_STATE') void tasks.load(task.id);
        toastFailure(e);
      },
    });
  return (
    <Card title={task.status === 'returned' ? '重新完成' : '完成后请告诉律师'} id="task-complete-form">
      <TextArea
        id="task-note-input"
        label="备注（选填，例如材料如何交给律师）"
        value={note}
        onChange={setNote}
        maxLength={TASK_LIMITS.note}
        height={72}
        error={errors.note}
      />
      <Button id="task-complete" type="primary" block loading={busy} onClick={() => void complete()}>
        我已完成
      </Button>
    </Card>
  );
});

/** The lawyer's 验收通过, or 退回 with a required reason the client will read. */
const ReviewForm = observer(function ReviewForm({ task, tasks }: { task: ClientTask; tasks: TaskStore }) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, run } = useSubmission();
  const review = async (decision: 'accept' | 'return') => {
    if (decision === 'return') {
      if (!reason.trim()) {
        setErrors({ reason: '退回时请填写原因' });
        return;
      }
      if (!(await confirmSendDespite(promiseWarnings([{ path: 'reason', text: reason }]), '发送'))) return;
    }
    await run((options) => tasks.review(task.id, decision, decision === 'return' ? reason : '', options), {
      onSuccess: () => {
        toastSuccess(decision === 'accept' ? '已验收通过' : '已退回');
        setReturning(false);
        setReason('');
      },
      onFailure: (e) => {
        if (isApiFailure(e) && e.code === 'TASK.WRONG_STATE') void tasks.load(task.id);
        toastFailure(e);
      },
    });
  };
  const done = [...task.steps].reverse().find((step) => step.act === 'done');
  return (
    <Card title="验收" id="task-review">
      <Text className="muted task-page__hint">
        客户已标记完成。核对无误后验收；不符合要求请退回并写明原因，客户会看到。
      </Text>
      {done?.text ? (
        <Text className="task-page__note pre-wrap" id="task-client-note">
          {done.byName}的备注：{done.text}
        </Text>
      ) : null}
      {returning ? (
        <View>
          <TextArea
            id="task-return-reason-input"
            label="退回原因（客户可见，存入记录）"
            required
            value={reason}
            onChange={setReason}
            maxLength={TASK_LIMITS.note}
            height={72}
            error={errors.reason}
          />
          <PromiseHint text={reason} id="promise-hint-return-reason" />
          <View className="actions">
            <Button id="task-return-cancel" onClick={() => setReturning(false)}>
              取消
            </Button>
            <Button
              id="task-return-submit"
              type="danger"
              loading={busy}
              onClick={() => void review('return')}
            >
              退回
            </Button>
          </View>
        </View>
      ) : (
        <View className="actions">
          <Button id="task-return-open" type="danger" disabled={busy} onClick={() => setReturning(true)}>
            退回
          </Button>
          <Button id="task-accept" type="primary" loading={busy} onClick={() => void review('accept')}>
            验收通过
          </Button>
        </View>
      )}
    </Card>
  );
});

/** One client task: what, by when, the statement item it carries out, its history, and the next step. */
function TaskPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const taskId = params.id ?? '';
  const stores = useStores();
  const { session } = stores;
  const [tasks] = useState(() => new TaskStore(stores.api));

  const load = () => Promise.all([session.ensureLoaded(), tasks.load(taskId)]);
  useDidShow(() => {
    if (signedIn && taskId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  const task = tasks.task;
  if (!task) {
    return (
      <View className="page">
        <BackBar />
        {tasks.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此事项" description={tasks.state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={3} />
        )}
      </View>
    );
  }

  const me = session.me;
  const isAssignee = me?.userId === task.assigneeId;
  const isLawyer = !isAssignee && session.isLawyer;
  const today = shanghaiDate(Date.now());
  const returned = returnReason(task);
  const finished = task.status === 'accepted';

  return (
    <View className="page task-page" id="task-page">
      <BackBar />
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.tasks(task.caseId) })}>
        ‹ {task.caseTitle} · 配合事项
      </Text>

      {returned ? (
        <View className="task-returned" id="task-returned">
          <Text className="task-returned__title">律师退回了此事项</Text>
          <Text className="task-returned__reason pre-wrap" id="task-return-reason">
            {returned.text}
          </Text>
          <Text className="task-returned__meta">
            {returned.byName} · {formatExactTime(returned.at)}
            {isAssignee ? ' · 请按要求处理后再次点「我已完成」' : ' · 等待客户重新完成'}
          </Text>
        </View>
      ) : null}

      <Card>
        <Text className="detail-title" id="task-title">
          {task.title}
        </Text>
        <View className="tag-row" id="task-status">
          <Tag tone="brand">需要您配合</Tag>
          {taskTags(task).map((tag) => (
            <Tag key={tag.label} tone={tag.tone}>
              {tag.label}
            </Tag>
          ))}
        </View>
        <View className="task-page__facts">
          <View className="task-page__fact">
            <Text className="task-page__fact-label">截止日期</Text>
            <Text
              className={`task-page__fact-value ${task.overdue ? 'task-page__fact-value--overdue' : ''}`}
              id="task-due"
            >
              {formatDueDate(task.dueDate, today)}（当天内）
              {finished ? '' : ` · ${describeDue(task.dueDate, today)}`}
            </Text>
          </View>
          <View className="task-page__fact">
            <Text className="task-page__fact-label">由谁完成</Text>
            <Text className="task-page__fact-value">{task.assigneeName}</Text>
          </View>
          <View className="task-page__fact">
            <Text className="task-page__fact-label">布置</Text>
            <Text className="task-page__fact-value">
              {task.assignedByName} · {formatExactTime(task.assignedAt)}
            </Text>
          </View>
        </View>
        {task.details ? <Text className="task-page__details pre-wrap">{task.details}</Text> : null}
        {task.statementItem ? (
          <View
            className="task-page__item"
            id="task-statement-item"
            role="button"
            onClick={() => Taro.navigateTo({ url: routes.statement(task.statementItem!.statementId) })}
          >
            <Text className="task-page__item-label">
              对应告知书「需要您配合」第 {task.statementItem.versionNo} 版条目
            </Text>
            <Text className="task-page__item-text">「{task.statementItem.text}」</Text>
            <Text className="link">查看告知书 ›</Text>
          </View>
        ) : null}
        <EvidenceDisclosure
          id="task-evidence"
          rows={[{ label: '内容指纹', value: task.contentHash }, ...chainRows(task.chain)]}
          note={FINGERPRINT_NOTE}
        />
      </Card>

      {isAssignee && (task.status === 'open' || task.status === 'returned') ? (
        <CompleteForm task={task} tasks={tasks} />
      ) : null}
      {isAssignee && task.status === 'submitted' ? (
        <Text className="task-page__state" id="task-waiting">
          已提交，等待律师验收。
        </Text>
      ) : null}
      {isLawyer && task.status === 'submitted' ? <ReviewForm task={task} tasks={tasks} /> : null}
      {finished ? (
        <Text className="task-page__state task-page__state--done" id="task-accepted">
          ✓ 律师已验收通过，此事项已完成。
        </Text>
      ) : null}

      <Card title="办理记录" id="task-history">
        <View className="task-step" data-testid="task-step">
          <Text className="task-step__what">律师布置</Text>
          <Text className="muted">
            {task.assignedByName} · {formatExactTime(task.assignedAt)}
          </Text>
        </View>
        {task.steps.map((step) => (
          <View key={step.id} className={`task-step task-step--${step.act}`} data-testid="task-step">
            <Text className="task-step__what">{STEP_LABELS[step.act]}</Text>
            <Text className="muted">
              {step.byName} · {formatExactTime(step.at)}
            </Text>
            {step.text ? (
              <Text className="task-step__text pre-wrap">
                {step.act === 'return' ? '原因：' : '备注：'}
                {step.text}
              </Text>
            ) : null}
          </View>
        ))}
      </Card>
    </View>
  );
}

export default observer(TaskPage);
