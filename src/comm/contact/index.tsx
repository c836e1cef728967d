import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState, type ReactNode } from 'react';
import type { ContactCard } from '@contract/index';
import { describeOfficeHours } from '@contract/office-hours';
import { Avatar, Button, Card, EmptyState, Skeleton, Tag } from '@/components';
import { BackBar } from '@/components/back-bar';
import { toastSuccess } from '@/feedback/toast';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ContactStore } from '../shared/contact-store';
import { describeQuietHours, inQuietHours, openNow } from '../shared/contact-terms';
import { describeReplyPromise } from '../shared/request-notice';
import './index.scss';

function Row({ label, field, children }: { label: string; field: string; children: ReactNode }) {
  return (
    <View className="contact-row" data-field={field}>
      <Text className="contact-row__label">{label}</Text>
      <View className="contact-row__value">{children}</View>
    </View>
  );
}

/** Calls the lawyer; inside their quiet hours, asks first and suggests a written request instead. */
async function call(lawyer: ContactCard, now: number) {
  if (!lawyer.phone) return;
  if (lawyer.quietHours && inQuietHours(lawyer.quietHours, now)) {
    const { confirm } = await Taro.showModal({
      title: '现在是免打扰时段',
      content: `${describeQuietHours(lawyer.quietHours)}。非紧急事项建议书面提出请求，律师会在工作时间处理。`,
      cancelText: '取消',
      confirmText: '仍然拨打',
    });
    if (!confirm) return;
  }
  await Taro.makePhoneCall({ phoneNumber: lawyer.phone }).catch(() => undefined);
}

function copyWechat(wechatId: string) {
  Taro.setClipboardData({ data: wechatId })
    .then(() => toastSuccess('微信号已复制'))
    .catch(() => undefined);
}

function LawyerCard({ lawyer, now }: { lawyer: ContactCard; now: number }) {
  const open = openNow(lawyer.officeHours, now);
  return (
    <Card id={`contact-card-${lawyer.userId}`} className="contact-card">
      <View className="contact-card__head">
        <Avatar name={lawyer.name} size={40} />
        <View className="contact-card__who">
          <Text className="contact-card__name">{lawyer.name}</Text>
          <Text className="muted">{lawyer.firm}</Text>
        </View>
        {open == null ? null : (
          <View id={`contact-open-${lawyer.userId}`} data-open={String(open)}>
            <Tag tone={open ? 'success' : 'neutral'}>{open ? '工作时间' : '非工作时间'}</Tag>
          </View>
        )}
      </View>
      {lawyer.phone ? (
        <Row label="电话" field="phone">
          <Text
            className="link contact-row__action"
            id={`contact-phone-${lawyer.userId}`}
            onClick={() => void call(lawyer, Date.now())}
          >
            {lawyer.phone}（拨打）
          </Text>
        </Row>
      ) : null}
      {lawyer.wechatId ? (
        <Row label="微信" field="wechat">
          <Text
            className="link contact-row__action"
            id={`contact-wechat-${lawyer.userId}`}
            onClick={() => copyWechat(lawyer.wechatId ?? '')}
          >
            {lawyer.wechatId}（复制）
          </Text>
        </Row>
      ) : null}
      {lawyer.officeAddress ? (
        <Row label="办公地址" field="address">
          <Text className="contact-row__text">{lawyer.officeAddress}</Text>
        </Row>
      ) : null}
      <Row label="工作时间" field="officeHours">
        <Text className="contact-row__text">{describeOfficeHours(lawyer.officeHours)}</Text>
        <Text className="muted contact-row__note">法定节假日及调休按国家安排</Text>
      </Row>
      <Row label="回复承诺" field="replyPromise">
        <Text className="contact-row__text">{describeReplyPromise(lawyer.replyPromiseDays)}</Text>
      </Row>
      {lawyer.quietHours ? (
        <Row label="免打扰" field="quietHours">
          <Text className="contact-row__text">{describeQuietHours(lawyer.quietHours)}</Text>
        </Row>
      ) : null}
    </Card>
  );
}

/** The case's lawyers as clients see them: how to reach them, when they work and when they reply. */
function ContactPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { api, caseDetails, session } = useStores();
  const [store] = useState(() => new ContactStore(api));
  const [now, setNow] = useState(() => Date.now());

  useDidShow(() => {
    if (!signedIn || !caseId) return;
    setNow(Date.now());
    void store.load(caseId);
    if (!caseDetails.detail(caseId)) void caseDetails.load(caseId);
  });

  if (!signedIn) return null;
  const lawyers = store.lawyers;
  if (!lawyers) {
    return (
      <View className="page">
        <BackBar />
        {store.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看联系方式" description={store.state.error?.message} />
        ) : (
          <Skeleton cards={1} rows={5} />
        )}
      </View>
    );
  }

  const detail = caseDetails.detail(caseId);
  const isLawyer = detail?.myRole === 'lawyer';
  const mine = lawyers.some((l) => l.userId === session.me?.userId);
  return (
    <View className="page" id="contact-page">
      <BackBar />
      {detail ? (
        <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(caseId) })}>
          ‹ {detail.title}
        </Text>
      ) : null}
      {isLawyer ? (
        <Text className="contact-page__note" id="contact-lawyer-note">
          这是本案客户看到的联系方式。
          {mine ? (
            <Text className="link" onClick={() => Taro.navigateTo({ url: routes.profile() })}>
              在「执业信息」中修改 ›
            </Text>
          ) : null}
        </Text>
      ) : null}
      {lawyers.map((lawyer) => (
        <LawyerCard key={lawyer.userId} lawyer={lawyer} now={now} />
      ))}
      {isLawyer ? null : (
        <>
          <Text className="contact-page__note">
            非紧急的事项，请尽量在工作时间书面提出：请求和律师的答复都会存入本案记录。
          </Text>
          <Button
            id="contact-new-request"
            type="primary"
            block
            onClick={() => Taro.navigateTo({ url: routes.newRequest(caseId) })}
          >
            书面提出请求
          </Button>
        </>
      )}
    </View>
  );
}

export default observer(ContactPage);
