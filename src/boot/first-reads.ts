import type { ActionName } from '@contract/index';
import { TIMELINE_PAGE } from '@/stores/page-sizes';

/** One read a screen makes as it opens. */
export interface FirstRead {
  action: ActionName;
  payload: Record<string, unknown>;
}

/**
 * The reads each first screen makes as it opens, by the page in the H5 address (`#/pages/case/index?id=…`; no
 * address is the home page). The H5 page's boot script (src/boot/prefetch.boot.ts) sends them while the app's
 * script is still downloading; the app then takes each answer instead of asking again. A read listed here that
 * the page does not make is one wasted request, and a read the page makes that is missing here is simply sent
 * by the app: case-page.test.tsx and first-reads.test.ts keep the two lists equal.
 */
export function firstReads(hash: string): FirstRead[] {
  const [path, query = ''] = hash.replace(/^#?\/?/, '').split('?');
  const params = new URLSearchParams(query);
  if (path === '' || path === 'pages/index/index') {
    return [
      { action: 'session.me', payload: {} },
      { action: 'case.list', payload: {} },
    ];
  }
  const caseId = params.get('id');
  if (path === 'pages/case/index' && caseId) {
    return [
      { action: 'case.get', payload: { caseId } },
      { action: 'case.timeline', payload: { caseId, limit: TIMELINE_PAGE } },
      { action: 'statement.list', payload: { caseId } },
      { action: 'memo.list', payload: { caseId, cursor: null } },
      { action: 'task.list', payload: { caseId, cursor: null } },
      { action: 'request.list', payload: { caseId, cursor: null } },
      { action: 'notification.settings', payload: {} },
    ];
  }
  return [];
}

/** The same read gets the same key, whatever the order of its payload's fields. */
export function readKey(action: string, payload: unknown): string {
  const fields = payload && typeof payload === 'object' ? Object.keys(payload).sort() : undefined;
  return `${action} ${JSON.stringify(payload ?? null, fields)}`;
}
