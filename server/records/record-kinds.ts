/**
 * What each record kind's versions hash (DESIGN §4): from a stored version's structured fields, the object whose
 * canonical JSON its `content_hash` covers, and the title and excerpt shown in lists. `verify` recomputes a
 * version's canonical text from these; the publishing actions build it with the same functions.
 */
import type { MemoContent } from '../../contract/memos';
import { REQUEST_CATEGORY_LABELS, type AnswerKind, type RequestCategory } from '../../contract/requests';
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

/** A client request's stored content (version 1, written by the client). */
export interface StoredRequestContent {
  category: RequestCategory;
  body: string;
  aboutUpdateId: string | null;
  /** The reply time promised when it was written (office hours and reply promise of the answering lawyer). */
  promisedBy: string | null;
}

/** A client task's stored content (version 1, assigned by the lawyer). */
export interface StoredTaskContent {
  title: string;
  details: string | null;
  dueDate: string;
  assigneeId: string;
  assigneeName: string;
  statementItem: { statementId: string; itemId: string; text: string; versionNo: number } | null;
}

/** What a reply does to its parent: a request's answer (答复 / 接受 / 拒绝), a task's 已完成 / 验收 / 退回. */
export type ReplyAct = AnswerKind | 'done' | 'accept' | 'return';

/** A reply's stored content: a record of its own, whose parent is the record it answers. */
export interface StoredReplyContent {
  parentId: string;
  act: ReplyAct;
  text: string | null;
  /** For a request accepted: by when (Asia/Shanghai date). */
  dueBy: string | null;
}

const REPLY_TITLES: { readonly [A in ReplyAct]: string } = {
  reply: '答复',
  accept: '接受',
  decline: '拒绝',
  done: '已完成',
  return: '退回',
};

/**
 * Kinds added with migration 0006 hash their stored content whole, with the identity that makes a version
 * unique (kind, case, record, version number, note): nothing in the content is left out of the hash.
 */
const wholeContent = (kind: RecordKind) => (v: StoredVersionFields) => ({
  kind,
  caseId: v.caseId,
  recordId: v.recordId,
  versionNo: v.versionNo,
  note: v.note,
  content: v.content,
});

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

interface KindSpec {
  evidence(v: StoredVersionFields): Record<string, unknown>;
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
  memo: {
    evidence: wholeContent('memo'),
    title: (content) => clip((content as MemoContent).conclusions[0]?.text ?? '沟通备忘录', 80),
    excerpt: (content) => clip((content as MemoContent).matters.map((m) => m.text).join('；')),
  },
  request: {
    evidence: wholeContent('request'),
    title: (content) => REQUEST_CATEGORY_LABELS[(content as StoredRequestContent).category],
    excerpt: (content) => clip((content as StoredRequestContent).body),
  },
  task: {
    evidence: wholeContent('task'),
    title: (content) => (content as StoredTaskContent).title,
    excerpt: (content) => clip((content as StoredTaskContent).details ?? ''),
  },
  reply: {
    evidence: wholeContent('reply'),
    title: (content) => REPLY_TITLES[(content as StoredReplyContent).act],
    excerpt: (content) => clip((content as StoredReplyContent).text ?? ''),
  },
};

/**
 * What `publishVersion` takes from a version's kind: the object its hash covers, its list title and excerpt — built
 * by the same functions `verify` rebuilds them with.
 */
export function kindVersionFields(kind: RecordKind, v: StoredVersionFields) {
  const spec = RECORD_KINDS[kind];
  return { evidence: spec.evidence(v), title: spec.title(v.content), excerpt: spec.excerpt(v.content) };
}

export const isRecordKind = (kind: unknown): kind is RecordKind =>
  typeof kind === 'string' && Object.prototype.hasOwnProperty.call(RECORD_KINDS, kind);
