import { Text, View } from '@tarojs/components';
import { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Invite } from '@contract/index';
import { LIMITS } from '@contract/limits';
import { Avatar, Button, Card, EmptyState, Field, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { useStores } from '@/stores';
import { formatDate, formatExactTime } from '@/time/format-time';
import { InviteCard } from '../invite-card';
import './index.scss';

function AdminPage() {
  const signedIn = useSignedIn();
  const { admin, invites, session } = useStores();
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const { busy, errors, setErrors, run } = useSubmission();

  useDidShow(() => {
    if (signedIn) {
      void session.ensureLoaded();
      void admin.load();
    }
  });
  useShareAppMessage(() => ({ title: '邀请您加入律程', path: invite?.path ?? '/pages/index/index' }));

  if (!signedIn) return null;

  const inviteLawyer = async () => {
    if (!name.trim()) {
      setErrors({ name: '请填写律师姓名' });
      return;
    }
    await run((options) => invites.inviteLawyer(name, options), {
      onSuccess: (created) => {
        setInvite(created);
        setName('');
        void admin.load();
      },
    });
  };

  if (admin.status === 'error' && admin.error?.code !== 'NETWORK') {
    return (
      <View className="page">
        <BackBar />
        <EmptyState glyph="!" title="无法打开律师管理" description={admin.error?.message} />
      </View>
    );
  }

  return (
    <View className="page admin-page">
      <BackBar />
      <Card title="邀请律师">
        <Field
          id="lawyer-name-input"
          label="律师姓名"
          required
          value={name}
          onChange={setName}
          maxLength={LIMITS.personName}
          error={errors.name}
        />
        <Button
          id="invite-lawyer-submit"
          type="primary"
          block
          loading={busy}
          onClick={() => void inviteLawyer()}
        >
          生成律师邀请
        </Button>
      </Card>
      {invite ? <InviteCard invite={invite} audience="律师" /> : null}

      <Text className="section-title">本所律师（{admin.lawyers.length}）</Text>
      {admin.status !== 'ready' && admin.lawyers.length === 0 ? (
        <Skeleton rows={2} />
      ) : (
        <Card id="lawyer-list">
          {admin.lawyers.length === 0 ? <Text className="muted">还没有律师</Text> : null}
          {admin.lawyers.map((l) => (
            <View key={l.userId} className="admin-page__row">
              <Avatar name={l.displayName} />
              <View className="admin-page__row-text">
                <Text className="admin-page__name">{l.displayName}</Text>
                <Text className="muted">
                  {[l.firm, l.licenseNo ? `执业证号 ${l.licenseNo}` : '未填写执业信息']
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </View>
              <View className="admin-page__row-side">
                <Text>{l.caseCount} 件</Text>
                <Text className="muted">{formatDate(l.enrolledAt)}加入</Text>
              </View>
            </View>
          ))}
        </Card>
      )}

      {admin.pendingInvites.length > 0 ? (
        <View>
          <Text className="section-title">待接受的邀请（{admin.pendingInvites.length}）</Text>
          <Card id="pending-invites">
            {admin.pendingInvites.map((p) => (
              <View key={p.inviteId} className="admin-page__row">
                <Avatar name={p.name} />
                <View className="admin-page__row-text">
                  <Text className="admin-page__name">{p.name}</Text>
                  <Text className="muted">有效期至 {formatExactTime(p.expiresAt)}</Text>
                </View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}
    </View>
  );
}

export default observer(AdminPage);
