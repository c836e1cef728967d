import { observer } from 'mobx-react-lite';
import { Text, View } from '@tarojs/components';
import type { ItemChange, Question } from '@contract/index';
import { ItemDiff } from '@/components';
import { keyboardPress } from '@/components/keyboard-press';
import { formatExactTime } from '@/time/format-time';

export interface ItemCardProps {
  itemId: string;
  /** Null for an item removed since the client's last acknowledgment (shown struck through). */
  text: string | null;
  /** The item's 依据, shown under it as 「依据：……」. */
  basis?: string | null;
  change?: ItemChange;
  questions: Question[];
  /** Shown when the client still has to acknowledge this version. */
  checkbox?: { checked: boolean; onToggle: () => void };
  /** The 提问 link and its form (clients only). */
  askSlot?: React.ReactNode;
}

const QuestionThread = observer(function QuestionThread({ question }: { question: Question }) {
  return (
    <View className="statement-question" data-testid="item-question">
      <Text className="statement-question__q">
        问：{question.question}
        <Text className="statement-question__meta">
          {' '}
          — {question.askedByName} {formatExactTime(question.askedAt)}
        </Text>
      </Text>
      {question.answer ? (
        <Text className="statement-question__a">
          答：{question.answer.text}
          <Text className="statement-question__meta">
            {' '}
            — {question.answer.answeredByName} {formatExactTime(question.answer.answeredAt)}
          </Text>
        </Text>
      ) : (
        <Text className="statement-question__waiting">等待律师回复</Text>
      )}
    </View>
  );
});

/**
 * One item of a statement: its text and 依据 (with what changed), questions and answers, and the ask slot. While
 * the client still has to acknowledge, the text and the 我已阅读并知悉 line are one tap target (role checkbox):
 * tapping anywhere on the item ticks it, and each item still needs its own tick (that is the evidence).
 */
export function ItemCard({ itemId, text, basis, change, questions, checkbox, askSlot }: ItemCardProps) {
  const diff = <ItemDiff text={text} basis={basis} change={change} />;
  return (
    <View
      className={`statement-item ${checkbox?.checked ? 'statement-item--checked' : ''}`}
      id={`item-${itemId}`}
      data-testid="statement-item"
    >
      {checkbox ? (
        <View
          className="statement-item__tick"
          id={`ack-check-${itemId}`}
          role="checkbox"
          aria-checked={checkbox.checked ? 'true' : 'false'}
          onClick={checkbox.onToggle}
          {...keyboardPress(checkbox.onToggle)}
        >
          {diff}
          <View className="statement-item__check">
            <Text
              className={`statement-item__box ${checkbox.checked ? 'statement-item__box--on' : ''}`}
              aria-hidden="true"
            >
              {checkbox.checked ? '✓' : ''}
            </Text>
            <Text>我已阅读并知悉</Text>
          </View>
        </View>
      ) : (
        diff
      )}
      {questions.map((q) => (
        <QuestionThread key={q.id} question={q} />
      ))}
      {askSlot}
    </View>
  );
}
