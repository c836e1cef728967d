import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { CASE_TYPES, STAGE_TEMPLATES, type CaseType } from '@contract/case-types';
import { LIMITS } from '@contract/limits';
import { isApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import { Button, Card, Field, FormError, StageTracker, stagesWithStatus } from '@/components';
import { toastFailure } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { RolePending } from '@/components/role-pending';
import { useRoleConfirmed, useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ChoiceChips } from '../choice-chips';
import '../form.scss';

function CaseNewPage() {
  const signedIn = useSignedIn();
  const roleConfirmed = useRoleConfirmed();
  const { cases } = useStores();
  const [title, setTitle] = useState('');
  const [caseType, setCaseType] = useState<CaseType>('民事');
  const [caseNumber, setCaseNumber] = useState('');
  const [court, setCourt] = useState('');
  const [opposingParty, setOpposingParty] = useState('');
  const { busy, errors, check, run } = useSubmission({
    values: { title, caseType, caseNumber, court, opposingParty },
    validate: (v): Record<string, string> => (v.title.trim() ? {} : { title: '请填写案件名称' }),
  });

  if (!signedIn) return null;
  if (!roleConfirmed) return <RolePending />;

  const submit = async () => {
    if (!check()) return;
    const input = {
      title,
      caseType,
      caseNumber: caseNumber || null,
      court: court || null,
      opposingParty: opposingParty || null,
    };
    await run((options) => cases.create(input, options), {
      onSuccess: (detail) => void Taro.redirectTo({ url: routes.case(detail.id) }),
      onFailure: async (e) => {
        if (isApiFailure(e) && e.code === 'LAWYER.PROFILE_REQUIRED') {
          const { confirm } = await Taro.showModal({
            title: '请先完善执业信息',
            content: e.message,
            confirmText: '去完善',
          });
          if (confirm) Taro.navigateTo({ url: routes.profile() });
        } else {
          toastFailure(e);
        }
      },
    });
  };

  return (
    <View className="page">
      <BackBar />
      <Card>
        <Field
          id="case-title-input"
          label="案件名称"
          required
          value={title}
          onChange={setTitle}
          maxLength={LIMITS.caseTitle}
          placeholder="例如 李女士诉某科技公司民间借贷纠纷"
          error={errors.title}
        />
        <Text className="form-label">案件类型</Text>
        <ChoiceChips
          choices={CASE_TYPES.map((t, i) => ({ value: t, label: t, id: `case-type-${i}` }))}
          value={caseType}
          onChange={setCaseType}
        />
        <FormError>{errors.caseType}</FormError>
      </Card>

      <Card title="阶段预览" extra={`${STAGE_TEMPLATES[caseType].length} 个阶段`}>
        <Text className="muted" style={{ display: 'block', marginBottom: '12px', lineHeight: 1.6 }}>
          客户会看到这些阶段和每个阶段的说明；发布进展时可推进阶段。
        </Text>
        <StageTracker stages={stagesWithStatus(STAGE_TEMPLATES[caseType], 0)} />
      </Card>

      <Card title="案件信息（选填）">
        <Field
          id="case-number-input"
          label="案号"
          value={caseNumber}
          onChange={setCaseNumber}
          maxLength={LIMITS.caseNumber}
          placeholder="例如 （2025）沪0105民初1234号"
          error={errors.caseNumber}
        />
        <Field
          id="case-court-input"
          label="法院 / 仲裁机构"
          value={court}
          onChange={setCourt}
          maxLength={LIMITS.court}
          error={errors.court}
        />
        <Field
          id="case-opposing-input"
          label="对方当事人"
          value={opposingParty}
          onChange={setOpposingParty}
          maxLength={LIMITS.opposingParty}
          error={errors.opposingParty}
        />
      </Card>

      <Button id="create-case-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        创建案件
      </Button>
    </View>
  );
}

export default observer(CaseNewPage);
