import { Text, View } from '@tarojs/components';
import type { SealState } from '@contract/index';
import { Button, Card } from '@/components';
import type { SealOutcome } from '@/stores/evidence.store';
import { formatExactTime } from '@/time/format-time';

/** What a seal did, in full sentences: what went into the firm log, and whether a timestamp was taken. */
export function sealSummary(outcome: SealOutcome): { sealed: string; timestamp: string } {
  let sealed: string;
  if (outcome.firmSeq == null) sealed = '还没有可封存的记录';
  else if (outcome.appended > 0)
    sealed = `已封存：本次将 ${outcome.appended} 个案件的最新记录写入律所总日志（总日志第 ${outcome.firmSeq} 条）`;
  else sealed = `已封存：上次封存后没有新记录，律所总日志仍为第 ${outcome.firmSeq} 条`;
  const timestamp = outcome.timestamp
    ? `已取得可信时间戳：${outcome.timestamp.tsaUrl}，${formatExactTime(outcome.timestamp.genTime, true)}`
    : `未取得可信时间戳：${outcome.timestampError ?? '时间戳服务没有答复'}`;
  return { sealed, timestamp };
}

/** The short toast after a seal; the page keeps the full sentences. */
export function sealToast(outcome: SealOutcome): string {
  if (outcome.firmSeq == null) return '没有可封存的记录';
  return outcome.timestamp ? '已封存并取得可信时间戳' : '已封存，未取得可信时间戳';
}

function SealLines({ seal }: { seal: SealState | null }) {
  if (!seal) return <Text id="seal-sealed">本案记录尚未封存至律所总日志</Text>;
  return (
    <View>
      <Text id="seal-sealed" className="evidence-page__state-line">
        已封存至律所总日志（第 {seal.firmSeq} 条，{formatExactTime(seal.sealedAt, true)}），含本案前{' '}
        {seal.caseSeq} 条记录
      </Text>
      {seal.timestamp ? (
        <Text id="seal-timestamp" className="evidence-page__state-line">
          可信时间戳：{seal.timestamp.tsaUrl}，{formatExactTime(seal.timestamp.genTime, true)}
          {seal.timestamp.checked ? '' : '（仅核对了时间戳所盖的记录摘要，签发证书未作核验）'}
        </Text>
      ) : (
        <Text id="seal-timestamp" className="evidence-page__state-line evidence-page__state-line--warn">
          尚未取得可信时间戳
        </Text>
      )}
      {seal.behind ? (
        <Text id="seal-behind" className="evidence-page__state-line muted">
          之后有新记录，将在下次封存时纳入
        </Text>
      ) : null}
    </View>
  );
}

export interface SealCardProps {
  /** The seal state from the last check; undefined before the first one. */
  seal: SealState | null | undefined;
  canSeal: boolean;
  busy: boolean;
  lastSeal: SealOutcome | undefined;
  onSeal: () => void;
}

/**
 * The record held outside the database (DESIGN §4): the case's head sealed into the firm log and the trusted
 * timestamp over it. Lawyers can seal now; everyone sees where the case stands.
 */
export function SealCard({ seal, canSeal, busy, lastSeal, onSeal }: SealCardProps) {
  const summary = lastSeal ? sealSummary(lastSeal) : null;
  return (
    <Card title="封存与可信时间戳" id="seal-state">
      <Text className="muted evidence-page__note">
        封存把本案记录的最新摘要写入律所总日志；可信时间戳由第三方时间戳服务（TSA）签发，证明这份记录在该时间之前已经存在。
      </Text>
      {seal === undefined ? (
        <Text className="muted" id="seal-unknown">
          核验本案记录后，这里显示封存状态。
        </Text>
      ) : (
        <SealLines seal={seal} />
      )}
      {canSeal ? (
        <View className="evidence-page__seal-action">
          <Button id="seal-button" block loading={busy} onClick={onSeal}>
            立即封存并申请时间戳
          </Button>
        </View>
      ) : null}
      {summary ? (
        <View id="seal-result" className="evidence-page__outcome" aria-live="polite">
          <Text className="evidence-page__state-line">{summary.sealed}</Text>
          <Text
            className={
              lastSeal?.timestamp
                ? 'evidence-page__state-line'
                : 'evidence-page__state-line evidence-page__state-line--warn'
            }
          >
            {summary.timestamp}
          </Text>
        </View>
      ) : null}
    </Card>
  );
}
