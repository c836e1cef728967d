import type { SectionKey } from '@contract/index';
import type { STATEMENT_LIMITS as ContractLimits } from '@contract/statements';

/**
 * The contract's STATEMENT_LIMITS, restated because contract/statements.ts imports zod (which the mini-program
 * must not bundle). The type is the contract's literal type, so any drift fails `tsc`.
 */
export const STATEMENT_LIMITS: typeof ContractLimits = {
  title: 80,
  intro: 1000,
  itemText: 300,
  itemsPerSection: 20,
  changeNote: 300,
  question: 500,
  answer: 1000,
};

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
