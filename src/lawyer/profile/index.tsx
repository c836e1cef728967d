import { Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { CONTACT_LIMITS, DEFAULT_QUIET_HOURS, LIMITS } from '@contract/limits';
import { DEFAULT_OFFICE_HOURS, describeOfficeHours } from '@contract/office-hours';
import { Button, Card, Field, FormError, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { revealFirstError } from '@/feedback/reveal-error';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ChoiceChips } from '../choice-chips';
import { WEEKDAY_CHIPS, issueAt, issuesByPath, toggleDay } from './profile-form-model';
import '../form.scss';
import './index.scss';

const BRAND = '#1f4e8c';

function TimePicker({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Picker mode="time" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="quiet-hours__row" id={id}>
        <Text className="quiet-hours__label">{label}</Text>
        <Text className="quiet-hours__value">{value} ›</Text>
      </View>
    </Picker>
  );
}

function SwitchRow({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View className="quiet-hours__row">
      <Text className="quiet-hours__label">{label}</Text>
      <Switch id={id} checked={checked} color={BRAND} onChange={(e) => onChange(Boolean(e.detail.value))} />
    </View>
  );
}

const FieldError = FormError;

const PROMISE_CHOICES = [
  { value: null as number | null, label: '不承诺', id: 'reply-promise-none' },
  ...Array.from({ length: CONTACT_LIMITS.maxReplyDays }, (_, i) => ({
    value: (i + 1) as number | null,
    label: `${i + 1} 个工作日内`,
    id: `reply-promise-${i + 1}`,
  })),
];

/** What clients are told about the hours, or why it cannot be said yet. */
function hoursSummary(hours: { days: number[]; start: string; end: string }): string {
  if (hours.days.length === 0) return '请至少选择一天。';
  if (hours.start >= hours.end) return '下班时间应晚于上班时间。';
  return `客户看到：${describeOfficeHours(hours)}；法定节假日及调休按国家安排。`;
}

function ProfileForm() {
  const { session } = useStores();
  const me = session.me;
  const saved = me?.profile;
  const [name, setName] = useState(saved?.name ?? me?.displayName ?? '');
  const [firm, setFirm] = useState(saved?.firm ?? '');
  const [licenseNo, setLicenseNo] = useState(saved?.licenseNo ?? '');
  const [phone, setPhone] = useState(saved?.phone ?? '');
  const savedQuiet = saved ? saved.quietHours : DEFAULT_QUIET_HOURS;
  const [quietOn, setQuietOn] = useState(savedQuiet !== null);
  const [quiet, setQuiet] = useState(savedQuiet ?? DEFAULT_QUIET_HOURS);
  const [hours, setHours] = useState(saved?.officeHours ?? DEFAULT_OFFICE_HOURS);
  const [replyDays, setReplyDays] = useState<number | null>(saved ? saved.replyPromiseDays : 1);
  const [showPhone, setShowPhone] = useState(saved?.contact.showPhone ?? false);
  const [wechatId, setWechatId] = useState(saved?.contact.wechatId ?? '');
  const [showWechat, setShowWechat] = useState(saved?.contact.showWechat ?? false);
  const [officeAddress, setOfficeAddress] = useState(saved?.contact.officeAddress ?? '');
  const [showAddress, setShowAddress] = useState(saved?.contact.showAddress ?? false);
  // Issues by their whole path: PROFILE.CONTACT_MISSING names phone, contact.wechatId or contact.officeAddress.
  const [failed, setFailed] = useState<{ issues: Record<string, string>; values: Record<string, string> }>({
    issues: {},
    values: {},
  });
  const { busy, run } = useSubmission();
  const profile = {
    name,
    firm,
    licenseNo,
    phone: phone || null,
    quietHours: quietOn ? quiet : null,
    officeHours: hours,
    replyPromiseDays: replyDays,
    contact: {
      showPhone,
      wechatId: wechatId || null,
      showWechat,
      officeAddress: officeAddress || null,
      showAddress,
    },
  };
  /** Each top-level part as text, so an issue shows only until its part is edited. */
  const snapshot = (): Record<string, string> =>
    Object.fromEntries(Object.entries(profile).map(([key, value]) => [key, JSON.stringify(value)]));
  const current = snapshot();
  const at = (path: string, exact = false) => {
    const top = path.split('.')[0];
    if (failed.values[top] !== current[top]) return undefined;
    return exact ? failed.issues[path] : issueAt(failed.issues, path);
  };
  useEffect(() => {
    const first = Object.values(failed.issues)[0];
    if (first) revealFirstError(first);
  }, [failed]);

  const save = () => {
    setFailed({ issues: {}, values: {} });
    return run((options) => session.updateProfile(profile, options), {
      onSuccess: () => {
        toastSuccess('已保存');
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
        else Taro.reLaunch({ url: routes.home() });
      },
      onFailure: (error) => {
        setFailed({ issues: issuesByPath(error), values: snapshot() });
        toastFailure(error);
      },
    });
  };

  return (
    <View className="page">
      <BackBar />
      <Card>
        <Field
          id="profile-name-input"
          label="姓名"
          required
          value={name}
          onChange={setName}
          maxLength={LIMITS.personName}
          error={at('name')}
        />
        <Field
          id="profile-firm-input"
          label="执业机构"
          required
          value={firm}
          onChange={setFirm}
          maxLength={LIMITS.firmName}
          placeholder="例如 某某律师事务所"
          error={at('firm')}
        />
        <Field
          id="profile-license-input"
          label="执业证号"
          required
          value={licenseNo}
          onChange={setLicenseNo}
          maxLength={LIMITS.licenseNo}
          placeholder="17 位执业证号"
          error={at('licenseNo')}
        />
        <Field
          id="profile-phone-input"
          label="联系电话（选填）"
          value={phone}
          onChange={setPhone}
          maxLength={LIMITS.phone}
          error={at('phone')}
        />
      </Card>

      <Card title="客户可见的联系方式" id="contact-settings">
        <Text className="form-note profile-page__lead">
          姓名和执业机构总是可见；以下各项由您决定是否向客户展示。
        </Text>
        <SwitchRow
          id="show-phone-switch"
          label="向客户展示电话"
          checked={showPhone}
          onChange={setShowPhone}
        />
        {showPhone && !phone ? <Text className="form-note">请在上方填写联系电话。</Text> : null}
        <Field
          id="profile-wechat-input"
          label="微信号"
          value={wechatId}
          onChange={setWechatId}
          maxLength={CONTACT_LIMITS.wechatId}
          error={at('contact.wechatId')}
        />
        <SwitchRow
          id="show-wechat-switch"
          label="向客户展示微信号"
          checked={showWechat}
          onChange={setShowWechat}
        />
        <Field
          id="profile-address-input"
          label="办公地址"
          value={officeAddress}
          onChange={setOfficeAddress}
          maxLength={CONTACT_LIMITS.officeAddress}
          error={at('contact.officeAddress')}
        />
        <SwitchRow
          id="show-address-switch"
          label="向客户展示办公地址"
          checked={showAddress}
          onChange={setShowAddress}
        />
        <FieldError>{at('contact', true)}</FieldError>
      </Card>

      <Card title="工作时间" id="office-hours">
        <Text className="form-label">工作日</Text>
        <View className="choice-chips profile-page__days" id="office-days">
          {WEEKDAY_CHIPS.map(({ day, label }) => {
            const on = hours.days.includes(day);
            return (
              <Text
                key={day}
                id={`office-day-${day}`}
                className={`choice-chips__chip profile-page__day ${on ? 'choice-chips__chip--on' : ''}`}
                aria-selected={on ? 'true' : 'false'}
                onClick={() => setHours({ ...hours, days: toggleDay(hours.days, day) })}
              >
                {label}
              </Text>
            );
          })}
        </View>
        <FieldError>{at('officeHours.days')}</FieldError>
        <TimePicker
          id="office-start"
          label="上班"
          value={hours.start}
          onChange={(start) => setHours({ ...hours, start })}
        />
        <TimePicker
          id="office-end"
          label="下班"
          value={hours.end}
          onChange={(end) => setHours({ ...hours, end })}
        />
        <FieldError>{at('officeHours.start') ?? at('officeHours.end') ?? at('officeHours', true)}</FieldError>
        <Text className="form-note" id="office-hours-summary">
          {hoursSummary(hours)}
        </Text>
      </Card>

      <Card title="回复承诺" id="reply-promise">
        <ChoiceChips choices={PROMISE_CHOICES} value={replyDays} onChange={setReplyDays} />
        <FieldError>{at('replyPromiseDays')}</FieldError>
        <Text className="form-note">
          {replyDays == null
            ? '客户提出请求时只会看到您的工作时间。'
            : `客户提出请求前会看到预计回复时间（按工作时间计算，跳过周末和法定节假日）；超过 ${replyDays} 个工作日未答复的请求会提醒您。`}
        </Text>
      </Card>

      <Card title="免打扰时段" id="quiet-hours">
        <SwitchRow
          id="quiet-hours-switch"
          label="此时段内不通过微信通知我（结束后再发送）"
          checked={quietOn}
          onChange={setQuietOn}
        />
        {quietOn ? (
          <>
            <TimePicker
              id="quiet-start"
              label="开始"
              value={quiet.start}
              onChange={(start) => setQuiet({ ...quiet, start })}
            />
            <TimePicker
              id="quiet-end"
              label="结束"
              value={quiet.end}
              onChange={(end) => setQuiet({ ...quiet, end })}
            />
            <Text className="form-note">
              北京时间 {quiet.start}–{quiet.end}
              {quiet.start > quiet.end ? '（跨夜）' : ''}；默认
              22:00–08:00。客户在联系方式中也会看到这一时段。
            </Text>
          </>
        ) : (
          <Text className="form-note">已关闭：任何时间都可以提醒客户。</Text>
        )}
        <FieldError>{at('quietHours')}</FieldError>
      </Card>
      <Button id="profile-submit" type="primary" block loading={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}

function ProfilePage() {
  const signedIn = useSignedIn();
  const { session } = useStores();
  useLoad(() => {
    if (signedIn) void session.ensureLoaded();
  });
  if (!signedIn) return null;
  if (!session.me) {
    return (
      <View className="page">
        <BackBar />
        <Skeleton rows={4} />
      </View>
    );
  }
  return <ProfileForm />;
}

export default observer(ProfilePage);
