import { Image, Button as NativeButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import type { Invite } from '@contract/index';
import { Button, Card } from '@/components';
import { formatExactTime } from '@/time/format-time';
import { qrPngDataUrl } from './invite-card.qr';
import './invite-card.scss';

/**
 * The web link that opens the join page with the code filled in: on the deployment's public address when the
 * server names one (`invite.link`), else — in H5 — this page's own address. Null in the weapp without a public
 * address: the share card carries the invite there.
 */
export function inviteLink(invite: Invite): string | null {
  if (invite.link) return invite.link;
  if (process.env.TARO_ENV !== 'h5') return null;
  return `${window.location.origin}/#${invite.path.startsWith('/') ? '' : '/'}${invite.path}`;
}

/** The code's groups of four, each shown unbroken (a line may wrap between groups, never inside one). */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}

/** Copies and says so only when the platform confirms it; a refusal (e.g. privacy not agreed) says what to do. */
export async function copyText(data: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data });
  } catch {
    Taro.showToast({ title: '未能复制，请长按邀请码手动复制', icon: 'none', duration: 2500 });
    return false;
  }
  Taro.showToast({ title: '已复制', icon: 'success' });
  return true;
}

/** A fresh invite: the code (shown once) in groups, a QR code of the link, the share card, and when it expires. */
export function InviteCard({ invite, audience }: { invite: Invite; audience: string }) {
  const link = inviteLink(invite);
  const qr = useMemo(() => (link ? qrPngDataUrl(link) : null), [link]);
  return (
    <Card className="invite-card" id="invite-result">
      <Text className="invite-card__label">邀请码</Text>
      <View className="invite-card__code" id="invite-code" aria-label={`邀请码 ${invite.code}`}>
        {codeGroups(invite.code).map((group, i) => (
          <Text key={i} className="invite-card__group" userSelect selectable>
            {group}
          </Text>
        ))}
      </View>
      <Text className="muted invite-card__expiry" id="invite-expiry">
        有效期至 {formatExactTime(invite.expiresAt)} · 仅可使用一次
      </Text>
      {qr ? (
        <View className="invite-card__qr-box">
          <Image
            className="invite-card__qr"
            id="invite-qr"
            src={qr}
            mode="aspectFit"
            imgProps={{ alt: '邀请链接的二维码' }}
          />
          <Text className="muted invite-card__qr-note">请{audience}用手机扫码打开</Text>
        </View>
      ) : null}
      {link ? (
        <View className="invite-card__link-row">
          <Text className="invite-card__link" id="invite-link" userSelect selectable>
            {link}
          </Text>
        </View>
      ) : null}
      <View className="actions">
        <Button id="copy-invite-code" size="small" onClick={() => void copyText(invite.code)}>
          复制邀请码
        </Button>
        {link ? (
          <Button id="copy-invite-link" size="small" type="plain" onClick={() => void copyText(link)}>
            复制链接
          </Button>
        ) : null}
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton className="invite-card__share" openType="share" id="share-invite">
            发送给{audience}
          </NativeButton>
        ) : null}
      </View>
      <Text className="muted invite-card__tip">
        {invite.kind === 'client'
          ? `请只发送给${audience}本人：谁先用这个邀请，谁就加入。对方加入前会看到案件名称和您的姓名；加入后您可在「邀请记录与案件成员」看到是谁加入，必要时移出。`
          : `请只发送给${audience}本人。对方提交后，需您在本页核实并核准，才会开通律师功能。`}
        离开本页后邀请码不再显示。
      </Text>
    </Card>
  );
}
