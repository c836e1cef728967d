import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Invite } from '@contract/index';
import { LIMITS } from '@contract/limits';
import { Avatar, Button, Card, EmptyState, Field, Skeleton } from '@/components';
import { MoreButton } from '@/components/more-button';
import { BackBar } from '@/components/back-bar';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { useStores } from '@/stores';
import { formatDate, formatExactTime } from '@/time/format-time';
import { InviteCard } from '../invite-card';
import { loadMoreLawyers } from './load-more';
import './index.scss';

function AdminPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { admin, api, invites, session } = useStores();
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const { busy, errors, setErrors, run } = useSubmission();

  useDidShow(() => {
    if (signedIn) {
      void session.ensureLoaded();
      void admin.load();
    }
  });
  useShareAppMessage(() => ({ title: '邀请您入驻律程', path: invite?.path ?? '/pages/index/index' }));

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;

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

  const decide = async (inviteId: string, decision: 'confirm' | 'reject', name: string) => {
    const { confirm } = await Taro.showModal({
      title: decision === 'confirm' ? `核准 ${name} 入驻？` : `拒绝 ${name} 的入驻？`,
      content:
        decision === 'confirm'
          ? '核准后该账号即可创建案件、邀请客户。请先核实是本人。'
          : '拒绝后该邀请作废，对方不会获得律师功能；如需重新邀请，请另发邀请。',
      confirmText: decision === 'confirm' ? '核准入驻' : '拒绝',
    });
    if (!confirm) return;
    try {
      await admin.decide(inviteId, decision);
      toastSuccess(decision === 'confirm' ? '已核准入驻' : '已拒绝');
    } catch (e) {
      toastFailure(e);
    }
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

      <Text className="section-title">
        本所律师（{admin.lawyers.length}
        {admin.nextCursor ? '+' : ''}）
      </Text>
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
          <MoreButton
            id="lawyer-more"
            more={!!admin.nextCursor}
            loading={admin.loadingMore}
            onClick={() => void loadMoreLawyers(admin, api)}
          />
        </Card>
      )}

      {admin.pendingEnrolments.length > 0 ? (
        <View>
          <Text className="section-title">待核准的入驻（{admin.pendingEnrolments.length}）</Text>
          <Card id="pending-enrolments">
            <Text className="muted admin-page__hint">
              有人用律师邀请提交了入驻。请先核实是邀请的本人，再核准；核准后对方才有律师功能。
            </Text>
            {admin.pendingEnrolments.map((p) => (
              <View key={p.inviteId} className="admin-page__row" id={`enrolment-${p.inviteId}`}>
                <Avatar name={p.redeemer.displayName} />
                <View className="admin-page__row-text">
                  <Text className="admin-page__name">
                    {p.redeemer.displayName}
                    <Text className="muted">（邀请的是 {p.invitedName}）</Text>
                  </Text>
                  <Text className="muted">
                    {formatExactTime(p.redeemedAt)} 提交 · 账号创建于{' '}
                    {formatDate(p.redeemer.accountCreatedAt)}
                  </Text>
                  {p.redeemer.clientCaseCount > 0 ? (
                    <Text className="admin-page__warning">
                      该账号是 {p.redeemer.clientCaseCount} 个案件的客户，请特别核实
                    </Text>
                  ) : null}
                </View>
                <View className="admin-page__row-side">
                  <Button
                    size="small"
                    type="primary"
                    className="enrolment-confirm"
                    onClick={() => void decide(p.inviteId, 'confirm', p.redeemer.displayName)}
                  >
                    核准
                  </Button>
                  <Button
                    size="small"
                    type="plain"
                    className="enrolment-reject"
                    onClick={() => void decide(p.inviteId, 'reject', p.redeemer.displayName)}
                  >
                    拒绝
                  </Button>
                </View>
              </View>
            ))}
          </Card>
        </View>
      ) : null}

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
