import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useMemo, useState } from 'react';
import type { StatementDetail } from '@contract/index';
import {
  Button,
  Card,
  EmptyState,
  Field,
  ItemDiff,
  STATEMENT_LIMITS,
  STATEMENT_SECTIONS,
  Skeleton,
  TextArea,
} from '@/components';
import { DraftOffer, useDraft } from '@/drafts';
import { BackBar } from '@/components/back-bar';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useRequestId } from '@/feedback/use-request-id';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
// Before promise-guard-ui: the pages sharing the lawyer CSS chunk must load the chips' and the guard's styles in
// one order (the publish page loads the chips first), or the build warns of a conflicting order.
import { TemplatePicker } from './template-picker';
import { PromiseHint, PromiseSummary, confirmPublishDespite } from '../promise-guard-ui';
import {
  changesAgainst,
  describePath,
  draftFromForm,
  formFromContent,
  formWarnings,
  itemCount,
  reviveForm,
  sameContent,
  type EditorForm,
} from './editor-model';
import { AutoTextArea } from './auto-text-area';
import { SectionEditor } from './section-editor';
import '../form.scss';
import './index.scss';

const RevisionChanges = observer(function RevisionChanges({
  detail,
  form,
}: {
  detail: StatementDetail;
  form: EditorForm;
}) {
  const current = detail.current!;
  const diff = changesAgainst(current.content, form);
  const label = (key: string) => STATEMENT_SECTIONS.find((s) => s.key === key)?.label ?? key;
  const nothing = diff.items.length === 0 && !diff.titleChanged && !diff.introChanged;
  return (
    <Card title={`与当前第 ${current.versionNo} 版相比`} id="revision-changes">
      {nothing ? <Text className="muted">内容与当前版本相同，无需发布新版本。</Text> : null}
      {diff.titleChanged ? <Text className="revision__line">标题已修改</Text> : null}
      {diff.introChanged ? <Text className="revision__line">说明已修改</Text> : null}
      {diff.items.map((change) => (
        <View key={`${change.section}-${change.itemId}`} className="revision__item">
          <Text className="muted revision__section">{label(change.section)}</Text>
          <ItemDiff text={change.after} change={change} />
        </View>
      ))}
      <Text className="muted revision__note">发布后客户会看到这些标记，并需要重新逐条知悉。</Text>
    </Card>
  );
});

/** The form as the server has it: the saved draft, else the published version, else empty. */
function serverForm(detail: StatementDetail): EditorForm {
  return formFromContent(
    detail.draft?.content ??
      detail.current?.content ?? {
        title: '',
        intro: null,
        sections: { worstCase: [], weWill: [], weCannot: [], youMust: [] },
      },
  );
}

/** What the device keeps until the server has it: the form and the 修订说明 (saved only when publishing). */
interface KeptEdits {
  form: EditorForm;
  changeNote: string;
}

