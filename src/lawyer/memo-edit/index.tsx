import { Picker, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useMemo, useState } from 'react';
import type { MemoChannel, MemoResponse } from '@contract/index';
import { MEMO_LIMITS } from '@contract/limits';
import { MEMO_CHANNELS, MEMO_CHANNEL_LABELS } from '@contract/memo-channels';
import { shanghaiParts } from '@contract/office-hours';
import { Button, Card, EmptyState, FormError, Skeleton, TextArea } from '@/components';
import { BackBar } from '@/components/back-bar';
import {
  MEMO_LISTS,
  defaultParticipants,
  describeMemoPath,
  emptyForm,
  formFromContent,
  formProblems,
  memoFieldErrors,
  memoInputFromForm,
  memoWarnings,
  type MemoForm,
} from '@/comm/shared/memo-model';
import { MemoStore } from '@/comm/shared/memo-store';
import { DraftOffer, useDraft } from '@/drafts';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { ChoiceChips } from '../choice-chips';
import { PromiseHint, PromiseSummary, confirmPublishDespite } from '../promise-guard-ui';
import { ParticipantsEditor } from './participants-editor';
import { PointListEditor } from './point-list-editor';
import '../form.scss';
import './index.scss';

/** What a memo draft keeps: the form and, for a correction, the 更正说明. */
interface MemoDraft {
  form: MemoForm | null;
  reason: string;
}

/** Whether the lawyer wrote anything (the date, time and participants are filled in for them). */
const hasMemoText = (form: MemoForm) =>
  form.channel != null ||
  form.followUp.trim() !== '' ||
  [...form.matters, ...form.conclusions].some((p) => p.text.trim() !== '');

const channelChoices = MEMO_CHANNELS.map((channel) => ({
  value: channel as MemoChannel | null,
  label: MEMO_CHANNEL_LABELS[channel],
  id: `memo-channel-${channel}`,
}));

/** An open dispute as the lawyer answers it: who, on which version, which conclusion, and why. */
function DisputeChoice({
  dispute,
  checked,
  onToggle,
}: {
  dispute: MemoResponse;
  checked: boolean;
  onToggle: () => void;
}) {
  return (
    <View
      className="memo-edit-dispute"
      id={`resolve-${dispute.responseId}`}
      role="checkbox"
      aria-checked={checked ? 'true' : 'false'}
      onClick={onToggle}
    >
      <Text className={`memo-edit-dispute__box ${checked ? 'memo-edit-dispute__box--on' : ''}`}>
        {checked ? '✓' : ''}
      </Text>
      <View className="memo-edit-dispute__body">
        <Text className="memo-edit-dispute__what">
          {dispute.displayName} · 第 {dispute.versionNo} 版 ·{' '}
          {dispute.conclusion ? `对结论「${dispute.conclusion.text}」` : '对整份备忘录'}
        </Text>
        <Text className="memo-edit-dispute__reason">异议理由：{dispute.reason}</Text>
        <Text className="muted">{formatExactTime(dispute.respondedAt)}</Text>
      </View>
    </View>
  );
}

/**
 * Writes a communication memo (?caseId) in the practice's format, or (?memoId) publishes a corrected version
 * that answers the client's disputes, with a required 更正说明.
 */
function MemoEditPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const memoId = params.memoId;
  const correcting = Boolean(memoId);
  const stores = useStores();
  const { session, caseDetails } = stores;
  const [memos] = useState(() => new MemoStore(stores.api));
  const [caseId, setCaseId] = useState(params.caseId ?? '');
  const [form, setForm] = useState<MemoForm | null>(null);
  const [resolves, setResolves] = useState<Set<string>>(() => new Set());
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, check, run } = useSubmission({
    values: form ? { ...form, communicatedAt: `${form.date} ${form.time}`, reason, resolves } : undefined,
    validate: () => {
      if (!form) return {};
      const problems = formProblems(form, Date.now());
      if (correcting && !reason.trim()) problems.reason = '请填写更正说明';
      return problems;
    },
  });
  const draft = useDraft<MemoDraft>({
    key:
      form && caseId && session.me
        ? { userId: session.me.userId, caseId, kind: memoId ? 'memo-correction' : 'memo', recordId: memoId }
        : null,
    value: useMemo(() => ({ form, reason }), [form, reason]),
    isEmpty: (d) => d.form == null || (!hasMemoText(d.form) && !d.reason.trim()),
    onRestore: (d) => {
      if (d.form) setForm(d.form);
      setReason(d.reason);
    },
  });

  useLoad(() => {
    if (!signedIn) return;
    void session.ensureLoaded();
    if (memoId) {
      Taro.setNavigationBarTitle({ title: '更正沟通备忘录' });
      void memos.load(memoId).then((detail) => {
        if (!detail) return;
        setCaseId(detail.caseId);
        setForm(formFromContent(detail.current.content, shanghaiParts));
        setResolves(new Set((detail.openDisputes ?? []).map((d) => d.responseId)));
      });
      return;
    }
    if (!caseId) return;
    void Promise.all([
      session.ensureLoaded(),
      caseDetails.detail(caseId) ? undefined : caseDetails.load(caseId),
    ]).then(() => {
      const clients = (caseDetails.detail(caseId)?.members ?? [])
        .filter((m) => m.role === 'client')
        .map((m) => m.displayName);
      const now = shanghaiParts(Date.now());
      setForm(emptyForm(now, defaultParticipants(session.me?.displayName, clients)));
    });
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  if (!form) {
    const failed = correcting ? memos.state.error : caseId ? null : { message: '缺少案件' };
    return (
      <View className="page">
        <BackBar />
        {failed ? (
          <EmptyState glyph="!" title="无法编辑此备忘录" description={failed.message} />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }

  const caseTitle = memos.detail?.caseTitle ?? caseDetails.detail(caseId)?.title;
  const openDisputes = memos.detail?.openDisputes ?? [];
  const today = shanghaiParts(Date.now()).date;
  const warnings = memoWarnings(form);
  /** Sets one part of the form; its error clears as soon as the part is fixed (useSubmission). */
  const set =
    <K extends keyof MemoForm>(key: K) =>
    (value: MemoForm[K]) =>
      setForm({ ...form, [key]: value });

  const toggleResolve = (responseId: string) => {
    const next = new Set(resolves);
    if (next.has(responseId)) next.delete(responseId);
    else next.add(responseId);
    setResolves(next);
  };

  const submit = async () => {
    if (!check()) return;
    if (!(await confirmPublishDespite(warnings))) return;
    const memo = memoInputFromForm(form);
    await run(
      (options) =>
        memoId
          ? memos.correct({ memoId, memo, reason, resolves: [...resolves] }, options)
          : memos.publish(caseId, memo, options),
      {
        onSuccess: (detail) => {
          draft.clear();
          toastSuccess(correcting ? '已发布更正版本' : '已发布备忘录');
          Taro.redirectTo({ url: routes.memo(detail.id) });
        },
        onFailure: (e) => {
          setErrors(memoFieldErrors(e));
          toastFailure(e);
        },
      },
    );
  };

  return (
    <View className="page memo-edit" id="memo-editor">
      <BackBar />
      {caseTitle ? <Text className="section-title">{caseTitle}</Text> : null}
      <DraftOffer draft={draft} />
      <Card title="沟通备忘录">
        <Text className="form-label">
          沟通时间<Text className="point-editor__required"> *</Text>
        </Text>
        <View className="memo-edit__when">
          <Picker
            mode="date"
            value={form.date}
            end={today}
            onChange={(e) => set('date')(String(e.detail.value))}
          >
            <View className="memo-edit__picker" id="memo-date">
              <Text>{form.date}</Text>
              <Text className="memo-edit__picker-more">›</Text>
            </View>
          </Picker>
          <Picker mode="time" value={form.time} onChange={(e) => set('time')(String(e.detail.value))}>
            <View className="memo-edit__picker" id="memo-time">
              <Text>{form.time}</Text>
              <Text className="memo-edit__picker-more">›</Text>
            </View>
          </Picker>
        </View>
        <Text className="muted memo-edit__tz">北京时间</Text>
        <FormError>{errors.communicatedAt}</FormError>

        <Text className="form-label">
          沟通方式<Text className="point-editor__required"> *</Text>
        </Text>
        <ChoiceChips choices={channelChoices} value={form.channel} onChange={set('channel')} />
        <FormError>{errors.channel}</FormError>

        <ParticipantsEditor
          names={form.participants}
          onChange={set('participants')}
          error={errors.participants}
        />
      </Card>

      {MEMO_LISTS.map(({ key, label, hint }) => (
        <Card key={key}>
          <PointListEditor
            listKey={key}
            label={label}
            hint={hint}
            points={form[key]}
            onChange={set(key)}
            error={errors[key]}
          />
        </Card>
      ))}

      <Card>
        <TextArea
          id="memo-followup-input"
          label="后续安排（选填）"
          value={form.followUp}
          onChange={set('followUp')}
          maxLength={MEMO_LIMITS.followUp}
          height={72}
          placeholder="例如 下周一前律师寄出律师函"
          error={errors.followUp}
        />
        <PromiseHint text={form.followUp} id="promise-hint-followUp" />
      </Card>

      {correcting && openDisputes.length > 0 ? (
        <Card title="本次更正回应的异议" id="memo-resolves" extra={`${resolves.size}/${openDisputes.length}`}>
          {openDisputes.map((d) => (
            <DisputeChoice
              key={d.responseId}
              dispute={d}
              checked={resolves.has(d.responseId)}
              onToggle={() => toggleResolve(d.responseId)}
            />
          ))}
          <FormError>{errors.resolves}</FormError>
        </Card>
      ) : null}

      {correcting ? (
        <Card title="更正说明">
          <TextArea
            id="memo-reason-input"
            label="为什么更正（客户可见）"
            required
            value={reason}
            onChange={setReason}
            maxLength={MEMO_LIMITS.reason}
            height={72}
            error={errors.reason}
          />
          <PromiseHint text={reason} id="promise-hint-reason" />
        </Card>
      ) : null}

      <Text className="form-note">
        {correcting
          ? '更正会生成新版本，原版本和客户的确认、异议记录完整保留；客户需要重新确认新版本。'
          : '发布后内容不可修改，只能更正；案件的每位客户都会被请求确认或提出异议。'}
      </Text>
      <PromiseSummary warnings={warnings} describe={describeMemoPath} />
      <Button id="memo-publish" type="primary" block loading={busy} onClick={() => void submit()}>
        {correcting ? '发布更正版本' : '发布备忘录'}
      </Button>
    </View>
  );
}

export default observer(MemoEditPage);
