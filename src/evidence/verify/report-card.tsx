import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Finding, VerifyReport } from '@contract/index';
import { Card, hashPrefix } from '@/components';
import { formatExactTime } from '@/time/format-time';

function copyHead(head: string) {
  Taro.setClipboardData({ data: head }).then(
    () => Taro.showToast({ title: '记录摘要已复制', icon: 'none' }),
    () => Taro.showToast({ title: '复制失败，请长按选择', icon: 'none' }),
  );
}

/** One problem in the record: its message on the line, where it is (表/行/字段) behind a tap. */
function FindingRow({ finding, index }: { finding: Finding; index: number }) {
  const [open, setOpen] = useState(false);
  const where: [string, string | null][] = [
    ['表', finding.table],
    ['行', finding.row],
    ['字段', finding.field],
  ];
  return (
    <View className="evidence-page__finding" data-testid="finding" data-code={finding.code}>
      <Text className="evidence-page__finding-message">
        {index + 1}. {finding.message}
      </Text>
      <View
        className="evidence-page__toggle"
        role="button"
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => setOpen(!open)}
      >
        <Text>{open ? '收起位置' : '查看位置（表 / 行 / 字段）'}</Text>
      </View>
      {open ? (
        <View className="evidence-page__where">
          {where.map(([label, value]) => (
            <View className="evidence-page__where-row" key={label}>
              <Text className="evidence-page__where-label">{label}</Text>
              <Text className="evidence-page__mono" data-field={label}>
                {value ?? '—'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** The answer of 「核验本案记录」: intact with the head of the record, or every problem found. */
export function ReportCard({ report }: { report: VerifyReport }) {
  return (
    <Card id="verify-result" className="evidence-page__result" title="核验结果">
      <View aria-live="polite" data-valid={report.valid ? 'true' : 'false'}>
        {report.valid ? (
          <Text className="evidence-page__verdict evidence-page__verdict--ok" id="verify-verdict">
            ✓ 记录完整：共 {report.events} 条事件，未发现任何修改
          </Text>
        ) : (
          <Text className="evidence-page__verdict evidence-page__verdict--bad" id="verify-verdict">
            ✗ 发现 {report.findingCount} 处问题
          </Text>
        )}
      </View>
      {report.headHash ? (
        <View className="evidence-page__line">
          <Text className="evidence-page__label">记录摘要</Text>
          <Text className="evidence-page__mono" id="head-hash" data-full={report.headHash}>
            {hashPrefix(report.headHash)}…
          </Text>
          <View
            className="link evidence-page__copy"
            id="copy-head-hash"
            role="button"
            aria-label="复制完整的记录摘要"
            onClick={() => copyHead(report.headHash!)}
          >
            <Text>复制完整摘要</Text>
          </View>
        </View>
      ) : null}
      <View className="evidence-page__line">
        <Text className="evidence-page__label">核验时间</Text>
        <Text id="checked-at">{formatExactTime(report.checkedAt, true)}</Text>
      </View>
      {report.valid ? (
        <Text className="muted evidence-page__note">
          记录摘要代表本案到此为止的全部记录，随每条新记录变化。保存完整摘要，日后可据以核对这些记录没有被改动。
        </Text>
      ) : (
        <View id="verify-findings">
          {report.brokenAt != null ? (
            <Text className="evidence-page__broken">记录链自第 {report.brokenAt} 条起不再相连</Text>
          ) : null}
          {report.findings.map((finding, index) => (
            <FindingRow key={`${finding.code}-${index}`} finding={finding} index={index} />
          ))}
          {report.findingCount > report.findings.length ? (
            <Text className="muted evidence-page__note">
              仅列出前 {report.findings.length} 处，共 {report.findingCount} 处。
            </Text>
          ) : null}
        </View>
      )}
    </Card>
  );
}
