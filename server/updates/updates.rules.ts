import { promiseWarnings, type PromiseWarning } from '../../contract/promise-guard';

/** Pure rules for progress updates: what a version's evidence content is, and when a correction changes it. */

export interface UpdateContent {
  title: string;
  body: string;
  nextSteps: string | null;
  risks: string | null;
}

/** What a stored version holds: the words, and the stage move the update announced (kept by corrections). */
export interface StoredUpdateContent extends UpdateContent {
  stage: { index: number; name: string; reason?: string } | null;
}

export interface VersionIdentity {
  caseId: string;
  updateId: string;
  versionNo: number;
  stage: { index: number; name: string; reason?: string } | null;
  reason: string | null;
}

/**
 * The object whose canonical JSON is hashed for a version. It names the case, update and version number,
 * so the same words published in another place or order hash differently.
 */
export function updateEvidence(content: UpdateContent, identity: VersionIdentity) {
  return {
    kind: 'casetrail.progress-update',
    caseId: identity.caseId,
    updateId: identity.updateId,
    versionNo: identity.versionNo,
    title: content.title,
    body: content.body,
    nextSteps: content.nextSteps,
    risks: content.risks,
    stage: identity.stage,
    reason: identity.reason,
  };
}

/** The words alone, in a fixed form: a correction must change them. */
export function updateContentKey(c: UpdateContent): string {
  return JSON.stringify([c.title, c.body, c.nextSteps, c.risks]);
}

/** The start of the body shown on the timeline. */
export function updateExcerpt(body: string): string {
  return Array.from(body).slice(0, 120).join('');
}

/** Timeline cursors are opaque to clients: base64url of the last entry's sort key. */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through: a malformed cursor is treated as invalid input
  }
  return null;
}

/** Promise language in an update (the publish page warns before; the version keeps what was found). */
export function updatePromiseWarnings(c: UpdateContent): PromiseWarning[] {
  return promiseWarnings([
    { path: 'title', text: c.title },
    { path: 'body', text: c.body },
    { path: 'nextSteps', text: c.nextSteps },
    { path: 'risks', text: c.risks },
  ]);
}
