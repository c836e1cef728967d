import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useMemo, useState } from 'react';
import { LIMITS } from '@contract/limits';
import { Button, Card, Field, FormError, Skeleton, TextArea } from '@/components';
import { BackBar } from '@/components/back-bar';
import { DraftOffer, useDraft } from '@/drafts';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { promiseWarnings } from '@contract/promise-guard';
import { ChoiceChips } from '../choice-chips';
import { PromiseHint, PromiseSummary, confirmPublishDespite } from '../promise-guard-ui';
import '../form.scss';

interface Draft {
  title: string;
  body: string;
  nextSteps: string;
  risks: string;
}

const emptyDraft: Draft = { title: '', body: '', nextSteps: '', risks: '' };

const FIELD_LABELS: Record<keyof Draft, string> = {
  title: '标题',
  body: '进展内容',
  nextSteps: '下一步',
  risks: '当前风险',
};

/**
 * Leaves the form once published. The form is replaced rather than left in history, so Back from the case (or
 * the corrected update) never returns to an emptied form; when the lawyer came from that very page, going back
 * to it is the same and keeps the page under it.
 */
function leaveTo(url: string) {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2] : null;
  const target = url.split('?')[0].replace(/^\//, '');
  if (previous && previous.route?.replace(/^\//, '') === target) Taro.navigateBack();
  else Taro.redirectTo({ url });
}

interface PublishDraft extends Draft {
  stageIndex: number | null;
  stageReason?: string;
  reason: string;
}

/** Publishes a new update, or (with `updateId`) a correction: a new version with a required reason. */
function PublishPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const updateId = params.updateId;
  const correcting = Boolean(updateId);
  const { caseDetails, updates, session } = useStores();
  const [caseId, setCaseId] = useState(params.caseId ?? '');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [stageIndex, setStageIndex] = useState<number | null>(null);
  const [stageReason, setStageReason] = useState('');
  /** The chosen stage is earlier than the current one: the lawyer must say why, and the client is told. */
  const movesBack = (index: number | null) => {
    const current = caseDetails.detail(caseId)?.currentStage.index;
    return index != null && current != null && index < current;
  };
  const [reason, setReason] = useState('');
  const [prefilled, setPrefilled] = useState(!correcting);
  const [published, setPublished] = useState<Draft>(emptyDraft);
  const { busy, errors, check, run } = useSubmission({
    values: { ...draft, reason, stageIndex, stageReason },
    validate: (): Record<string, string> => {
      const missing: Record<string, string> = {};
      if (!draft.title.trim()) missing.title = '请填写标题';
      if (!draft.body.trim()) missing.body = '请填写进展内容';
      if (correcting && !reason.trim()) missing.reason = '请说明更正原因';
      if (!correcting && movesBack(stageIndex) && !stageReason.trim()) {
        missing.stageReason = '退回到之前的阶段时，请写明原因';
      }
      return missing;
    },
  });
  const saved = useDraft<PublishDraft>({
    key:
      prefilled && caseId && session.me
        ? {
            userId: session.me.userId,
            caseId,
            kind: updateId ? 'update-correction' : 'update',
            recordId: updateId,
          }
        : null,
    value: useMemo(
      () => ({ ...draft, stageIndex, reason, stageReason }),
      [draft, stageIndex, reason, stageReason],
    ),
    isEmpty: (d) =>
      d.reason.trim() === '' &&
      d.stageIndex == null &&
      (Object.keys(FIELD_LABELS) as (keyof Draft)[]).every((k) => d[k].trim() === published[k].trim()),
    onRestore: (d) => {
      setDraft({ title: d.title, body: d.body, nextSteps: d.nextSteps, risks: d.risks });
      setStageIndex(d.stageIndex);
      setStageReason(d.stageReason ?? '');
      setReason(d.reason);
    },
  });

  useLoad(() => {
    if (!signedIn) return;
    void session.ensureLoaded();
    if (updateId) {
      Taro.setNavigationBarTitle({ title: '更正进展' });
      void updates.load(updateId).then((detail) => {
        if (!detail) return;
        const v = detail.versions[0];
        const current = { title: v.title, body: v.body, nextSteps: v.nextSteps ?? '', risks: v.risks ?? '' };
        setDraft(current);
        setPublished(current);
        setCaseId(detail.caseId);
        setPrefilled(true);
      });
    } else if (caseId && !caseDetails.detail(caseId)) {
      void caseDetails.load(caseId);
    }
  });

  if (!signedIn) return null;
  // Until the session says who this is, a client who opened the link must not see the form she is about to be
  // sent away from (useSignedIn leaves the page once the role is known).
  if (!prefilled || !session.me) {
    return (
      <View className="page">
        <BackBar />
        <Skeleton cards={2} rows={4} />
      </View>
    );
  }

  const detail = caseDetails.detail(caseId);
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });

  const warnings = promiseWarnings(
    (Object.keys(FIELD_LABELS) as (keyof Draft)[]).map((key) => ({ path: key, text: draft[key] })),
  );

  const submit = async () => {
    if (!check()) return;
    const target = detail?.stages.find((s) => s.index === stageIndex);
    if (!correcting && target && movesBack(stageIndex)) {
      const { confirm } = await Taro.showModal({
        title: `将案件退回到「${target.name}」阶段？`,
        content: `当前阶段是「${detail!.currentStage.name}」。客户会看到阶段调整和您写的原因。`,
        confirmText: '确定退回',
        cancelText: '再想想',
      });
      if (!confirm) return;
    }
    if (!(await confirmPublishDespite(warnings))) return;
    const content = {
      title: draft.title,
      body: draft.body,
      nextSteps: draft.nextSteps || null,
      risks: draft.risks || null,
    };
    await run(
      (options) =>
        updateId
          ? updates.correct({ updateId, ...content, reason }, options)
          : updates.publish(
              { caseId, ...content, stageIndex, stageReason: movesBack(stageIndex) ? stageReason : null },
              options,
            ),
      {
        onSuccess: () => {
          saved.clear();
          toastSuccess(correcting ? '已发布更正' : '已发布');
          leaveTo(updateId ? routes.update(updateId) : routes.case(caseId));
        },
      },
    );
  };

  const stageChoices = [
    { value: null as number | null, label: '不变更', id: 'stage-option-none' },
    ...(detail?.stages ?? [])
      .filter((s) => s.status !== 'current')
      .map((s) => ({
        value: s.index as number | null,
        label: `${s.index + 1}. ${s.name}`,
        id: `stage-option-${s.index}`,
      })),
  ];

  return (
    <View className="page">
      <BackBar />
      {detail ? <Text className="section-title">{detail.title}</Text> : null}
      <DraftOffer draft={saved} />
      <Card>
        <Field
          id="update-title-input"
          label="标题"
          required
          value={draft.title}
          onChange={set('title')}
          maxLength={LIMITS.updateTitle}
          placeholder="例如 已向法院提交起诉材料"
          error={errors.title}
        />
        <PromiseHint text={draft.title} id="promise-hint-title" />
        <TextArea
          id="update-body-input"
          label="进展内容"
          required
          value={draft.body}
          onChange={set('body')}
          maxLength={LIMITS.updateBody}
          height={160}
          placeholder="发生了什么、对案件意味着什么"
          error={errors.body}
        />
        <PromiseHint text={draft.body} id="promise-hint-body" />
        <TextArea
          id="update-next-input"
          label="下一步"
          value={draft.nextSteps}
          onChange={set('nextSteps')}
          maxLength={LIMITS.updateNextSteps}
          placeholder="接下来律师会做什么、需要客户配合什么"
          error={errors.nextSteps}
        />
        <PromiseHint text={draft.nextSteps} id="promise-hint-nextSteps" />
        <TextArea
          id="update-risks-input"
          label="当前风险"
          value={draft.risks}
          onChange={set('risks')}
          maxLength={LIMITS.updateRisks}
          placeholder="客户需要知道的不利因素或不确定性"
          error={errors.risks}
        />
        <PromiseHint text={draft.risks} id="promise-hint-risks" />
      </Card>

      {correcting ? (
        <Card title="更正原因">
          <TextArea
            id="correction-reason-input"
            label="为什么更正（客户可见）"
            required
            value={reason}
            onChange={setReason}
            maxLength={LIMITS.correctionReason}
            height={72}
            error={errors.reason}
          />
        </Card>
      ) : detail ? (
        <Card title="推进案件阶段" extra={`当前：${detail.currentStage.name}`}>
          <ChoiceChips choices={stageChoices} value={stageIndex} onChange={setStageIndex} />
          <FormError>{errors.stageIndex}</FormError>
          {movesBack(stageIndex) ? (
            <TextArea
              id="stage-reason-input"
              label="为什么退回到之前的阶段（客户可见）"
              required
              value={stageReason}
              onChange={setStageReason}
              maxLength={LIMITS.stageReason}
              height={72}
              placeholder="例如 法院要求补充证据，案件回到立案审查"
              error={errors.stageReason}
            />
          ) : null}
        </Card>
      ) : null}

      <Text className="form-note">
        {correcting
          ? '更正会生成新版本，原版本和客户的阅读记录完整保留，客户需要重新阅读新版本。'
          : '发布后内容不可修改，只能更正；客户阅读后会留下阅读回执。'}
      </Text>
      <PromiseSummary warnings={warnings} describe={(path) => FIELD_LABELS[path as keyof Draft] ?? path} />
      <Button id="publish-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        {correcting ? '发布更正' : '发布进展'}
      </Button>
    </View>
  );
}

export default observer(PublishPage);
