import { Button as NativeButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Invite } from '@contract/index';
import { Button, Card } from '@/components';
import { formatExactTime } from '@/time/format-time';
import './invite-card.scss';

/** The H5 link that opens the join page with the code filled in. */
export function inviteLink(invite: Invite): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  return `${window.location.origin}/#${invite.path.startsWith('/') ? '' : '/'}${invite.path}`;
}

function copy(data: string, what: string) {
  Taro.setClipboardData({ data }).then(
    () => Taro.showToast({ title: `${what}已复制`, icon: 'success' }),
    () => Taro.showToast({ title: '复制失败，请长按选择', icon: 'none' }),
  );
}

/** A fresh invite: the code (shown once), the link or share card, and when it expires. */
export function InviteCard({ invite, audience }: { invite: Invite; audience: string }) {
  const link = inviteLink(invite);
  return (
    <Card className="invite-card" id="invite-result">
      <Text className="invite-card__label">邀请码</Text>
      <Text className="invite-card__code" id="invite-code" userSelect selectable>
        {invite.code}
      </Text>
      <Text className="muted invite-card__expiry" id="invite-expiry">
        有效期至 {formatExactTime(invite.expiresAt)} · 仅可使用一次
      </Text>
      {link ? (
        <View className="invite-card__link-row">
          <Text className="invite-card__link" id="invite-link" userSelect selectable>
            {link}
          </Text>
        </View>
      ) : null}
      <View className="actions">
        <Button id="copy-invite-code" size="small" onClick={() => copy(invite.code, '邀请码')}>
          复制邀请码
        </Button>
        {link ? (
          <Button id="copy-invite-link" size="small" type="plain" onClick={() => copy(link, '链接')}>
            复制链接
          </Button>
        ) : (
          <NativeButton className="invite-card__share" openType="share" id="share-invite">
            发送给{audience}
          </NativeButton>
        )}
      </View>
      <Text className="muted invite-card__tip">
        请只发送给{audience}本人。对方打开链接或输入邀请码后即可加入；离开本页后邀请码不再显示。
      </Text>
    </Card>
  );
}
