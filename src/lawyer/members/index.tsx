import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ActionOutput } from '@contract/index';
import { toApiFailure, type ApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import { Avatar, Button, Card, EmptyState, Skeleton, Tag } from '@/components';
import { MoreButton } from '@/components/more-button';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { inviteStatusView, joinedByOther, orderMembers } from './members-model';
import './index.scss';

type Listing = ActionOutput<'invite.list'>;

/** The case lawyer's view of who joined through each invite, and of the members, with removal. */
function MembersPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { invites, session } = useStores();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = async () => {
    try {
      setListing(await invites.list(caseId));
      setError(null);
    } catch (e) {
      setError(toApiFailure(e));
    }
  };
  useDidShow(() => {
    if (signedIn) void load();
  });
  /** Appends the next page of invites; the members came with the first. */
  const loadMore = async () => {
    const cursor = listing?.nextCursor;
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await invites.list(caseId, cursor);
      setListing((shown) =>
        shown
          ? { ...shown, invites: [...shown.invites, ...page.invites], nextCursor: page.nextCursor }
          : shown,
      );
    } catch (e) {
      toastFailure(e);
    } finally {
      setLoadingMore(false);
    }
  };

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;
  if (error && !listing) {
    return (
      <View className="page">
        <BackBar />
        <EmptyState glyph="!" title="无法打开邀请记录" description={error.message} />
      </View>
    );
  }
  if (!listing) {
    return (
      <View className="page">
        <BackBar />
        <Skeleton rows={4} />
      </View>
    );
  }

  const me = session.me?.userId;
  const remove = async (userId: string, name: string) => {
    const { confirm } = await Taro.showModal({
      title: `将 ${name} 移出案件？`,
      content:
        '移出后对方立即无法查看本案。对方已阅读、知悉、提问或提交的内容（含备忘录回执）仍保留在案件记录和导出中。如需重新加入，请另发新邀请。',
      confirmText: '移出',
      confirmColor: '#c4282e',
    });
    if (!confirm) return;
    setBusyId(userId);
    try {
      await invites.removeMember(caseId, userId);
      toastSuccess('已移出');
      await load();
    } catch (e) {
      toastFailure(e);
    } finally {
      setBusyId(null);
    }
  };
  const revoke = async (inviteId: string) => {
    setBusyId(inviteId);
    try {
      await invites.revoke(inviteId);
      toastSuccess('已撤回');
      await load();
    } catch (e) {
      toastFailure(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <View className="page members-page">
      <BackBar />
      <Text className="section-title">案件成员</Text>
      <Card id="member-list">
        {orderMembers(listing.members).map((m) => (
          <View key={m.userId} className="members-page__row" id={`member-${m.userId}`}>
            <Avatar name={m.displayName} />
            <View className="members-page__row-text">
              <Text className="members-page__name">
                {m.displayName}
                {m.userId === me ? '（我）' : ''}
              </Text>
              <Text className="muted">
                {m.role === 'lawyer' ? '律师' : '客户'} · {formatExactTime(m.joinedAt)} 加入
              </Text>
              {m.removedAt ? (
                <Text className="muted member-removed">
                  已于 {formatExactTime(m.removedAt)} 被{m.removedByName ?? '律师'}移出
                </Text>
              ) : null}
            </View>
            {m.removedAt ? (
              <Tag>已移出</Tag>
            ) : m.userId !== me && m.role === 'client' ? (
              <Button
                size="small"
                type="danger"
                className="member-remove"
                loading={busyId === m.userId}
                onClick={() => void remove(m.userId, m.displayName)}
              >
                移出
              </Button>
            ) : null}
          </View>
        ))}
      </Card>

      <Text className="section-title">
        邀请记录（{listing.invites.length}
        {listing.nextCursor ? '+' : ''}）
      </Text>
      {listing.invites.length === 0 ? (
        <Card>
          <Text className="muted">还没有发出邀请</Text>
        </Card>
      ) : (
        <Card id="invite-list">
          {listing.invites.map((inv) => {
            const status = inviteStatusView(inv);
            return (
              <View key={inv.inviteId} className="members-page__row invite-row" id={`invite-${inv.inviteId}`}>
                <View className="members-page__row-text">
                  <Text className="members-page__name">
                    {inv.intendedName ? `邀请 ${inv.intendedName}` : '未写称呼的邀请'}
                  </Text>
                  <Text className="muted">
                    {inv.createdByName} 于 {formatExactTime(inv.createdAt)} 生成
                  </Text>
                  {inv.usedBy && inv.usedAt ? (
                    <Text className="invite-row__used">
                      {inv.usedBy.displayName} 于 {formatExactTime(inv.usedAt)} 通过此邀请加入
                    </Text>
                  ) : inv.status === 'open' ? (
                    <Text className="muted">有效期至 {formatExactTime(inv.expiresAt)}</Text>
                  ) : null}
                  {joinedByOther(inv) ? (
                    <Text className="invite-row__warning">
                      加入者与邀请称呼不一致，如非本人，请在上方将其移出。
                    </Text>
                  ) : null}
                </View>
                <View className="members-page__row-side">
                  <Tag tone={status.tone}>{status.label}</Tag>
                  {inv.status === 'open' ? (
                    <Button
                      size="small"
                      type="plain"
                      loading={busyId === inv.inviteId}
                      onClick={() => void revoke(inv.inviteId)}
                    >
                      撤回
                    </Button>
                  ) : null}
                </View>
              </View>
            );
          })}
          <MoreButton
            id="invite-more"
            more={!!listing.nextCursor}
            loading={loadingMore}
            onClick={() => void loadMore()}
          />
        </Card>
      )}
      <Button block onClick={() => Taro.redirectTo({ url: routes.invite(caseId) })}>
        发出新邀请
      </Button>
    </View>
  );
}

export default observer(MembersPage);
