import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Invite } from '@contract/index';
import { LIMITS } from '@contract/limits';
import { Button, Card, Field } from '@/components';
import { BackBar } from '@/components/back-bar';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { InviteCard } from '../invite-card';

function InvitePage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { invites, caseDetails } = useStores();
  const [clientName, setClientName] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const { busy, errors, run } = useSubmission();
  const caseTitle = caseDetails.detail(caseId)?.title;

  // A forwarded card may reach anyone: it names no case and no person. The join page shows the case title and the
  // lawyer only to whoever opens it with the code, before they confirm.
  useShareAppMessage(() => ({
    title: '律师邀请您加入案件',
    path: invite?.path ?? '/pages/index/index',
  }));

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;

  const create = () =>
    run((options) => invites.createClientInvite(caseId, clientName.trim(), options), {
      onSuccess: setInvite,
    });

  return (
    <View className="page">
      <BackBar />
      {caseTitle ? <Text className="section-title">{caseTitle}</Text> : null}
      <Card>
        <Field
          id="invite-client-name"
          label="客户称呼（选填，对方加入前会看到「邀请 某某」）"
          value={clientName}
          onChange={setClientName}
          maxLength={LIMITS.personName}
          placeholder="例如 李女士"
          error={errors.clientName}
        />
      </Card>
      <Button id="create-invite-submit" type="primary" block loading={busy} onClick={() => void create()}>
        {invite ? '再生成一个邀请' : '生成邀请'}
      </Button>
      {invite ? (
        <View style={{ marginTop: '12px' }}>
          <InviteCard invite={invite} audience="客户" />
        </View>
      ) : (
        <Text className="muted" style={{ display: 'block', marginTop: '12px', lineHeight: 1.6 }}>
          生成后可把链接、二维码或邀请码发给客户。邀请一次有效、有期限，过期或用过后需重新生成。
        </Text>
      )}
      <View style={{ marginTop: '16px' }}>
        <Text
          className="link"
          id="open-members"
          onClick={() => Taro.navigateTo({ url: routes.members(caseId) })}
        >
          邀请记录与案件成员（谁通过邀请加入、移出成员）›
        </Text>
      </View>
    </View>
  );
}

export default observer(InvitePage);
