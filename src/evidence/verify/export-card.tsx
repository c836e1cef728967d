import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Card } from '@/components';
import { toastFailure } from '@/feedback/toast';
import { describeOutcome, saveTextFile, type TextFile } from '@/evidence/save-file';
import { useStores } from '@/stores';
import type { CaseExport } from '@/stores/evidence.store';

type Format = 'html' | 'json';

const BUNDLE_NAME = '核验包（JSON）';
const BUNDLE_EXPLAINED =
  '书面记录汇编按时间列出本案的书面记录（进展、告知书、知悉回执）及其存证信息，可直接打印存档。' +
  '客户导出的副本不含其他客户的个人信息：其他客户的操作只以其在事件链中的位置与摘要出现，核验时会注明条数。' +
  '核验包（JSON）是同一份记录的原始数据，连同律所总日志的封存和可信时间戳：交给法院、仲裁机构或对方后，' +
  '对方无需登录律程，用 ';
const BUNDLE_EXPLAINED_END = ' 即可离线逐条核验，看出记录写入后是否被修改或删除。';

function fileOf(exported: CaseExport, format: Format): TextFile {
  return format === 'html'
    ? { name: `${exported.fileName}.html`, text: exported.html, mime: 'text/html' }
    : { name: `${exported.fileName}.json`, text: exported.bundle, mime: 'application/json' };
}

/** 「导出书面记录汇编」: one export from the server, saved as the printable HTML and as the JSON bundle. */
export function ExportCard({ caseId }: { caseId: string }) {
  const { evidence } = useStores();
  const [busy, setBusy] = useState<Format | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const save = async (format: Format) => {
    setBusy(format);
    try {
      const exported = await evidence.exportCase(caseId);
      const outcome = await saveTextFile(fileOf(exported, format), {
        fallback: { text: exported.bundle, what: BUNDLE_NAME },
      });
      const { title, icon } = describeOutcome(outcome);
      setResult(title);
      Taro.showToast({ title, icon, duration: 2500 });
    } catch (e) {
      toastFailure(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="导出书面记录汇编" id="export-section">
      <Text className="muted evidence-page__note">
        {BUNDLE_EXPLAINED}
        <Text className="evidence-page__mono">npm run verify-bundle</Text>
        {BUNDLE_EXPLAINED_END}
      </Text>
      <View className="evidence-page__export-actions">
        <Button
          id="export-html"
          type="primary"
          block
          loading={busy === 'html'}
          disabled={busy === 'json'}
          onClick={() => void save('html')}
        >
          导出 HTML（可打印）
        </Button>
        <Button
          id="export-json"
          block
          loading={busy === 'json'}
          disabled={busy === 'html'}
          onClick={() => void save('json')}
        >
          导出核验包（JSON）
        </Button>
      </View>
      {result ? (
        <Text className="evidence-page__outcome" id="export-result" aria-live="polite">
          {result}
        </Text>
      ) : null}
    </Card>
  );
}
