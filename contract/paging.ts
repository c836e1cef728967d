import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * Keyset paging of a list action, as `case.list` and `case.timeline` do it: an opaque `cursor` (the previous
 * page's `nextCursor`; absent for the first page) and a `limit` of at most `LIMITS.pageSize` rows. Callers that
 * send neither get the first `LIMITS.pageSize` rows.
 */
export const pageFields = {
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(LIMITS.pageSize),
};

/** The position after a page's last row; null on the last page. */
export const nextCursor = z.string().nullable();

/** The most members `invite.list` returns for one case (far above any real case; a bound, not a page). */
export const MEMBER_LIST_CAP = 200;
