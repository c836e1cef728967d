import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, STATEMENT_LIMITS, TextArea } from '@/components';
import { toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useStores } from '@/stores';

/**
 * The 提问 button under an item (a 44 px tall button, not a link); opens a box for a written question the lawyer
 * answers in writing.
 */
export function AskForm({
  statementId,
  versionNo,
  itemId,
}: {
  statementId: string;
  versionNo: number;
  itemId: string;
}) {
  const { statements } = useStores();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { busy, run } = useSubmission();

  const submit = async () => {
    if (!text.trim()) return;
    await run((options) => statements.ask(statementId, versionNo, itemId, text, options), {
      onSuccess: () => {
        toastSuccess('已提交问题');
        setText('');
        setOpen(false);
      },
    });
  };

  if (!open) {
    return (
      <Button
        id={`ask-link-${itemId}`}
        type="plain"
        size="small"
        className="statement-item__ask"
        onClick={() => setOpen(true)}
      >
        对此条有疑问？提问
      </Button>
    );
  }
  return (
    <View className="statement-item__ask-form">
      <TextArea
        id={`ask-input-${itemId}`}
        label="您的问题（律师会书面回复）"
        value={text}
        onChange={setText}
        maxLength={STATEMENT_LIMITS.question}
        height={72}
      />
      <View className="actions">
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button
          id={`ask-submit-${itemId}`}
          size="small"
          type="primary"
          disabled={!text.trim()}
          loading={busy}
          onClick={() => void submit()}
        >
          提交问题
        </Button>
      </View>
    </View>
  );
}
