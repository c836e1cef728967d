/**
 * What each record kind's versions hash (DESIGN §4): from a stored version's structured fields, the object whose
 * canonical JSON its `content_hash` covers, and the title and excerpt shown in lists. `verify` recomputes a
 * version's canonical text from these; the publishing actions build it with the same functions.
 */
import type { StatementContent } from '../../contract/statements';
import type { RecordKind } from '../platform/schema';
import { statementEvidence } from '../statements/statements.rules';
import { updateEvidence, updateExcerpt, type StoredUpdateContent } from '../updates/updates.rules';

export interface StoredVersionFields {
  caseId: string;
  recordId: string;
  versionNo: number;
  /** The `content` column, parsed. */
  content: unknown;
  note: string | null;
}

interface KindSpec {
  evidence(v: StoredVersionFields): object;
  title(content: unknown): string;
  excerpt(content: unknown): string;
}

export const RECORD_KINDS: { [K in RecordKind]: KindSpec } = {
  update: {
    evidence: (v) => {
      const content = v.content as StoredUpdateContent;
      return updateEvidence(content, {
        caseId: v.caseId,
        updateId: v.recordId,
        versionNo: v.versionNo,
        stage: content.stage,
        reason: v.note,
      });
    },
    title: (content) => (content as StoredUpdateContent).title,
    excerpt: (content) => updateExcerpt((content as StoredUpdateContent).body),
  },
  statement: {
    evidence: (v) =>
      statementEvidence(v.content as StatementContent, {
        caseId: v.caseId,
        statementId: v.recordId,
        versionNo: v.versionNo,
        changeNote: v.note,
      }),
    title: (content) => (content as StatementContent).title,
    excerpt: () => '',
  },
};

export const isRecordKind = (kind: unknown): kind is RecordKind =>
  typeof kind === 'string' && Object.prototype.hasOwnProperty.call(RECORD_KINDS, kind);
