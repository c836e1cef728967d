import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { keyboardPress } from './keyboard-press';
import './evidence-disclosure.scss';

export interface EvidenceRow {
  label: string;
  value: string;
}

/**
 * 「存证信息」: the evidence details (the content fingerprint and its kin) behind a tap, so the reading path stays
 * in plain words (docs/glossary.md §5). Closed by default; rows carry `data-field` for tests.
 */
export function EvidenceDisclosure({ id, rows, note }: { id?: string; rows: EvidenceRow[]; note?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="ct-evidence" id={id} data-testid="evidence">
      <View
        className="ct-evidence__toggle"
        role="button"
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => setOpen(!open)}
        {...keyboardPress(() => setOpen(!open))}
      >
        <Text className="ct-evidence__label">存证信息</Text>
        <Text className="ct-evidence__chevron">{open ? '收起' : '展开'}</Text>
      </View>
      {open ? (
        <View className="ct-evidence__body">
          {rows.map((row) => (
            <View className="ct-evidence__row" key={row.label}>
              <Text className="ct-evidence__row-label">{row.label}</Text>
              <Text className="ct-evidence__value" data-field={row.label}>
                {row.value}
              </Text>
            </View>
          ))}
          {note ? <Text className="ct-evidence__note">{note}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

/** The rows every version's 存证信息 starts with. */
export function fingerprintRows(contentHash: string, versionNo: number): EvidenceRow[] {
  return [
    { label: '版本', value: `第 ${versionNo} 版` },
    { label: '内容指纹', value: contentHash },
  ];
}

export const FINGERPRINT_NOTE =
  '内容指纹（SHA-256）由发布时的内容计算得出：内容有任何改动，内容指纹都会不同，可据此核对您看到的内容。';

/** The case-record position a receipt was written at: the client's own copy of the record's state then. */
export function chainRows(chain: { seq: number; head: string } | null): EvidenceRow[] {
  if (!chain) return [];
  return [
    { label: '记录位置', value: `本案第 ${chain.seq} 条记录` },
    { label: '记录摘要', value: chain.head },
  ];
}

export const CHAIN_NOTE =
  '记录位置与记录摘要是本回执写入时全案记录的状态；保存本回执后，可用它核验之后的记录没有被删减或改写。';
