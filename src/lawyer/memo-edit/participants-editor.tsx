import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MEMO_LIMITS } from '@contract/limits';
import { Button } from '@/components';
import { addParticipant } from '@/comm/shared/memo-model';

/** 参与人员: the names as chips (× removes one), and a box to add a name. */
export function ParticipantsEditor({
  names,
  onChange,
  error,
}: {
  names: string[];
  onChange: (names: string[]) => void;
  error?: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft.trim()) return;
    onChange(addParticipant(names, draft));
    setDraft('');
  };
  return (
    <View className="participants" id="memo-participants">
      <Text className="form-label">
        参与人员<Text className="point-editor__required"> *</Text>
      </Text>
      <View className="participants__chips">
        {names.map((name, index) => (
          <View key={name} className="participants__chip" data-testid="memo-participant">
            <Text>{name}</Text>
            <View
              className="participants__remove"
              id={`memo-participant-remove-${index}`}
              role="button"
              aria-label={`移除 ${name}`}
              onClick={() => onChange(names.filter((n) => n !== name))}
            >
              ×
            </View>
          </View>
        ))}
        {names.length === 0 ? <Text className="muted">还没有参与人员</Text> : null}
      </View>
      <View className="participants__add">
        <Input
          id="memo-participant-input"
          className="participants__input"
          value={draft}
          maxlength={MEMO_LIMITS.participant}
          placeholder="添加参与人员姓名"
          confirmType="done"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <Button
          id="memo-participant-add"
          size="small"
          type="plain"
          disabled={!draft.trim() || names.length >= MEMO_LIMITS.participants}
          onClick={add}
        >
          添加
        </Button>
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
    </View>
  );
}
