import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as statements from './0002-statements';
import * as recordKernel from './0003-record-kernel';
import * as answerWarnings from './0004-answer-warnings';
import * as evidence from './0005-evidence';
import * as communication from './0006-communication';
import * as notifications from './0007-notifications';
import * as membership from './0008-membership';
import * as privacy from './0009-privacy';
import * as limits from './0010-limits';
import * as paging from './0011-paging';

/** Every migration, by name (listed here, not read from disk, so the esbuild bundle carries them). */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-statements': statements,
  '0003-record-kernel': recordKernel,
  '0004-answer-warnings': answerWarnings,
  '0005-evidence': evidence,
  '0006-communication': communication,
  '0007-notifications': notifications,
  '0008-membership': membership,
  '0009-privacy': privacy,
  '0010-limits': limits,
  '0011-paging': paging,
};
