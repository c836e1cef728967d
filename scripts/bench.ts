/**
 * `npm run bench`: the speed budgets of DESIGN §8, measured on real SQLite files.
 *  - timeline page of 20: latency flat in case size (100k vs 100 updates ≤ 1.2×)
 *  - API handler ≤ 2× the same raw SQL (better-sqlite3, prepared)
 *  - cloud-function bundle ≤ 500 KB; first answer after load ≤ 100 ms
 * Prints a table; exits 1 when a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { createCasetrail, type Casetrail } from '../server/casetrail';
import { openSqlite, sqliteFileIn } from '../server/platform/database';

const root = path.resolve(__dirname, '..');
const LAWYER = 'wx:o-bench-lawyer';
const CLIENT = 'wx:o-bench-client';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 500; i++) await fn(); // warm caches and the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function call(app: Casetrail, subject: string, action: string, payload: object) {
  const res = await app.handle(
    { action, payload, requestId: `bench-${randomUUID()}` },
    { subject, sourceIp: null },
  );
  if (!res.ok) throw new Error(`${action}: ${res.error.code}`);
  return res.data as Record<string, unknown>;
}

/** A case with `count` published updates, written straight into the tables (fast), plus the API's own setup. */
async function caseWithUpdates(count: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-bench-'));
  const file = sqliteFileIn(dir);
  const db = await openSqlite(file);
  const app = await createCasetrail({ db, adminSubjects: ['wx:o-bench-admin'] });
  const invite = await call(app, 'wx:o-bench-admin', 'admin.inviteLawyer', { name: '张律师' });
  await call(app, LAWYER, 'invite.redeem', { code: invite.code });
  await call(app, LAWYER, 'profile.update', {
    name: '张律师',
    firm: '示例所',
    licenseNo: '1310120181',
    phone: null,
  });
  const created = await call(app, LAWYER, 'case.create', { title: '基准案件', caseType: '民事' });
  const clientInvite = await call(app, LAWYER, 'invite.createClient', {
    caseId: created.id,
    clientName: '李女士',
  });
  await call(app, CLIENT, 'invite.redeem', { code: clientInvite.code });

  const raw = new SQLite(file);
  const lawyerId = (raw.prepare('select id from users where subject = ?').get(LAWYER) as { id: string }).id;
  const insertUpdate = raw.prepare(
    'insert into updates (id, case_id, created_by, created_at, current_version_id, current_version_no, current_version_at) values (?, ?, ?, ?, ?, 1, ?)',
  );
  const insertVersion = raw.prepare(
    `insert into update_versions (id, update_id, version_no, title, body, next_steps, risks, stage_index, stage_name,
     reason, canonical, content_hash, created_by, created_at) values (?, ?, 1, ?, ?, null, null, null, null, null, '{}', ?, ?, ?)`,
  );
  const body = '起诉状和证据材料已提交，法院将在 7 日内决定是否受理。'.repeat(4);
  raw.transaction(() => {
    const start = Date.parse('2020-01-01T00:00:00.000Z');
    for (let i = 0; i < count; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const updateId = randomUUID();
      const versionId = randomUUID();
      insertUpdate.run(updateId, created.id, lawyerId, at, versionId, at);
      insertVersion.run(versionId, updateId, `进展 ${i}`, body, 'x'.repeat(64), lawyerId, at);
    }
  })();
  raw.pragma('optimize');
  return {
    app,
    db,
    raw,
    dir,
    caseId: created.id as string,
    clientId: (raw.prepare('select id from users where subject = ?').get(CLIENT) as { id: string }).id,
  };
}

const RAW_TIMELINE = `
  select u.id, u.created_at, u.current_version_no, u.current_version_at, v.title, substr(v.body, 1, 120) as excerpt,
         v.stage_index, v.stage_name, a.display_name,
         (select count(*) from read_receipts r where r.version_id = u.current_version_id and r.user_id = ?) as mine
  from updates u
  join update_versions v on v.id = u.current_version_id
  join users a on a.id = u.created_by
  where u.case_id = ?
  order by u.created_at desc, u.id desc
  limit 21`;

async function main() {
  const rows: [string, string, string, boolean][] = [];
  const small = await caseWithUpdates(100);
  const large = await caseWithUpdates(100_000);
  const page = (c: typeof small) => () =>
    call(c.app, CLIENT, 'case.timeline', { caseId: c.caseId, limit: 20 });
  const tSmall = await timeIt(2000, page(small));
  const tLarge = await timeIt(2000, page(large));
  const flat = tLarge / tSmall;
  rows.push(['timeline page of 20, 100 updates', `${tSmall.toFixed(3)} ms`, '', true]);
  rows.push(['timeline page of 20, 100k updates', `${tLarge.toFixed(3)} ms`, '', true]);
  rows.push(['  100k ÷ 100', `${flat.toFixed(2)}×`, '≤ 1.20×', flat <= 1.2]);

  // The same SQL work the handler does, hand-written: identify the caller, check membership, read the page,
  // in one transaction. What is left is the cost of our layers (router, zod, Kysely).
  const caller = large.raw.prepare(
    'select id, display_name, is_admin, is_lawyer from users where subject = ?',
  );
  const member = large.raw.prepare('select role from case_members where case_id = ? and user_id = ?');
  const timeline = large.raw.prepare(RAW_TIMELINE);
  const rawRead = large.raw.transaction(() => {
    const user = caller.get(CLIENT) as { id: string };
    member.get(large.caseId, user.id);
    return timeline.all(user.id, large.caseId);
  });
  const tRaw = await timeIt(2000, () => rawRead());
  const overhead = tLarge / tRaw;
  rows.push(['same SQL by hand (better-sqlite3)', `${tRaw.toFixed(3)} ms`, '', true]);
  rows.push(['  API handler ÷ raw SQL', `${overhead.toFixed(2)}×`, '≤ 2.00×', overhead <= 2]);

  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts/build-cloud.ts')], {
    stdio: 'ignore',
  });
  const bundle = fs.statSync(path.join(root, 'cloudfunctions/api/index.js')).size;
  rows.push(['cloud-function bundle', `${(bundle / 1024).toFixed(1)} KB`, '≤ 500 KB', bundle <= 500 * 1024]);

  // First answer after load: a fresh node process loads the bundled API, opens the database and answers.
  const probe = path.join(small.dir, 'first-answer.cjs');
  buildSync({
    entryPoints: [path.join(root, 'scripts/bench-first-answer.ts')],
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const firstAnswers: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, [probe, small.dir, small.caseId, CLIENT], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    }).toString();
    firstAnswers.push(Number(/first answer (\S+) ms/.exec(out)?.[1]));
  }
  const first = median(firstAnswers);
  rows.push(['first answer after load (median of 5)', `${first.toFixed(1)} ms`, '≤ 100 ms', first <= 100]);

  for (const c of [small, large]) {
    c.raw.close();
    await c.db.destroy();
    fs.rmSync(c.dir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  console.log('Casetrail benchmarks (median of runs; real SQLite files)\n');
  for (const [what, value, budget, ok] of rows) {
    console.log(
      `${what.padEnd(width)}${value.padStart(12)}  ${budget.padEnd(9)} ${budget ? (ok ? 'ok' : 'OVER') : ''}`,
    );
  }
  const over = rows.filter((r) => r[2] && !r[3]);
  if (over.length) {
    console.error(`\n${over.length} budget(s) missed: ${over.map((r) => r[0].trim()).join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
