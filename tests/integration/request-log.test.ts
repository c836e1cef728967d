/**
 * The request log (README: 运维): one JSON line per request with its id, action, outcome and latency, and nothing a
 * person wrote or is known by. A whole journey runs through the HTTP entry and the log is searched for every name,
 * phone number, text, token and invite code the journey used.
 */
import { buildHttpServer } from '../../server/http/app';
import { ACTION_NAMES } from '../../contract/index';
import { ADMIN, openHarness, sampleUpdate, type Harness } from '../fixtures/api-harness';
import { overHttp } from '../fixtures/http-harness';
import { publishMemo, sampleMemo } from '../fixtures/memos';
import { sampleRequest, writeRequest } from '../fixtures/requests';
import { publishStatement, sampleStatement, statementItemIds } from '../fixtures/statements';
import { assignTask, sampleTask, userIdOf } from '../fixtures/tasks';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

interface LogLine {
  level: number;
  reqId?: string;
  msg: string;
  action?: string | null;
  outcome?: string;
  status?: number;
  ms?: number;
}

const LAWYER = 'wx:o-log-lawyer-7f3a';
const CLIENT = 'wx:o-log-client-9c1e';
const PHONE = '13912345678';
const LICENSE = '13101201810000099';
const CLIENT_ADDRESS = '203.0.113.77';

it('logs every request with its action, outcome and latency, and no name, phone, text, token or code', async () => {
  const written: string[] = [];
  const server = await buildHttpServer({
    app: h.app,
    devLogin: false,
    clock: h.now,
    log: { stream: { write: (line) => written.push(line) } },
  });
  const requestIds: string[] = [];
  server.addHook('onRequest', async (request) => {
    requestIds.push(request.id);
  });
  const http = overHttp(h, server, { 'x-forwarded-for': CLIENT_ADDRESS });
  const secrets: string[] = [LAWYER, CLIENT, PHONE, LICENSE, CLIENT_ADDRESS];

  // The lawyer is enrolled through the admin's invite and fills in a profile with a phone number.
  const lawyerInvite = await http.ok(ADMIN, 'admin.inviteLawyer', { name: '欧阳律师' });
  secrets.push(lawyerInvite.code, '欧阳律师');
  await http.ok(LAWYER, 'invite.redeem', { code: lawyerInvite.code });
  await http.ok(ADMIN, 'admin.confirmLawyer', { inviteId: lawyerInvite.inviteId });
  await http.ok(LAWYER, 'profile.update', {
    name: '欧阳律师',
    firm: '明镜律师事务所',
    licenseNo: LICENSE,
    phone: PHONE,
  });
  secrets.push('明镜律师事务所');

  // A case, the client's invite, a wrong code tried, then the right one.
  const title = '司马女士诉某置业公司商品房买卖合同纠纷';
  const created = await http.ok(LAWYER, 'case.create', {
    title,
    caseType: '民事',
    caseNumber: '(2026)沪0105民初4242号',
    court: '上海市长宁区人民法院',
    opposingParty: '某置业有限公司',
  });
  secrets.push(title, '(2026)沪0105民初4242号', '某置业有限公司');
  const caseId = created.id;
  const invite = await http.ok(LAWYER, 'invite.createClient', { caseId, clientName: '司马女士' });
  secrets.push(invite.code, '司马女士');
  const wrongCode = invite.code.slice(0, -4) + 'ZZZZ';
  expect((await http.err(CLIENT, 'invite.redeem', { code: wrongCode })).code).toMatch(/INVITE/);
  secrets.push(wrongCode);
  await http.ok(CLIENT, 'invite.redeem', { code: invite.code });

  // An update read, a statement acknowledged and asked about, a memo disputed, a request answered, a task.
  const update = await http.ok(LAWYER, 'update.publish', { caseId, ...sampleUpdate });
  await http.ok(CLIENT, 'update.get', { updateId: update.id });
  await http.ok(CLIENT, 'update.markRead', { updateId: update.id });
  secrets.push(sampleUpdate.title, sampleUpdate.body, sampleUpdate.nextSteps, sampleUpdate.risks);

  const statement = await publishStatement(http, LAWYER, caseId);
  const items = statementItemIds(statement);
  await http.ok(CLIENT, 'statement.get', { statementId: statement.id });
  await http.ok(CLIENT, 'statement.acknowledge', { statementId: statement.id, versionNo: 1, itemIds: items });
  const question = '如果对方不出庭，案件会怎样处理？';
  const asked = await http.ok(CLIENT, 'statement.ask', {
    statementId: statement.id,
    versionNo: 1,
    itemId: items[0],
    question,
  });
  const answer = '对方经传票传唤无正当理由拒不到庭的，法院可以缺席判决。';
  await http.ok(LAWYER, 'statement.answer', { questionId: asked.id, answer });
  secrets.push(sampleStatement.title, sampleStatement.sections.worstCase[0].text, question, answer);

  const memo = await publishMemo(http, LAWYER, caseId);
  const conclusion = memo.current.content.conclusions[1];
  const dispute = '我们当时说的是尽快申请保全，不是暂不申请。';
  await http.ok(CLIENT, 'memo.dispute', {
    memoId: memo.id,
    versionNo: 1,
    conclusionId: conclusion.id,
    reason: dispute,
  });
  secrets.push(sampleMemo.conclusions[0].text, sampleMemo.followUp!, dispute);

  const request = await writeRequest(http, CLIENT, caseId);
  const decline = '调取银行流水需要法院出具调查令，目前阶段无法申请。';
  await http.ok(LAWYER, 'request.answer', { requestId: request.id, kind: 'decline', text: decline });
  secrets.push(sampleRequest.body, decline);

  await assignTask(http, LAWYER, caseId, await userIdOf(http, CLIENT));
  secrets.push(sampleTask.title, sampleTask.details);
  await http.ok(LAWYER, 'workbench.get', {});
  await http.ok(CLIENT, 'case.get', { caseId });

  // Refusals are logged the same way.
  await server.inject({
    method: 'POST',
    url: '/api',
    headers: { 'content-type': 'application/json' },
    payload: `{"secret":"${PHONE}`,
  });
  await server.inject({ url: `/nope?code=${invite.code}` });

  secrets.push(...http.tokens.values());
  const text = written.join('');
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(4);
    if (text.includes(secret)) throw new Error(`the request log contains "${secret}"`);
  }

  const lines = written.map((line) => JSON.parse(line) as LogLine);
  const requestLines = lines.filter((line) => line.msg === 'request');
  expect(requestLines.map((line) => line.reqId).sort()).toEqual([...requestIds].sort());
  expect(requestIds.length).toBeGreaterThan(25);
  for (const line of requestLines) {
    expect(typeof line.ms).toBe('number');
    expect(line.outcome).toMatch(/^(ok|[A-Z_]+(\.[A-Z_]+)?)$/);
    expect(typeof line.status).toBe('number');
  }
  const apiLines = requestLines.filter((line) => line.action !== null);
  expect(apiLines.length).toBe(requestIds.length - 2);
  for (const line of apiLines) expect(ACTION_NAMES).toContain(line.action);
  expect(apiLines.filter((line) => line.outcome !== 'ok').map((line) => [line.action, line.outcome])).toEqual(
    [['invite.redeem', 'INVITE.NOT_FOUND']],
  );
  expect(requestLines.slice(-2).map((line) => [line.status, line.outcome])).toEqual([
    [400, 'INVALID_ARGUMENT'],
    [404, 'NOT_FOUND'],
  ]);
});
