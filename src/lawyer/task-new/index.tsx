import { Picker, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useMemo, useState } from 'react';
import type { StatementDetail } from '@contract/index';
import { TASK_LIMITS } from '@contract/limits';
import { shanghaiDate } from '@contract/office-hours';
import { promiseWarnings } from '@contract/promise-guard';
import { Button, Card, EmptyState, Field, FormError, Skeleton, TextArea } from '@/components';
import { BackBar } from '@/components/back-bar';
import { DraftOffer, useDraft } from '@/drafts';
import { formatDueDate } from '@/comm/shared/task-model';
import { TaskStore } from '@/comm/shared/task-store';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ChoiceChips } from '../choice-chips';
import { PromiseHint, PromiseSummary, confirmSendDespite } from '../promise-guard-ui';
import '../form.scss';
import './index.scss';

/** What a task draft keeps. */
interface TaskDraft {
  title: string;
  details: string;
  dueDate: string;
  assigneeId: string | null;
  linked: LinkedItem | null;
}

interface LinkedItem {
  statementId: string;
  itemId: string;
}

const FIELD_LABELS: Record<string, string> = { title: '事项', details: '说明' };

/** The published statements' 需要您配合 items, as the lawyer may link a task to one. */
function YouMustPicker({
  statements,
  value,
  onChange,
}: {
  statements: StatementDetail[];
  value: LinkedItem | null;
  onChange: (item: LinkedItem | null, text: string | null) => void;
}) {
  const withItems = statements.filter((s) => (s.current?.content.sections.youMust.length ?? 0) > 0);
  if (withItems.length === 0) {
    return <Text className="muted">本案已发布的告知书中没有「需要您配合」条目。</Text>;
  }
  const row = (id: string, on: boolean, text: string, select: () => void) => (
    <View
      key={id}
      id={id}
      className={`task-link ${on ? 'task-link--on' : ''}`}
      role="radio"
      aria-checked={on ? 'true' : 'false'}
      onClick={select}
    >
      <Text className={`task-link__dot ${on ? 'task-link__dot--on' : ''}`} />
      <Text className="task-link__text">{text}</Text>
    </View>
  );
  return (
    <View id="task-statement-items">
      {row('task-item-none', value === null, '不关联', () => onChange(null, null))}
      {withItems.map((s) => (
        <View key={s.id}>
          <Text className="task-link__statement">
            {s.current!.content.title}（第 {s.current!.versionNo} 版）
          </Text>
          {s.current!.content.sections.youMust.map((item) =>
            row(
              `task-item-${item.id}`,
              value?.statementId === s.id && value.itemId === item.id,
              item.text,
              () => onChange({ statementId: s.id, itemId: item.id }, item.text),
            ),
          )}
        </View>
      ))}
    </View>
  );
}

