import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { MemberRole } from '@contract/index';
import { Button, Card, EmptyState, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { toastFailure } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { ExportCard } from './export-card';
import { ReportCard } from './report-card';
import { SealCard, sealToast } from './seal-card';
import './index.scss';

/** Sealing writes the whole firm's log, so it is the lawyers' act; every member may verify and export. */
function canSeal(role: MemberRole): boolean {
  switch (role) {
    case 'lawyer':
      return true;
    case 'client':
      return false;
  }
}

/** 存证与核验: a member checks the case's record, a lawyer seals it, and anyone exports the written record. */
function EvidencePage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { caseDetails, evidence } = useStores();
  const seal = useSubmission();

  useDidShow(() => {
    if (!signedIn || !caseId) return;
    evidence.forgetExport(caseId);
    if (!caseDetails.detail(caseId)) void caseDetails.load(caseId);
  });

  if (!signedIn) return null;
  const detail = caseDetails.detail(caseId);
  const caseState = caseDetails.state(caseId);
  if (!detail) {
    return (
      <View className="page">
        <BackBar />
        {caseState.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此案件" description={caseState.error?.message} />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }

  const report = evidence.report(caseId);
  const state = evidence.state(caseId);
  const verifying = state.status === 'loading';
  const verify = () => {
    void evidence.verify(caseId).then((answer) => {
      // Without an earlier report the error card says it; with one, the report stays and a toast says why.
      if (!answer && report) toastFailure(evidence.state(caseId).error);
    });
  };
  const sealNow = () =>
    seal.run((options) => evidence.seal(caseId, options), {
      onSuccess: (outcome) => {
        Taro.showToast({ title: sealToast(outcome), icon: 'none', duration: 2500 });
      },
    });

  return (
    <View className="page evidence-page" id="evidence-page">
      <BackBar />
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(caseId) })}>
        ‹ {detail.title}
      </Text>
      <Card>
        <Text className="detail-title" id="evidence-case-title">
          {detail.title}
        </Text>
        <Text className="muted evidence-page__note">
          本案的每一条进展、告知书和知悉回执都按顺序写入记录链，每条记录都带有前一条的摘要。核验会从头重新计算，并逐条对照，任何事后修改或删除都会被发现。
        </Text>
        <Button id="verify-button" type="primary" block loading={verifying} onClick={verify}>
          核验本案记录
        </Button>
      </Card>

      {verifying && !report ? <Skeleton rows={3} /> : null}
      {state.status === 'error' && !report ? (
        <Card id="verify-error">
          <Text className="evidence-page__verdict evidence-page__verdict--bad">未能完成核验</Text>
          <Text className="muted evidence-page__note">{state.error?.message}</Text>
        </Card>
      ) : null}
      {report ? <ReportCard report={report} /> : null}

      <SealCard
        seal={report ? report.seal : undefined}
        canSeal={canSeal(detail.myRole)}
        busy={seal.busy}
        lastSeal={evidence.lastSeal(caseId)}
        onSeal={() => void sealNow()}
      />

      <ExportCard caseId={caseId} />
    </View>
  );
}

export default observer(EvidencePage);
