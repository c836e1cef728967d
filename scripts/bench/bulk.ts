/**
 * Bulk rows written straight into the kernel's tables with direct SQL, in the shape the API writes them
 * (canonical evidence text and its SHA-256, excerpts, author names, the member read model kept in step).
 * Not on the case chain: no case_events rows are written for them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { STAGE_TEMPLATES, type CaseType } from '../../contract/case-types';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { canonicalJson, sha256Hex } from '../../server/platform/crypto';
import { updateEvidence, updateExcerpt, type StoredUpdateContent } from '../../server/updates/updates.rules';
import { UPDATE_BODY, type PublishedStatement } from './api';
import type { Store } from './engines';

const EPOCH = Date.parse('2020-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(EPOCH + minutes * 60_000).toISOString();

/**
 * `count` published updates by the lawyer in the case, older than anything made through the API; the client
 * has read `readByClient` of them (spread over the history). Raises every other member's unread count by what
 * they have not read, as publishing and reading through the API would have.
 */
export async function loadUpdates(
  store: Store,
  u: {
    caseId: string;
    authorId: string;
    authorName: string;
    clientId: string;
    count: number;
    readByClient: number;
  },
): Promise<void> {
  const records: unknown[][] = [];
  const versions: unknown[][] = [];
  const views: unknown[][] = [];
  const every = Math.max(1, Math.floor(u.count / Math.max(1, u.readByClient)));
  for (let i = 0; i < u.count; i++) {
    const id = randomUUID();
    const versionId = randomUUID();
    const when = at(i);
    const content: StoredUpdateContent = {
      title: `案件进展 ${i + 1}`,
      body: UPDATE_BODY,
      nextSteps: i % 3 === 0 ? '等待法院通知开庭时间' : null,
      risks: null,
      stage: null,
    };
    const canonical = canonicalJson(
      updateEvidence(content, { caseId: u.caseId, updateId: id, versionNo: 1, stage: null, reason: null }),
    );
    records.push([id, u.caseId, 'update', u.authorId, when, versionId, 1, when]);
    versions.push([
      versionId,
      id,
      1,
      content.title,
      updateExcerpt(content.body),
      JSON.stringify(content),
      canonical,
      sha256Hex(canonical),
      null,
      '[]',
      u.authorId,
      u.authorName,
      'lawyer',
      when,
    ]);
    if (views.length < u.readByClient && i % every === 0) {
      views.push([versionId, u.clientId, id, 'client', at(i + 30), `bench-read-${i}`, null, null]);
    }
  }
  await store.raw.insertRows(
    'records',
    [
      'id',
      'case_id',
      'kind',
      'created_by',
      'created_at',
      'current_version_id',
      'current_version_no',
      'current_version_at',
    ],
    records,
  );
  await store.raw.insertRows(
    'record_versions',
    [
      'id',
      'record_id',
      'version_no',
      'title',
      'excerpt',
      'content',
      'canonical',
      'content_hash',
      'note',
      'promise_warnings',
      'author_id',
      'author_name',
      'author_role',
      'published_at',
    ],
    versions,
  );
  await store.raw.insertRows(
    'record_views',
    ['version_id', 'user_id', 'record_id', 'role', 'viewed_at', 'request_id', 'client_info', 'source_ip'],
    views,
  );
  await store.raw.exec(
    'update member_case_state set unread_updates = unread_updates + ? where case_id = ? and user_id <> ?',
    [u.count, u.caseId, u.authorId],
  );
  await store.raw.exec(
    'update member_case_state set unread_updates = unread_updates - ? where case_id = ? and user_id = ?',
    [views.length, u.caseId, u.clientId],
  );
}

export interface BulkUser {
  id: string;
  subject: string;
  name: string;
}

async function insertUsers(store: Store, count: number, prefix: string): Promise<BulkUser[]> {
  const users = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    subject: `wx:o-bench-${prefix}-${i}-${randomBytes(4).toString('hex')}`,
    name: `客户${prefix}${i + 1}`,
  }));
  await store.raw.insertRows(
    'users',
    ['id', 'subject', 'display_name', 'is_admin', 'is_lawyer', 'created_at'],
    users.map((u) => [u.id, u.subject, u.name, 0, 0, at(0)]),
  );
  // Each has agreed to the privacy notice in force, or the server would refuse their writes.
  await store.raw.insertRows(
    'privacy_consents',
    ['user_id', 'seq', 'kind', 'version', 'at', 'request_id'],
    users.map((u) => [u.id, 1, 'consent', PRIVACY_NOTICE_VERSION, at(0), `bench-consent-${u.id}`]),
  );
  return users;
}

/**
 * `count` more clients of the case (users, memberships, read-model rows). For each given statement, half of them
 * have viewed it and a quarter acknowledged it (rows in record_views and record_responses as the API writes).
 */
