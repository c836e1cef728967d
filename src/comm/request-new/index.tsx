import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useMemo, useState } from 'react';
import { REQUEST_LIMITS } from '@contract/limits';
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@contract/request-kinds';
import { isApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import { Button, Card, FormError } from '@/components';
import { DraftOffer, useDraft } from '@/drafts';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ChoiceChips } from '../../lawyer/choice-chips';
import { ContactStore } from '../shared/contact-store';
import { replyNotice } from '../shared/request-notice';
import { RequestStore } from '../shared/request-store';
import { GrowingTextArea } from '../shared/request-textarea';
import '../../lawyer/form.scss';
import '../shared/request-ui.scss';
import './index.scss';

const CATEGORY_CHOICES = REQUEST_CATEGORIES.map((category) => ({
  value: category as RequestCategory | null,
  label: REQUEST_CATEGORY_LABELS[category],
  id: `request-category-${category}`,
}));

/** When the reply can be expected, from the answering lawyer's office hours and promise, before sending. */
const ReplyNotice = observer(function ReplyNotice({ contact }: { contact: ContactStore }) {
  const lawyer = contact.lawyers?.[0];
  if (!lawyer) return null;
  const notice = replyNotice(lawyer, Date.now());
  return (
    <Text
      id="reply-notice"
      className={`request-notice ${notice.open === false ? 'request-notice--closed' : ''}`}
      data-open={notice.open == null ? 'unknown' : String(notice.open)}
    >
      {notice.text}
    </Text>
  );
});

/** A client writes a request to the case's lawyers (optionally answering a progress update). */
function RequestNewPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const aboutUpdateId = params.aboutUpdateId || null;
  const { api, updates, session } = useStores();
  const [requests] = useState(() => new RequestStore(api));
  const [contact] = useState(() => new ContactStore(api));
  const [category, setCategory] = useState<RequestCategory | null>(null);
  const [body, setBody] = useState('');
  const { busy, errors, setErrors, check, run } = useSubmission({
    values: { category, body, aboutUpdateId },
    validate: (v): Record<string, string> => ({
      ...(v.category ? {} : { category: '请选择请求类别' }),
      ...(v.body.trim() ? {} : { body: '请写下您的请求' }),
    }),
  });
  const draft = useDraft<{ category: RequestCategory | null; body: string }>({
    key:
      caseId && session.me
        ? { userId: session.me.userId, caseId, kind: 'request', recordId: aboutUpdateId ?? undefined }
        : null,
    value: useMemo(() => ({ category, body }), [category, body]),
    isEmpty: (d) => d.body.trim() === '',
    onRestore: (d) => {
      setCategory(d.category);
      setBody(d.body);
    },
  });

  useLoad(() => {
    if (!signedIn || !caseId) return;
    void session.ensureLoaded();
    void contact.load(caseId);
    if (aboutUpdateId && !updates.detail(aboutUpdateId)) void updates.load(aboutUpdateId);
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  const aboutTitle = aboutUpdateId ? updates.detail(aboutUpdateId)?.versions[0]?.title : null;

  const submit = async () => {
    if (!check()) return;
    await run(
      (options) =>
        requests.create({ caseId, category: category as RequestCategory, body, aboutUpdateId }, options),
      {
        onSuccess: (request) => {
          draft.clear();
          toastSuccess('已发送');
          Taro.redirectTo({ url: `${routes.request(request.id)}&created=1` });
        },
        onFailure: (error) => {
          toastFailure(error);
          if (isApiFailure(error) && error.code === 'REQUEST.UPDATE_NOT_FOUND') {
            setErrors({ aboutUpdateId: error.message });
          }
        },
      },
    );
  };

  return (
    <View className="page" id="request-new-page">
      <BackBar />
      <DraftOffer draft={draft} />
      {aboutUpdateId ? (
        <View className="request-new__about" id="request-about-update">
          <Text className="request-new__about-text">回复进展：{aboutTitle ?? '…'}</Text>
          <FormError>{errors.aboutUpdateId}</FormError>
        </View>
      ) : null}
      <Card>
        <Text className="form-label">请求类别</Text>
        <ChoiceChips choices={CATEGORY_CHOICES} value={category} onChange={setCategory} />
        <FormError>{errors.category}</FormError>
        <GrowingTextArea
          id="request-body-input"
          label="请求内容"
          required
          value={body}
          onChange={setBody}
          maxLength={REQUEST_LIMITS.body}
          placeholder="想问什么、希望律师办理什么，或补充了哪些材料"
          error={errors.body}
        />
      </Card>
      <ReplyNotice contact={contact} />
      <Text className="form-note">发送后不可修改，请求和律师的书面答复都会存入本案记录。</Text>
      <Button id="request-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        发送请求
      </Button>
    </View>
  );
}

export default observer(RequestNewPage);
