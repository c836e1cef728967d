import { Text, View } from '@tarojs/components';
import type { Receipt } from '@contract/index';
import { hashPrefix } from '@/components';
import { formatExactTime } from '@/time/format-time';
import './receipt-card.scss';

/** The client's acknowledgment as evidence: who, when (Beijing time), which version, which content. */
export function ReceiptCard({ receipt, id }: { receipt: Receipt; id?: string }) {
  const rows: [string, string][] = [
    ['确认人', receipt.displayName],
    ['确认时间', `${formatExactTime(receipt.acknowledgedAt, true)}（北京时间）`],
    ['确认版本', `第 ${receipt.versionNo} 版`],
    ['内容指纹', hashPrefix(receipt.contentHash)],
  ];
  return (
    <View className="receipt-card" id={id} data-testid="receipt-card">
      <View className="receipt-card__head">
        <Text className="receipt-card__check">✓</Text>
        <Text className="receipt-card__title">您已逐条确认本告知书</Text>
      </View>
      {rows.map(([label, value]) => (
        <View className="receipt-card__row" key={label}>
          <Text className="receipt-card__label">{label}</Text>
          <Text className="receipt-card__value" data-field={label}>
            {value}
          </Text>
        </View>
      ))}
      <Text className="receipt-card__note">确认记录已存证，内容指纹可用于核对确认时的告知书内容。</Text>
    </View>
  );
}

/** One line of a receipt for lists: 第 N 版 · time · fingerprint. */
export function receiptLine(receipt: Receipt): string {
  return `第 ${receipt.versionNo} 版 · ${formatExactTime(receipt.acknowledgedAt)} · 指纹 ${hashPrefix(receipt.contentHash)}`;
}
