import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { InvitePreview } from '@contract/invites';
import { LIMITS } from '@contract/limits';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { BackBar } from '@/components/back-bar';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { joinFailureView, joinPageTitle, type JoinFailureView } from './join-messages';
import './index.scss';

/**
 * Joining takes two steps: the code shows who invites the person to what (the case title and the lawyer, or — for a
 * lawyer invite — the firm's admin), and only 加入案件 redeems it. A forwarded invite is thus seen for what it is
 * before anyone joins.
 */
function JoinPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const { invites, session, cases } = useStores();
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '');
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<JoinFailureView | null>(null);
  const { busy, run } = useSubmission();

  const title = joinPageTitle(preview?.kind ?? null);
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  const check = async (value: string) => {
    if (!value.trim()) {
      setFailure({ message: '请输入邀请码', retryable: true, alreadyMember: false });
      return;
    }
    setFailure(null);
    setChecking(true);
    try {
      setPreview(await invites.preview(value));
    } catch (e) {
      setPreview(null);
      setFailure(joinFailureView(e));
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    if (signedIn && code.trim()) void check(code);
    // The link's code is checked once, when the page opens signed in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);

  if (!signedIn) return null;

  const join = async () => {
    setFailure(null);
    await run((options) => invites.redeem(code, options), {
      onSuccess: async (result) => {
        void cases.load();
        if (result.kind === 'lawyer') {
          await session.ensureLoaded(true);
          setPending(result.pending);
          if (!result.pending) Taro.reLaunch({ url: routes.profile() });
        } else if (result.caseId) {
          toastSuccess('已加入案件');
          Taro.redirectTo({ url: `${routes.case(result.caseId)}&joined=1` });
        } else {
          Taro.reLaunch({ url: routes.home() });
        }
      },
      onFailure: (e) => {
        setPreview(null);
        setFailure(joinFailureView(e));
      },
    });
  };

  if (pending) {
    return (
      <View className="page join-page">
        <BackBar />
        <View className="join-page__intro">
          <Text className="join-page__title">{title}</Text>
        </View>
        <Card id="join-pending">
          <Text className="join-page__pending-title">已提交，等待管理员核准</Text>
          <Text className="muted join-page__desc">
            管理员核实是您本人后，您的账号才会开通律师功能。核准前您无法创建案件或查看律师页面。
          </Text>
        </Card>
        <Button block onClick={() => Taro.reLaunch({ url: routes.home() })}>
          返回首页
        </Button>
      </View>
    );
  }

  return (
    <View className="page join-page">
      <BackBar />
      <View className="join-page__intro">
        <Text className="join-page__title" id="join-title">
          {title}
        </Text>
        <Text className="muted join-page__desc">
          {preview
            ? '请核对下面的信息，无误后再加入。'
            : '输入您收到的邀请码，先查看是谁邀请您，再决定是否加入。'}
        </Text>
      </View>

      {preview ? (
        <Card id="join-preview">
          {preview.kind === 'client' ? (
            <View>
              <PreviewRow label="案件" value={preview.caseTitle ?? ''} id="join-case-title" />
              <PreviewRow
                label="承办律师"
                value={preview.firm ? `${preview.inviterName}（${preview.firm}）` : preview.inviterName}
                id="join-lawyer"
              />
            </View>
          ) : (
            <View>
              <PreviewRow
                label="邀请人"
                value={preview.firm ? `${preview.inviterName}（${preview.firm}）` : preview.inviterName}
                id="join-lawyer"
              />
              <PreviewRow label="事项" value="以律师身份入驻本所" />
            </View>
          )}
          {preview.intendedName ? (
            <PreviewRow label="邀请对象" value={preview.intendedName} id="join-intended" />
          ) : null}
          <PreviewRow label="有效期至" value={formatExactTime(preview.expiresAt)} />
          <Text className="muted join-page__note">
            {preview.kind === 'client'
              ? '如果这不是您的案件或律师，请不要加入，并告知发给您的人。加入后，律师能看到您是通过哪个邀请加入的。'
              : '提交后需管理员核实是您本人，才会开通律师功能。'}
          </Text>
        </Card>
      ) : (
        <Card>
          <Field
            id="invite-code-input"
            label="邀请码"
            value={code}
            onChange={(v) => {
              setCode(v);
              setFailure(null);
            }}
            maxLength={LIMITS.inviteCode}
            placeholder="例如 ABCD-EFGH-…"
            error={failure?.message}
          />
          {failure?.alreadyMember ? (
            <Text className="link" onClick={() => Taro.reLaunch({ url: routes.home() })}>
              查看我的案件 ›
            </Text>
          ) : null}
        </Card>
      )}

      {preview ? (
        <View>
          <Button id="join-submit" type="primary" block loading={busy} onClick={() => void join()}>
            {preview.redeemedByYou
              ? preview.kind === 'client'
                ? '打开案件'
                : '查看入驻状态'
              : preview.kind === 'client'
                ? '加入案件'
                : '申请入驻'}
          </Button>
          <Text
            className="link join-page__other"
            id="join-not-mine"
            onClick={() => {
              setPreview(null);
              setCode('');
            }}
          >
            不是我的邀请
          </Text>
        </View>
      ) : (
        <Button
          id="join-check"
          type="primary"
          block
          loading={checking}
          disabled={!code.trim()}
          onClick={() => void check(code)}
        >
          查看邀请
        </Button>
      )}
      {failure && !failure.retryable && !failure.alreadyMember ? (
        <Text className="muted join-page__help" id="join-error-help">
          如需帮助，请直接联系您的承办律师。
        </Text>
      ) : null}
    </View>
  );
}

function PreviewRow({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="join-page__row">
      <Text className="join-page__row-label">{label}</Text>
      <Text className="join-page__row-value" id={id}>
        {value}
      </Text>
    </View>
  );
}

export default observer(JoinPage);