/** Assigns a client task (需要您配合): what, by when, to which client, optionally carrying out a statement item. */
function TaskNewPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const stores = useStores();
  const { caseDetails, statements, session } = stores;
  const [tasks] = useState(() => new TaskStore(stores.api));
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  // A week from today unless the lawyer picks another day (the picker starts at today).
  const [dueDate, setDueDate] = useState(() => shanghaiDate(Date.now() + 7 * 86_400_000));
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [linked, setLinked] = useState<LinkedItem | null>(null);
  const [published, setPublished] = useState<StatementDetail[] | null>(null);
  const { busy, errors, check, run } = useSubmission({
    values: { title, details, dueDate, assigneeId, statementItem: linked },
    validate: (v): Record<string, string> => {
      const missing: Record<string, string> = {};
      if (!v.title.trim()) missing.title = '请填写需要客户配合的事项';
      if (!v.dueDate) missing.dueDate = '请选择截止日期';
      else if (v.dueDate < shanghaiDate(Date.now())) missing.dueDate = '截止日期不能早于今天';
      if (!v.assigneeId) missing.assigneeId = '请选择由哪位客户完成';
      return missing;
    },
  });
  const draft = useDraft<TaskDraft>({
    key: caseId && session.me ? { userId: session.me.userId, caseId, kind: 'task' } : null,
    value: useMemo(
      () => ({ title, details, dueDate, assigneeId, linked }),
      [title, details, dueDate, assigneeId, linked],
    ),
    isEmpty: (d) => d.title.trim() === '' && d.details.trim() === '' && d.linked == null,
    onRestore: (d) => {
      setTitle(d.title);
      setDetails(d.details);
      setDueDate(d.dueDate);
      if (d.assigneeId) setAssigneeId(d.assigneeId);
      setLinked(d.linked);
    },
  });

  useLoad(() => {
    if (!signedIn || !caseId) return;
    void session.ensureLoaded();
    void caseDetails.load(caseId).then(() => {
      const clients = caseDetails.detail(caseId)?.members.filter((m) => m.role === 'client') ?? [];
      if (clients.length === 1) setAssigneeId(clients[0].userId);
    });
    // A task may carry out a 需要您配合 item of a published statement: read those statements in full.
    void statements.loadList(caseId).then(async () => {
      const ids = (statements.list(caseId) ?? []).filter((s) => s.versionNo > 0).map((s) => s.id);
      const loaded = await Promise.all(ids.map((id) => statements.load(id)));
      setPublished(loaded.filter((d): d is StatementDetail => Boolean(d?.current)));
    });
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  const detail = caseDetails.detail(caseId);
  if (!detail) {
    const failed = caseDetails.state(caseId).error;
    return (
      <View className="page">
        <BackBar />
        {failed || !caseId ? (
          <EmptyState glyph="!" title="无法布置配合事项" description={failed?.message ?? '缺少案件'} />
        ) : (
          <Skeleton cards={2} rows={3} />
        )}
      </View>
    );
  }

  const clients = detail.members.filter((m) => m.role === 'client');
  const today = shanghaiDate(Date.now());
  const warnings = promiseWarnings([
    { path: 'title', text: title },
    { path: 'details', text: details },
  ]);

  const chooseItem = (item: LinkedItem | null, text: string | null) => {
    setLinked(item);
    // The item's words are a good start for the task's title when the lawyer has not written one.
    if (item && text && !title.trim()) setTitle(Array.from(text).slice(0, TASK_LIMITS.title).join(''));
  };

  const submit = async () => {
    if (!check()) return;
    if (!(await confirmSendDespite(warnings, '发送'))) return;
    await run(
      (options) =>
        tasks.assign(
          {
            caseId,
            title,
            details: details.trim() ? details : null,
            dueDate,
            assigneeId: assigneeId!,
            statementItem: linked,
          },
          options,
        ),
      {
        onSuccess: (task) => {
          draft.clear();
          toastSuccess('已布置');
          Taro.redirectTo({ url: routes.task(task.id) });
        },
      },
    );
  };

  return (
    <View className="page task-new" id="task-new">
      <BackBar />
      <Text className="section-title">{detail.title}</Text>
      <DraftOffer draft={draft} />
      {clients.length === 0 ? (
        <Card className="task-new__notice">
          <Text className="task-new__notice-text">
            案件还没有客户。请先邀请客户加入，再布置需要客户配合的事项。
          </Text>
          <Button
            id="task-invite-client"
            type="plain"
            size="small"
            onClick={() => Taro.navigateTo({ url: routes.invite(caseId) })}
          >
            邀请客户
          </Button>
        </Card>
      ) : null}
      <Card>
        <Field
          id="task-title-input"
          label="需要客户配合的事项"
          required
          value={title}
          onChange={setTitle}
          maxLength={TASK_LIMITS.title}
          placeholder="例如 提供借条原件的照片"
          error={errors.title}
        />
        <PromiseHint text={title} id="promise-hint-title" />
        <TextArea
          id="task-details-input"
          label="说明（选填）"
          value={details}
          onChange={setDetails}
          maxLength={TASK_LIMITS.details}
          height={96}
          placeholder="要求、格式、交给谁"
          error={errors.details}
        />
        <PromiseHint text={details} id="promise-hint-details" />

        <Text className="form-label">
          截止日期<Text className="task-new__required"> *</Text>
        </Text>
        <Picker
          mode="date"
          value={dueDate || today}
          start={today}
          onChange={(e) => setDueDate(String(e.detail.value))}
        >
          <View
            className={`task-new__picker ${errors.dueDate ? 'task-new__picker--error' : ''}`}
            id="task-due-picker"
          >
            <Text className={dueDate ? '' : 'task-new__placeholder'}>
              {dueDate ? `${formatDueDate(dueDate, today)}（${dueDate}）当天内` : '请选择截止日期'}
            </Text>
            <Text className="task-new__more">›</Text>
          </View>
        </Picker>
        <FormError>{errors.dueDate}</FormError>

        <Text className="form-label">
          由哪位客户完成<Text className="task-new__required"> *</Text>
        </Text>
        {clients.length > 0 ? (
          <ChoiceChips
            choices={clients.map((c) => ({
              value: c.userId as string | null,
              label: c.displayName,
              id: `task-assignee-${c.userId}`,
            }))}
            value={assigneeId}
            onChange={setAssigneeId}
          />
        ) : (
          <Text className="muted">—</Text>
        )}
        <FormError>{errors.assigneeId}</FormError>
      </Card>

      <Card title="关联告知书条目（选填）">
        <Text className="muted task-new__hint">
          如果此事项是在落实告知书中「需要您配合」的某一条，选中它，客户会在事项中看到对应条目。
        </Text>
        {published ? (
          <YouMustPicker statements={published} value={linked} onChange={chooseItem} />
        ) : (
          <Skeleton rows={2} />
        )}
        <FormError>{errors.statementItem}</FormError>
      </Card>

      <Text className="form-note">
        布置后客户会看到此事项和截止日期；客户完成后由您验收或退回。布置的内容存入案件记录，不可修改。
      </Text>
      <PromiseSummary warnings={warnings} describe={(path) => FIELD_LABELS[path] ?? path} verb="发送" />
      <Button
        id="task-assign-submit"
        type="primary"
        block
        loading={busy}
        disabled={clients.length === 0}
        onClick={() => void submit()}
      >
        布置配合事项
      </Button>
    </View>
  );
}

export default observer(TaskNewPage);
