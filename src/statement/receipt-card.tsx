import { Text, View } from '@tarojs/components';
import type { Receipt } from '@contract/index';
import { CHAIN_NOTE, EvidenceDisclosure, FINGERPRINT_NOTE, chainRows, hashPrefix } from '@/components';
import { formatExactTime } from '@/time/format-time';
import './receipt-card.scss';

/**
 * The client's 知悉回执: who, when (Beijing time), which version; the content fingerprint sits under 存证信息.
 * 知悉 is not agreement (docs/glossary.md §4), and the card says so.
 */
export function ReceiptCard({ receipt, id }: { receipt: Receipt; id?: string }) {
  const rows: [string, string][] = [
    ['客户', receipt.displayName],
    ['知悉时间', `${formatExactTime(receipt.acknowledgedAt, true)}（北京时间）`],
    ['知悉版本', `第 ${receipt.versionNo} 版`],
  ];
  return (
    <View className="receipt-card" id={id} data-testid="receipt-card">
      <View className="receipt-card__head">
        <Text className="receipt-card__check">✓</Text>
        <Text className="receipt-card__title">您已逐条阅读并知悉本告知书</Text>
      </View>
      {rows.map(([label, value]) => (
        <View className="receipt-card__row" key={label}>
          <Text className="receipt-card__label">{label}</Text>
          <Text className="receipt-card__value" data-field={label}>
            {value}
          </Text>
        </View>
      ))}
      <Text className="receipt-card__note">
        知悉表示您已阅读并了解各条内容，不表示同意律师的判断；有疑问仍可在该条下提问。
      </Text>
      <EvidenceDisclosure
        id={id ? `${id}-evidence` : undefined}
        rows={[
          { label: '内容指纹', value: receipt.contentHash },
          { label: '回执编号', value: receipt.acknowledgmentId },
          ...chainRows(receipt.chain),
        ]}
        note={receipt.chain ? `${FINGERPRINT_NOTE}${CHAIN_NOTE}` : FINGERPRINT_NOTE}
      />
    </View>
  );
}

/**
 * One line of a receipt for lists: 第 N 版 · time, and for the lawyer's evidence lists the fingerprint's first
 * characters (clients see it only under 存证信息).
 */
export function receiptLine(receipt: Receipt, withFingerprint = false): string {
  const line = `第 ${receipt.versionNo} 版 · ${formatExactTime(receipt.acknowledgedAt)}`;
  return withFingerprint ? `${line} · 内容指纹 ${hashPrefix(receipt.contentHash)}` : line;
}
