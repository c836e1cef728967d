import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { findPromisePhrases, type PromiseWarning } from '@contract/promise-guard';
import './promise-guard-ui.scss';

/** What the editor says about one promise phrase. */
export function promiseMessage(phrase: string): string {
  return `「${phrase}」属于结果承诺，律师不得承诺案件结果，请修改`;
}

/** Under a field: every promise phrase its text contains, named. Renders nothing for clean text. */
export function PromiseHint({ text, id }: { text: string; id?: string }) {
  const phrases = findPromisePhrases(text);
  if (phrases.length === 0) return null;
  return (
    <View className="promise-hint" id={id} data-testid="promise-hint">
      {phrases.map((phrase) => (
        <Text key={phrase} className="promise-hint__line">
          {promiseMessage(phrase)}
        </Text>
      ))}
    </View>
  );
}

/** Above the publish button: how many phrases, and where. */
export function PromiseSummary({
  warnings,
  describe,
}: {
  warnings: PromiseWarning[];
  describe: (path: string) => string;
}) {
  if (warnings.length === 0) return null;
  return (
    <View className="promise-summary" id="promise-summary">
      <Text className="promise-summary__title">发现 {warnings.length} 处结果承诺用语</Text>
      {warnings.map((w, index) => (
        <Text key={`${w.path}-${w.phrase}-${index}`} className="promise-summary__line">
          {describe(w.path)}：「{w.phrase}」
        </Text>
      ))}
      <Text className="promise-summary__note">
        律师不得承诺案件结果。仍可发布，但该提示会随版本一并存档。
      </Text>
    </View>
  );
}

/**
 * Asks before publishing text with promise language. A warning, not an error: resolves true when the lawyer
 * chooses 仍然发布. (WeChat limits modal buttons to four characters, so the advice sits in the text.)
 */
export async function confirmPublishDespite(warnings: PromiseWarning[]): Promise<boolean> {
  if (warnings.length === 0) return true;
  const phrases = [...new Set(warnings.map((w) => `「${w.phrase}」`))].join('');
  const { confirm } = await Taro.showModal({
    title: '含有结果承诺用语',
    content: `${phrases}属于结果承诺，律师不得承诺案件结果。建议修改后再发布。`,
    cancelText: '返回修改',
    confirmText: '仍然发布',
    confirmColor: '#e5484d',
  });
  return confirm;
}