export async function loadClients(
  store: Store,
  c: { caseId: string; count: number; statements?: PublishedStatement[] },
): Promise<BulkUser[]> {
  const clients = await insertUsers(store, c.count, 'c');
  const [unread] = await store.raw.rows<{ n: number }>(
    "select count(*) as n from records where case_id = ? and kind = 'update'",
    [c.caseId],
  );
  const [{ last_activity_at: lastActivity }] = await store.raw.rows<{ last_activity_at: string }>(
    'select last_activity_at from cases where id = ?',
    [c.caseId],
  );
  await store.raw.insertRows(
    'case_members',
    ['case_id', 'user_id', 'role', 'joined_at', 'invite_id'],
    clients.map((u, i) => [c.caseId, u.id, 'client', at(i), null]),
  );
  await store.raw.insertRows(
    'member_case_state',
    ['case_id', 'user_id', 'unread_updates', 'last_activity_at'],
    clients.map((u) => [c.caseId, u.id, Number(unread.n), lastActivity]),
  );
  const views: unknown[][] = [];
  const responses: unknown[][] = [];
  (c.statements ?? []).forEach((s, j) => {
    clients.forEach((u, i) => {
      if ((i + j) % 2 !== 0) return;
      views.push([
        s.versionId,
        u.id,
        s.recordId,
        'client',
        at(i + 60),
        `bench-view-${i}-${j}`,
        null,
        '127.0.0.1',
      ]);
      if ((i + j) % 4 !== 0) return;
      responses.push([
        randomUUID(),
        s.recordId,
        s.versionId,
        s.versionNo,
        u.id,
        u.name,
        'client',
        'acknowledged',
        null,
        s.contentHash,
        at(i + 90),
        `bench-ack-${i}-${j}`,
        JSON.stringify({ platform: 'ios', model: 'iPhone 15' }),
        '127.0.0.1',
      ]);
    });
  });
  await store.raw.insertRows(
    'record_views',
    ['version_id', 'user_id', 'record_id', 'role', 'viewed_at', 'request_id', 'client_info', 'source_ip'],
    views,
  );
  await store.raw.insertRows(
    'record_responses',
    [
      'id',
      'record_id',
      'version_id',
      'version_no',
      'user_id',
      'user_name',
      'role',
      'kind',
      'reason',
      'content_hash',
      'responded_at',
      'request_id',
      'client_info',
      'source_ip',
    ],
    responses,
  );
  return clients;
}

/**
 * `count` more cases of the lawyer, each with its stages (from the case type's template) and one client of its
 * own, and both members' read-model rows; activity spread over time so the list has an order to page by.
 */
export async function loadCases(store: Store, c: { lawyerId: string; count: number }): Promise<void> {
  const clients = await insertUsers(store, c.count, 'k');
  const types: CaseType[] = ['民事', '商事', '劳动', '婚姻家事', '刑事', '行政'];
  const cases: unknown[][] = [];
  const stages: unknown[][] = [];
  const members: unknown[][] = [];
  const states: unknown[][] = [];
  clients.forEach((client, i) => {
    const id = randomUUID();
    const type = types[i % types.length];
    const template = STAGE_TEMPLATES[type];
    const created = at(i * 10);
    const activity = at(i * 10 + 5);
    cases.push([
      id,
      `${client.name}与某公司${type}纠纷（第 ${i + 1} 件）`,
      type,
      `(2025)京0105民初${10000 + i}号`,
      '北京市朝阳区人民法院',
      '某某科技有限公司',
      i % template.length,
      c.lawyerId,
      created,
      activity,
    ]);
    template.forEach((s, idx) => stages.push([id, idx, s.name, s.description]));
    members.push([id, c.lawyerId, 'lawyer', created, null], [id, client.id, 'client', created, null]);
    states.push([id, c.lawyerId, 0, activity], [id, client.id, i % 4, activity]);
  });
  await store.raw.insertRows(
    'cases',
    [
      'id',
      'title',
      'case_type',
      'case_number',
      'court',
      'opposing_party',
      'current_stage_index',
      'created_by',
      'created_at',
      'last_activity_at',
    ],
    cases,
  );
  await store.raw.insertRows('case_stages', ['case_id', 'idx', 'name', 'description'], stages);
  await store.raw.insertRows(
    'case_members',
    ['case_id', 'user_id', 'role', 'joined_at', 'invite_id'],
    members,
  );
  await store.raw.insertRows(
    'member_case_state',
    ['case_id', 'user_id', 'unread_updates', 'last_activity_at'],
    states,
  );
}

/** A live session per user, as dev login would issue it: the token is returned, only its SHA-256 stored. */
export async function loadSessions(store: Store, userIds: string[]): Promise<string[]> {
  const now = new Date();
  const tokens = userIds.map(() => randomBytes(32).toString('base64url'));
  await store.raw.insertRows(
    'sessions',
    ['token_hash', 'user_id', 'created_at', 'expires_at'],
    tokens.map((t, i) => [
      sha256Hex(t),
      userIds[i],
      now.toISOString(),
      new Date(now.getTime() + 30 * 86400_000).toISOString(),
    ]),
  );
  return tokens;
}
