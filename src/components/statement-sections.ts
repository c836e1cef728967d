import type { SectionKey } from '@contract/index';
export { STATEMENT_LIMITS } from '@contract/limits';

/** The four parts of a statement in reading order (the contract's SECTION_KEYS, without its zod import). */
export const STATEMENT_SECTIONS: readonly { key: SectionKey; label: string; hint: string }[] = [
  { key: 'worstCase', label: '最坏情况', hint: '案件可能出现的最不利结果' },
  { key: 'weWill', label: '我们会做', hint: '律师承诺履行的工作（过程，不是结果）' },
  { key: 'weCannot', label: '我们不能做·不承诺', hint: '律师不能做或不能保证的事项' },
  { key: 'youMust', label: '需要您配合', hint: '客户需要提供的材料和配合事项' },
];

/** A content fingerprint as receipts show it: the first 8 hex characters of the SHA-256. */
export function hashPrefix(contentHash: string): string {
  return contentHash.slice(0, 8);
}
