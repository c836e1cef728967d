import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { LIMITS } from '@contract/limits';
import { Button, Card, Field } from '@/components';
import { BackBar } from '@/components/back-bar';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { joinFailureView, type JoinFailureView } from './join-messages';
import './index.scss';

function JoinPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const { invites, session, cases } = useStores();
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '');
  const [failure, setFailure] = useState<JoinFailureView | null>(null);
  const { busy, run } = useSubmission();

  if (!signedIn) return null;

  const join = async () => {
    if (!code.trim()) {
      setFailure({ message: '请输入邀请码', retryable: true, alreadyMember: false });
      return;
    }
    setFailure(null);
    await run((options) => invites.redeem(code, options), {
      onSuccess: async (result) => {
        void cases.load();
        if (result.kind === 'lawyer') {
          await session.ensureLoaded(true);
          toastSuccess('已加入律所');
          Taro.reLaunch({ url: routes.profile() });
        } else if (result.caseId) {
          toastSuccess('已加入案件');
          Taro.redirectTo({ url: `${routes.case(result.caseId)}&joined=1` });
        } else {
          Taro.reLaunch({ url: routes.home() });
        }
      },
      onFailure: (e) => setFailure(joinFailureView(e)),
    });
  };

  return (
    <View className="page join-page">
      <BackBar />
      <View className="join-page__intro">
        <Text className="join-page__title">加入案件</Text>
        <Text className="muted join-page__desc">
          输入律师发给您的邀请码，加入后即可随时查看案件进展，律师的每条书面告知都会留存记录。
        </Text>
      </View>
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
      <Button
        id="join-submit"
        type="primary"
        block
        loading={busy}
        disabled={!code.trim()}
        onClick={() => void join()}
      >
        加入案件
      </Button>
      {failure && !failure.retryable && !failure.alreadyMember ? (
        <Text className="muted join-page__help" id="join-error-help">
          如需帮助，请直接联系您的承办律师。
        </Text>
      ) : null}
    </View>
  );
}

export default observer(JoinPage);
