import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { findPromises, promiseRule, type PromiseWarning } from '@contract/promise-guard';
import './promise-guard-ui.scss';

/** How the lawyer sends the text: a version is 发布'd, an answer 发送'd. */
export type SendVerb = '发布' | '发送';

/** What the guard found, one entry per rule: the words, the rule's name and why it matters. */
function byRule(found: { phrase: string; rule: string; message: string }[]) {
  const groups: { rule: string; name: string; message: string; phrases: string[] }[] = [];
  for (const { phrase, rule, message } of found) {
    let group = groups.find((g) => g.rule === rule);
    if (!group) {
      const known = promiseRule(rule);
      // Warnings stored before rules had messages carry none: the rule's own message stands in.
      group = { rule, name: known.name, message: message || known.message, phrases: [] };
      groups.push(group);
    }
    if (!group.phrases.includes(phrase)) group.phrases.push(phrase);
  }
  return groups;
}

const quoted = (phrases: string[]) => phrases.map((phrase) => `「${phrase}」`).join('');

/** Under a field: the words the guard found in its text, each rule named with why. Nothing for clean text. */
export function PromiseHint({ text, id }: { text: string; id?: string }) {
  const groups = byRule(findPromises(text));
  if (groups.length === 0) return null;
  return (
    <View className="promise-hint" id={id} data-testid="promise-hint">
      {groups.map((group) => (
        <View key={group.rule} className="promise-hint__rule">
          <Text className="promise-hint__line">
            {quoted(group.phrases)}属于{group.name}，请修改
          </Text>
          <Text className="promise-hint__why">{group.message}</Text>
        </View>
      ))}
    </View>
  );
}

/** Above the send button: how many findings, where, and under which rule. */
export function PromiseSummary({
  warnings,
  describe,
  verb = '发布',
}: {
  warnings: PromiseWarning[];
  describe: (path: string) => string;
  verb?: SendVerb;
}) {
  if (warnings.length === 0) return null;
  return (
    <View className="promise-summary" id="promise-summary">
      <Text className="promise-summary__title">发现 {warnings.length} 处执业规范禁止的用语</Text>
      {warnings.map((w, index) => (
        <Text key={`${w.path}-${w.phrase}-${index}`} className="promise-summary__line">
          {describe(w.path)}：「{w.phrase}」（{promiseRule(w.rule).name}）
        </Text>
      ))}
      <Text className="promise-summary__note">
        {`律师不得承诺案件结果、暗示与办案人员的特殊关系、宣传胜诉率，也不得在禁止的案件中按结果收费。仍可${verb}，但该提示会一并存档。`}
      </Text>
    </View>
  );
}

/**
 * Asks before sending text the guard warns about. A warning, not an error: resolves true when the lawyer
 * chooses 仍然发布 / 仍然发送. (WeChat limits modal buttons to four characters, so the advice sits in the text.)
 */
export async function confirmSendDespite(warnings: PromiseWarning[], verb: SendVerb): Promise<boolean> {
  if (warnings.length === 0) return true;
  const found = byRule(warnings)
    .map((group) => `${quoted(group.phrases)}属于${group.name}`)
    .join('；');
  const { confirm } = await Taro.showModal({
    title: '可能违反执业规范',
    content: `${found}。建议修改后再${verb}。`,
    cancelText: '返回修改',
    confirmText: `仍然${verb}`,
    confirmColor: '#e5484d',
  });
  return confirm;
}

/** The publish pages' question: 返回修改 or 仍然发布. */
export const confirmPublishDespite = (warnings: PromiseWarning[]) => confirmSendDespite(warnings, '发布');
