/**
 * The load test's firm, written fast: people, profiles, memberships and sessions as batch inserts through the
 * database; cases, statements, updates and open requests through the real API (`app.handle`), so their evidence,
 * chains and read models are the ones the application writes.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { DEFAULT_CONTACT } from '../../contract/session';
import { createCasetrail } from '../../server/casetrail';
import { createSession } from '../../server/http/sessions.store';
import { newId } from '../../server/platform/crypto';
import { isPostgres } from '../../server/platform/engine';
import type { Db } from '../../server/platform/migrate';
import { saveLawyerProfile } from '../../server/session/users.store';

export interface SeedSize {
  lawyers: number;
  cases: number;
  clients: number;
}

export interface SeededCase {
  id: string;
  lawyer: number;
  clients: number[];
  statementId: string;
  itemIds: string[];
}

export interface SeededPerson {
  subject: string;
  userId: string;
  token: string;
}

export interface Seeded {
  lawyers: SeededPerson[];
  clients: SeededPerson[];
  cases: SeededCase[];
  /** Open requests (written by a client, not yet answered) by case index. */
  openRequests: string[][];
  millis: number;
}

const STATEMENT = {
  title: '劳动争议预期与风险告知书',
  intro: '以下是我们对本案的书面说明，请您逐条阅读。',
  sections: {
    worstCase: [
      { text: '如加班事实的证据不足，仲裁委可能不支持加班费请求。', basis: '劳动争议调解仲裁法第6条' },
    ],
    weWill: [{ text: '我们会在举证期限内整理并提交考勤记录和工资流水。' }],
    weCannot: [{ text: '我们不能对仲裁结果作出任何承诺。' }],
    youMust: [{ text: '请在本周五前提供劳动合同原件。' }],
  },
};

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

