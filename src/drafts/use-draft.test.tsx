import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { taroMock } from '../../tests/mocks/taro';
import { draftStorageKey, loadDraft, saveDraft, type DraftKey } from './draft-store';
import { DraftOffer } from './draft-offer';
import { useDraft } from './use-draft';

const key: DraftKey = { userId: 'u-1', caseId: 'case-1', kind: 'memo' };

function MemoForm({ onSent }: { onSent?: () => void }) {
  const [text, setText] = useState('');
  const draft = useDraft({ key, value: text, isEmpty: (t) => t.trim() === '', onRestore: setText });
  return (
    <div>
      <DraftOffer draft={draft} />
      <textarea aria-label="正文" value={text} onChange={(e) => setText(e.target.value)} />
      <button
        onClick={() => {
          draft.clear();
          onSent?.();
        }}
      >
        发送
      </button>
    </div>
  );
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('drafts', () => {
  it('keys drafts by person, case, form and record', () => {
    expect(draftStorageKey(key)).not.toBe(draftStorageKey({ ...key, userId: 'u-2' }));
    expect(draftStorageKey(key)).not.toBe(draftStorageKey({ ...key, caseId: 'case-2' }));
    expect(draftStorageKey(key)).not.toBe(draftStorageKey({ ...key, kind: 'update' }));
    expect(draftStorageKey(key)).not.toBe(draftStorageKey({ ...key, recordId: 'memo-9' }));
  });

  it('ignores a stored value it cannot read', () => {
    taroMock.storage.set(draftStorageKey(key), '{not json');
    expect(loadDraft(key)).toBeNull();
  });

  it('keeps what was typed and offers it back after the page was left', () => {
    const first = render(<MemoForm />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '约定周五前补交流水' } });
    act(() => void jest.advanceTimersByTime(500));
    first.unmount();

    render(<MemoForm />);
    expect(screen.getByText(/有一份未发送的草稿/)).toBeTruthy();
    fireEvent.click(screen.getByText('恢复草稿'));
    expect((screen.getByLabelText('正文') as HTMLTextAreaElement).value).toBe('约定周五前补交流水');
  });

  it('saves a change still waiting for its debounce when the page goes away', () => {
    const first = render(<MemoForm />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '半句话' } });
    first.unmount();
    expect(loadDraft<string>(key)?.value).toBe('半句话');
  });

  it('forgets the draft once the server accepted it', () => {
    const first = render(<MemoForm />);
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '已发送的内容' } });
    fireEvent.click(screen.getByText('发送'));
    first.unmount();
    expect(loadDraft(key)).toBeNull();
    render(<MemoForm />);
    expect(screen.queryByText('恢复草稿')).toBeNull();
  });

  it('drops the offered draft on 丢弃 but keeps what was typed meanwhile', () => {
    saveDraft(key, '旧草稿', Date.parse('2025-03-08T06:00:00Z'));
    render(<MemoForm />);
    expect(screen.getByText(/保存于 2025-03-08 14:00/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('正文'), { target: { value: '新写的' } });
    fireEvent.click(screen.getByText('丢弃'));
    expect(screen.queryByText('恢复草稿')).toBeNull();
    expect(loadDraft<string>(key)?.value).toBe('新写的');
  });
});
