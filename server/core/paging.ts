import { decodeCursor, encodeCursor } from '../updates/updates.rules';
import { fail, ok, type Result } from './result';

/**
 * Keyset paging of list actions (the cursor `case.list` and `case.timeline` use: the last row's time and id,
 * base64url). A cursor is only a position in the caller's own list: the list's own filters (case, membership,
 * what a client may see) still apply, so a cursor taken from another list or case reveals nothing.
 */
export type PagePosition = { createdAt: string; id: string };

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ROW_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The position a cursor names; a cursor this server did not make is refused with INVALID_ARGUMENT. */
export function readCursor(cursor: string | null | undefined): Result<PagePosition | null> {
  if (!cursor) return ok(null);
  const at = decodeCursor(cursor);
  if (!at || !TIME.test(at.createdAt) || !ROW_ID.test(at.id)) {
    return fail('INVALID_ARGUMENT', [{ path: 'cursor', message: '分页参数无效' }]);
  }
  return ok(at);
}

/**
 * One page out of `limit + 1` rows read in keyset order: the first `limit`, and the cursor after the last of
 * them when another row exists.
 */
export function takePage<T>(
  rows: readonly T[],
  limit: number,
  position: (row: T) => PagePosition,
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? position(last) : null;
  return { rows: page, nextCursor: next && encodeCursor(next.createdAt, next.id) };
}

/**
 * A page whose visibility test runs outside SQL (e.g. on a record's content): reads `limit + 1` rows at a time in
 * keyset order from `after`, keeps those `visible`, and stops once it holds more than `limit` or the rows run out.
 * The cursor is the last kept row, so nothing kept is skipped or repeated.
 */
export async function collectPage<T>(
  read: (after: PagePosition | null, count: number) => Promise<T[]>,
  visible: (row: T) => boolean,
  page: { after: PagePosition | null; limit: number },
  position: (row: T) => PagePosition,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const kept: T[] = [];
  let at = page.after;
  for (;;) {
    const batch = await read(at, page.limit + 1);
    kept.push(...batch.filter(visible));
    const last = batch[batch.length - 1];
    if (kept.length > page.limit || batch.length < page.limit + 1 || !last) break;
    at = position(last);
  }
  return takePage(kept, page.limit, position);
}
