import { Picker, Text, View } from '@tarojs/components';
import { keyboardPress } from '@/components/keyboard-press';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { AnswerKind, ClientRequest } from '@contract/index';
import { REQUEST_LIMITS } from '@contract/limits';
import { shanghaiDate } from '@contract/office-hours';
import { promiseWarnings } from '@contract/promise-guard';
import { ANSWER_KINDS, ANSWER_KIND_LABELS } from '@contract/request-kinds';
import { isApiFailure } from '@/api';
import { Button, Card, FormError } from '@/components';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { PromiseHint, PromiseSummary, confirmSendDespite } from '../../lawyer/promise-guard-ui';
import type { RequestStore } from '../shared/request-store';
import { GrowingTextArea } from '../shared/request-textarea';
import { formatDueBy } from './due-by';

const TEXT_LABELS: { readonly [K in AnswerKind]: string } = {
  reply: '答复内容',
  accept: '将如何办理',
  decline: '拒绝理由（必填）',
};

const TEXT_HINTS: { readonly [K in AnswerKind]: string } = {
  reply: '书面答复客户的问题，客户可见并存入记录。',
  accept: '写明将如何办理，并选择完成期限；客户可见并存入记录。',
  decline: '请写明拒绝的理由，客户会看到这段文字，并存入记录。',
};

// Failures the server names by code rather than by field: shown under the date.
const DUE_CODES = new Set(['REQUEST.DUE_REQUIRED', 'REQUEST.DUE_NOT_ALLOWED', 'DATE.IN_PAST']);

/** 答复 / 接受 / 拒绝: exactly one, as a segmented choice. */
function KindChoice({ value, onChange }: { value: AnswerKind | null; onChange: (kind: AnswerKind) => void }) {
  return (
    <View className="answer-kinds" id="answer-kind" role="radiogroup" aria-label="答复方式">
      {ANSWER_KINDS.map((kind, index) => (
        <View
          key={kind}
          id={`answer-kind-${kind}`}
          className={`answer-kinds__option ${index > 0 ? 'answer-kinds__option--divided' : ''} ${value === kind ? 'answer-kinds__option--on' : ''}`}
          role="radio"
          aria-checked={value === kind ? 'true' : 'false'}
          onClick={() => onChange(kind)}
          {...keyboardPress(() => onChange(kind))}
        >
          <Text>{ANSWER_KIND_LABELS[kind]}</Text>
        </View>
      ))}
    </View>
  );
}

/** The lawyer's one written answer to an open request. */
export const AnswerForm = observer(function AnswerForm({
  store,
  request,
}: {
  store: RequestStore;
  request: ClientRequest;
}) {
  const [kind, setKind] = useState<AnswerKind | null>(null);
  const [text, setText] = useState('');
  const [dueBy, setDueBy] = useState('');
  const { busy, errors, setErrors, check, run } = useSubmission({
    values: { kind, text, dueBy },
    validate: (v): Record<string, string> => {
      const missing: Record<string, string> = {};
      if (!v.kind) missing.kind = '请选择答复、接受或拒绝';
      if (!v.text.trim()) missing.text = v.kind === 'decline' ? '拒绝时请写明理由' : '此项不能为空';
      if (v.kind === 'accept' && !v.dueBy) missing.dueBy = '接受请求时请选择完成期限';
      return missing;
    },
  });
  const today = shanghaiDate(Date.now());
  const warnings = promiseWarnings([{ path: 'text', text }]);

  const submit = async () => {
    if (!check() || !kind) return;
    if (!(await confirmSendDespite(warnings, '发送'))) return;
    const input = { requestId: request.id, kind, text, dueBy: kind === 'accept' ? dueBy : null };
    await run((options) => store.answer(input, options), {
      onSuccess: () => toastSuccess('已发送'),
      onFailure: async (error) => {
        toastFailure(error);
        if (!isApiFailure(error)) return;
        if (DUE_CODES.has(error.code)) setErrors({ dueBy: error.message });
        // Another lawyer of the case answered meanwhile: show their answer instead of the form.
        if (error.code === 'REQUEST.ALREADY_ANSWERED') await store.load(request.id);
      },
    });
  };

  return (
    <Card title="书面答复" id="answer-form">
      <KindChoice value={kind} onChange={setKind} />
      <FormError>{errors.kind}</FormError>
      {kind ? (
        <>
          <GrowingTextArea
            id="answer-text-input"
            label={TEXT_LABELS[kind]}
            required
            value={text}
            onChange={setText}
            maxLength={REQUEST_LIMITS.answer}
            hint={TEXT_HINTS[kind]}
            error={errors.text}
          />
          <PromiseHint text={text} id="promise-hint-answer" />
          {kind === 'accept' ? (
            <Picker
              mode="date"
              start={today}
              value={dueBy || today}
              onChange={(e) => setDueBy(String(e.detail.value))}
            >
              <View className="answer-due" id="answer-due-picker">
                <Text className="answer-due__label">
                  完成期限<Text className="ct-field__required"> *</Text>
                </Text>
                <Text
                  className={dueBy ? 'answer-due__value' : 'answer-due__placeholder'}
                  id="answer-due-value"
                >
                  {dueBy ? `${formatDueBy(dueBy)} ›` : '请选择 ›'}
                </Text>
              </View>
            </Picker>
          ) : null}
          <FormError>{errors.dueBy}</FormError>
        </>
      ) : (
        <Text className="form-note">
          每项请求都请书面处理：答复问题、接受并写明如何办理，或拒绝并写明理由。
        </Text>
      )}
      <PromiseSummary warnings={warnings} describe={() => (kind ? TEXT_LABELS[kind] : '答复')} verb="发送" />
      <Button
        id="answer-submit"
        type="primary"
        block
        loading={busy}
        className="answer-submit"
        onClick={() => void submit()}
      >
        发送
      </Button>
    </Card>
  );
});
