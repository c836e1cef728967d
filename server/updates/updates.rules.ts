/** Pure rules for progress updates: what a version's evidence content is, and when a correction changes it. */

export interface UpdateContent {
  title: string;
  body: string;
  nextSteps: string | null;
  risks: string | null;
}

export interface VersionIdentity {
  caseId: string;
  updateId: string;
  versionNo: number;
  stage: { index: number; name: string } | null;
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

export function sameContent(a: UpdateContent, b: UpdateContent): boolean {
  return a.title === b.title && a.body === b.body && a.nextSteps === b.nextSteps && a.risks === b.risks;
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
