import { Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { DEFAULT_QUIET_HOURS, LIMITS } from '@contract/limits';
import { Button, Card, Field, Skeleton } from '@/components';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import '../form.scss';
import './index.scss';

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

function ProfileForm() {
  const { session } = useStores();
  const me = session.me;
  const [name, setName] = useState(me?.profile?.name ?? me?.displayName ?? '');
  const [firm, setFirm] = useState(me?.profile?.firm ?? '');
  const [licenseNo, setLicenseNo] = useState(me?.profile?.licenseNo ?? '');
  const [phone, setPhone] = useState(me?.profile?.phone ?? '');
  const savedQuiet = me?.profile ? me.profile.quietHours : DEFAULT_QUIET_HOURS;
  const [quietOn, setQuietOn] = useState(savedQuiet !== null);
  const [quiet, setQuiet] = useState(savedQuiet ?? DEFAULT_QUIET_HOURS);
  const { busy, errors, run } = useSubmission();

  const save = () => {
    const profile = { name, firm, licenseNo, phone: phone || null, quietHours: quietOn ? quiet : null };
    return run((options) => session.updateProfile(profile, options), {
      onSuccess: () => {
        toastSuccess('已保存');
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
        else Taro.reLaunch({ url: routes.home() });
      },
    });
  };

  return (
    <View className="page">
      <Card>
        <Field
          id="profile-name-input"
          label="姓名"
          required
          value={name}
          onChange={setName}
          maxLength={LIMITS.personName}
          error={errors.name}
        />
        <Field
          id="profile-firm-input"
          label="执业机构"
          required
          value={firm}
          onChange={setFirm}
          maxLength={LIMITS.firmName}
          placeholder="例如 某某律师事务所"
          error={errors.firm}
        />
        <Field
          id="profile-license-input"
          label="执业证号"
          required
          value={licenseNo}
          onChange={setLicenseNo}
          maxLength={LIMITS.licenseNo}
          placeholder="17 位执业证号"
          error={errors.licenseNo}
        />
        <Field
          id="profile-phone-input"
          label="联系电话（选填）"
          value={phone}
          onChange={setPhone}
          maxLength={LIMITS.phone}
          error={errors.phone}
        />
      </Card>
      <Card title="免打扰时段" id="quiet-hours">
        <View className="quiet-hours__row">
          <Text className="quiet-hours__label">此时段内不向客户发送知悉提醒</Text>
          <Switch
            id="quiet-hours-switch"
            checked={quietOn}
            color="#1f4e8c"
            onChange={(e) => setQuietOn(Boolean(e.detail.value))}
          />
        </View>
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
              {quiet.start > quiet.end ? '（跨夜）' : ''}；默认 22:00–08:00。
            </Text>
          </>
        ) : (
          <Text className="form-note">已关闭：任何时间都可以提醒客户。</Text>
        )}
        {errors.quietHours ? <Text className="form-error">{errors.quietHours}</Text> : null}
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
        <Skeleton rows={4} />
      </View>
    );
  }
  return <ProfileForm />;
}

export default observer(ProfilePage);