const StatementEditor = observer(function StatementEditor({ detail }: { detail: StatementDetail }) {
  const { statements, session } = useStores();
  const [form, setForm] = useState<EditorForm>(() => serverForm(detail));
  const [changeNote, setChangeNote] = useState('');
  useEffect(() => {
    void session.ensureLoaded();
  }, [session]);
  // 保存草稿 saves to the server only when tapped: until then the edits are kept on the device (Back, reload, a
  // closed page) and offered back on return, per lawyer and statement.
  const draft = useDraft<KeptEdits>({
    key: session.me
      ? { userId: session.me.userId, caseId: detail.caseId, kind: 'statement', recordId: detail.id }
      : null,
    value: useMemo(() => ({ form, changeNote }), [form, changeNote]),
    isEmpty: (kept) => sameContent(kept.form, serverForm(detail)) && !kept.changeNote.trim(),
    onRestore: (kept) => {
      setForm(reviveForm(kept.form));
      setChangeNote(kept.changeNote);
    },
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const saveId = useRequestId();
  const publishId = useRequestId();
  const revising = detail.current != null;
  const nextVersion = (detail.current?.versionNo ?? 0) + 1;
  const warnings = formWarnings(form);

  /** Saves the form as the draft and puts the saved item ids back, so a second save keeps them. */
  const save = async () => {
    const saved = await statements.saveDraft(detail.id, draftFromForm(form), { requestId: saveId.take() });
    saveId.settle();
    if (saved.draft) setForm(formFromContent(saved.draft.content));
    return saved;
  };

  const validate = (): boolean => {
    const missing: Record<string, string> = {};
    if (!form.title.trim()) missing.title = '请填写标题';
    if (itemCount(form) === 0) missing.items = '告知书至少需要一条内容';
    if (revising && !changeNote.trim()) missing.changeNote = '发布第 2 版起，请说明修改了什么、为什么';
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  const saveDraft = async () => {
    if (!form.title.trim()) {
      setErrors({ title: '请填写标题' });
      return;
    }
    setBusy('save');
    try {
      await save();
      toastSuccess('草稿已保存');
    } catch (e) {
      saveId.settle(e);
      toastFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (!validate()) return;
    if (!(await confirmPublishDespite(warnings))) return;
    setBusy('publish');
    try {
      await save();
      await statements.publish(detail.id, revising ? changeNote : null, { requestId: publishId.take() });
      publishId.settle();
      draft.clear();
      toastSuccess(`已发布第 ${nextVersion} 版`);
      Taro.redirectTo({ url: routes.statement(detail.id) });
    } catch (e) {
      saveId.settle(e);
      publishId.settle(e);
      toastFailure(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="page statement-editor" id="statement-editor">
      <BackBar />
      <Text className="section-title">
        {detail.caseTitle} · {revising ? `修订为第 ${nextVersion} 版` : '新告知书'}
        {detail.draft ? ` · 草稿保存于 ${formatExactTime(detail.draft.updatedAt)}` : ''}
      </Text>
      <DraftOffer draft={draft} />
      <Card>
        <Field
          id="statement-title-input"
          label="标题"
          required
          value={form.title}
          onChange={(title) => setForm({ ...form, title })}
          maxLength={STATEMENT_LIMITS.title}
          placeholder="例如 民间借贷纠纷预期与风险告知书"
          error={errors.title}
        />
        <PromiseHint text={form.title} id="promise-hint-title" />
        <AutoTextArea
          id="statement-intro-input"
          label="说明（选填）"
          value={form.intro}
          onChange={(intro) => setForm({ ...form, intro })}
          maxLength={STATEMENT_LIMITS.intro}
          minHeight={72}
          placeholder="为什么写这份告知书、客户应当怎样阅读"
        />
        <PromiseHint text={form.intro} id="promise-hint-intro" />
      </Card>

      {STATEMENT_SECTIONS.map(({ key, label, hint }) => (
        <Card key={key}>
          <SectionEditor
            sectionKey={key}
            label={label}
            hint={hint}
            items={form.sections[key]}
            onChange={(items) => setForm({ ...form, sections: { ...form.sections, [key]: items } })}
          />
        </Card>
      ))}
      {errors.items ? <Text className="form-error">{errors.items}</Text> : null}

      {revising ? (
        <>
          <RevisionChanges detail={detail} form={form} />
          <Card title="修订说明">
            <TextArea
              id="change-note-input"
              label="修改了什么、为什么（客户可见）"
              required
              value={changeNote}
              onChange={setChangeNote}
              maxLength={STATEMENT_LIMITS.changeNote}
              height={72}
              error={errors.changeNote}
            />
          </Card>
        </>
      ) : null}

      <PromiseSummary warnings={warnings} describe={describePath} />
      <Text className="form-note">
        发布后内容不可修改，只能修订为新版本；客户逐条勾选「我已阅读并知悉」后提交知悉回执，回执附时间和内容指纹存证。
      </Text>
      <View className="actions">
        <Button
          id="save-draft"
          loading={busy === 'save'}
          disabled={busy === 'publish'}
          onClick={() => void saveDraft()}
        >
          保存草稿
        </Button>
        <Button
          id="publish-statement"
          type="primary"
          loading={busy === 'publish'}
          disabled={busy === 'save'}
          onClick={() => void publish()}
        >
          {revising ? `发布第 ${nextVersion} 版` : '发布'}
        </Button>
      </View>
    </View>
  );
});

/**
 * Writes an expectation statement: `?caseId=` starts a new one from a template; `?statementId=` continues the
 * draft or revises the published version (prefilled, item ids kept).
 */
function StatementEditPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const { statements, caseDetails } = useStores();
  const [statementId, setStatementId] = useState(params.statementId ?? '');
  const caseId = params.caseId ?? '';

  useLoad(() => {
    if (!signedIn) return;
    if (statementId) {
      Taro.setNavigationBarTitle({ title: '编辑告知书' });
      void statements.load(statementId);
    } else if (caseId) {
      statements.loadTemplates().catch(toastFailure);
      if (!caseDetails.detail(caseId)) void caseDetails.load(caseId);
    }
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  if (!statementId) {
    return (
      <TemplatePicker
        caseId={caseId}
        onCreated={(detail) => {
          Taro.setNavigationBarTitle({ title: '编辑告知书' });
          setStatementId(detail.id);
        }}
      />
    );
  }
  const detail = statements.detail(statementId);
  const state = statements.state(statementId);
  if (!detail || state.status === 'loading') {
    return (
      <View className="page">
        <BackBar />
        {state.status === 'error' ? (
          <EmptyState glyph="!" title="无法编辑此告知书" description={state.error?.message} />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }
  return <StatementEditor key={detail.id} detail={detail} />;
}

export default observer(StatementEditPage);