export async function seedFirm(
  db: Db,
  size: SeedSize,
  sessionsFor: { lawyers: number; clients: number },
): Promise<Seeded> {
  const started = performance.now();
  const now = new Date();
  const at = now.toISOString();
  const run = randomUUID().slice(0, 8);
  const people = (kind: 'lawyer' | 'client', n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: newId(),
      subject: `wx:o-load-${kind}-${run}-${i}`,
      name: kind === 'lawyer' ? `负载律师${i + 1}` : `负载客户${i + 1}`,
    }));
  const lawyers = people('lawyer', size.lawyers);
  const clients = people('client', size.clients);
  await inChunks([...lawyers, ...clients], 200, (chunk) =>
    db
      .insertInto('users')
      .values(
        chunk.map((p) => ({
          id: p.id,
          subject: p.subject,
          display_name: p.name,
          is_admin: 0,
          is_lawyer: lawyers.includes(p) ? 1 : 0,
          created_at: at,
        })),
      )
      .execute(),
  );
  // Everyone has agreed to the privacy notice in force: without it the server refuses their writes.
  await inChunks([...lawyers, ...clients], 200, (chunk) =>
    db
      .insertInto('privacy_consents')
      .values(
        chunk.map((p) => ({
          user_id: p.id,
          seq: 1,
          kind: 'consent' as const,
          version: PRIVACY_NOTICE_VERSION,
          at,
          request_id: `load-consent-${run}`,
        })),
      )
      .execute(),
  );
  for (const [i, lawyer] of lawyers.entries())
    await saveLawyerProfile(
      db,
      lawyer.id,
      {
        name: lawyer.name,
        firm: '负载测试律师事务所',
        licenseNo: `1310120181${String(i).padStart(7, '0')}`,
        phone: null,
        quietHours: null,
        officeHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
        replyPromiseDays: null,
        contact: DEFAULT_CONTACT,
      },
      at,
    );

  const app = await createCasetrail({ db, logError: (m, e) => console.error(m, e) });
  const call = async <T>(subject: string, action: string, payload: object): Promise<T> => {
    const res = await app.handle(
      { action, payload, requestId: `seed-${randomUUID()}` },
      { subject, sourceIp: null },
    );
    if (!res.ok)
      throw new Error(
        `seeding: ${action} failed: ${res.error.code} ${JSON.stringify(res.error.issues ?? [])}`,
      );
    return res.data as T;
  };

  // Cases go round the lawyers; clients are spread over the cases (two each for 500 cases and 1,000 clients).
  const cases: SeededCase[] = Array.from({ length: size.cases }, (_, i) => ({
    id: '',
    lawyer: i % size.lawyers,
    clients: [] as number[],
    statementId: '',
    itemIds: [] as string[],
  }));
  clients.forEach((_, j) => cases[j % size.cases].clients.push(j));
  // SQLite has one connection: more in flight only queue; PostgreSQL's pool takes them at once.
  const width = isPostgres(db) ? 16 : 4;
  await pool(cases, width, async (c, i) => {
    const lawyer = lawyers[c.lawyer].subject;
    const created = await call<{ id: string }>(lawyer, 'case.create', {
      title: `负载测试案件 ${i + 1}：劳动争议`,
      caseType: '劳动',
      caseNumber: null,
      court: null,
      opposingParty: null,
    });
    c.id = created.id;
  });
  const members = cases.flatMap((c) => c.clients.map((j) => ({ caseId: c.id, userId: clients[j].id })));
  await inChunks(members, 200, (chunk) =>
    db
      .insertInto('case_members')
      .values(
        chunk.map((m) => ({
          case_id: m.caseId,
          user_id: m.userId,
          role: 'client' as const,
          joined_at: at,
          invite_id: null,
        })),
      )
      .execute(),
  );
  await inChunks(members, 200, (chunk) =>
    db
      .insertInto('member_case_state')
      .values(
        chunk.map((m) => ({
          case_id: m.caseId,
          user_id: m.userId,
          unread_updates: 0,
          last_activity_at: at,
          unseen_notices: 0,
        })),
      )
      .execute(),
  );

  const openRequests: string[][] = cases.map(() => []);
  await pool(cases, width, async (c, i) => {
    const lawyer = lawyers[c.lawyer].subject;
    const draft = await call<{ id: string }>(lawyer, 'statement.createDraft', {
      caseId: c.id,
      templateKey: null,
    });
    await call(lawyer, 'statement.saveDraft', { statementId: draft.id, content: STATEMENT });
    const published = await call<{
      id: string;
      current: { content: { sections: Record<string, { id: string }[]> } };
    }>(lawyer, 'statement.publish', { statementId: draft.id, changeNote: null });
    c.statementId = published.id;
    c.itemIds = Object.values(published.current.content.sections).flatMap((items) =>
      items.map((item) => item.id),
    );
    await call(lawyer, 'update.publish', {
      caseId: c.id,
      title: '已向仲裁委提交申请材料',
      body: '仲裁申请书和证据材料已提交，仲裁委将在五日内决定是否受理。',
      nextSteps: null,
      risks: null,
    });
    if (c.clients.length > 0) {
      const request = await call<{ id: string }>(clients[c.clients[0]].subject, 'request.create', {
        caseId: c.id,
        category: 'action',
        body: '请问仲裁大概需要多长时间？',
        aboutUpdateId: null,
      });
      openRequests[i].push(request.id);
    }
  });

  const withSession = async (list: typeof lawyers, n: number): Promise<SeededPerson[]> => {
    const out: SeededPerson[] = [];
    await db.transaction().execute(async (trx) => {
      for (const p of list.slice(0, n)) {
        const { token } = await createSession(trx, p.id, now);
        out.push({ subject: p.subject, userId: p.id, token });
      }
    });
    return out;
  };
  return {
    lawyers: await withSession(lawyers, sessionsFor.lawyers),
    clients: await withSession(clients, sessionsFor.clients),
    cases,
    openRequests,
    millis: performance.now() - started,
  };
}
