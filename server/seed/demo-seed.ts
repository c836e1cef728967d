import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/index';
import { createCasetrail } from '../casetrail';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { DEMO_NOTIFY } from '../notifications/notify-config';
import { findTemplate } from '../statements/statement-templates';
import type { Db } from '../platform/migrate';
import { PERSONAS } from './personas';

const HOUR = 3600_000;
/** How many one-time consents per template the demo's people start with. */
const DEMO_CONSENTS = 3;

/** The Asia/Shanghai date `days` after the instant `at` (the demo's due dates are read in Shanghai). */
const shanghaiDateIn = (at: number, days: number) =>
  new Date(at + 8 * HOUR + days * 24 * HOUR).toISOString().slice(0, 10);

async function clientUserId(db: Db, subject: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('subject', '=', subject).executeTakeFirst();
  return row?.id;
}
/** The 民间借贷 template for the lender, and its item asking the client for the loan evidence. */
const LENDING_TEMPLATE = 'private-lending';
const EVIDENCE_ITEM = 'lending-ym-02';

/**
 * Seeds the demo firm through the real API (so the records, hashes and event chain are genuine):
 * 王主任 enrolls 张律师, who opens a 民事 case for 李女士 and publishes a few updates; one is corrected.
 * Runs once: returns false when the demo lawyer already exists.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where('subject', '=', 'dev:lawyer')
    .executeTakeFirst();
  if (exists) return false;

  let at = now.getTime() - 9 * 24 * HOUR;
  const app = await createCasetrail({ db, adminSubjects: ['dev:admin'], clock: () => new Date(at) });
  const [admin, lawyer, client] = PERSONAS;

  async function as<A extends ActionName>(
    subject: string,
    action: A,
    payload: ActionInput<A>,
  ): Promise<ActionOutput<A>> {
    const res = await app.handle(
      { action, payload, requestId: `seed-${randomUUID()}` },
      { subject, sourceIp: null },
    );
    if (!res.ok) throw new Error(`seeding failed at ${action}: ${res.error.code}`);
    return res.data as ActionOutput<A>;
  }

  await db
    .updateTable('users')
    .set({ display_name: admin.displayName })
    .where('subject', '=', admin.subject)
    .execute();
  // Each of the demo's people agrees to the privacy notice first, as the apps ask before anything is stored.
  for (const persona of PERSONAS) {
    await as(persona.subject, 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });
  }
  const lawyerInvite = await as(admin.subject, 'admin.inviteLawyer', { name: lawyer.displayName });
  await as(lawyer.subject, 'invite.redeem', { code: lawyerInvite.code });
  await as(admin.subject, 'admin.confirmLawyer', { inviteId: lawyerInvite.inviteId });
  await as(lawyer.subject, 'profile.update', {
    name: lawyer.displayName,
    firm: '示例律师事务所',
    licenseNo: '13101201810000001',
    phone: '021-5555 0100',
    officeHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    replyPromiseDays: 1,
    contact: {
      showPhone: true,
      wechatId: null,
      showWechat: false,
      officeAddress: '上海市浦东新区示例路 100 号 8 楼',
      showAddress: true,
    },
  });

  at += 2 * HOUR;
  const created = await as(lawyer.subject, 'case.create', {
    title: '李女士诉某科技公司民间借贷纠纷',
    caseType: '民事',
    caseNumber: null,
    court: '上海市浦东新区人民法院',
    opposingParty: '某科技有限公司',
  });
  const clientInvite = await as(lawyer.subject, 'invite.createClient', {
    caseId: created.id,
    clientName: client.displayName,
  });
  at += 3 * HOUR;
  await as(client.subject, 'invite.redeem', { code: clientInvite.code });

  at += 20 * HOUR;
  const first = await as(lawyer.subject, 'update.publish', {
    caseId: created.id,
    title: '委托手续已办妥，开始整理证据',
    body: '您好，委托合同和授权委托书已签署完毕。我们已收到您提供的借条复印件和转账记录共 12 页，正在逐笔核对借款金额与还款情况。',
    nextSteps: '请在本周五前提供借条原件以及与对方的微信聊天记录截图（含催款内容）。',
    risks: '借条上的借款人签名如与对方身份信息不一致，需要通过其他证据证明借贷关系。',
  });
  at += 2 * HOUR;
  await as(client.subject, 'update.markRead', { updateId: first.id });

  // The call that agreed what 李女士 provides and what the claim asks: written down, then confirmed by her.
  at += 4 * HOUR;
  const memo = await as(lawyer.subject, 'memo.publish', {
    caseId: created.id,
    memo: {
      communicatedAt: new Date(at - HOUR).toISOString(),
      channel: 'phone',
      participants: [lawyer.displayName, client.displayName],
      matters: [
        { text: '核对借款金额：借条载明 20 万元，转账记录合计 18 万元，另 2 万元为现金交付。' },
        { text: '是否主张逾期利息及律师费。' },
      ],
      conclusions: [
        { text: '起诉本金按 20 万元主张，现金交付的 2 万元由李女士补充取款记录或证人证言。' },
        { text: '主张自起诉之日起按一年期 LPR 计算的逾期利息；律师费由李女士自行承担，不作为诉讼请求。' },
      ],
      followUp: '李女士本周五前提供借条原件和取款记录；律师收到后一周内完成起诉材料。',
    },
  });
  at += 2 * HOUR;
  await as(client.subject, 'memo.markViewed', { memoId: memo.id, versionNo: 1 });
  await as(client.subject, 'memo.confirm', { memoId: memo.id, versionNo: 1 });

  at += 3 * 24 * HOUR;
  const filed = await as(lawyer.subject, 'update.publish', {
    caseId: created.id,
    title: '已向法院提交起诉材料',
    body: '起诉状、证据目录及证据材料已通过网上立案系统提交至浦东新区人民法院，法院将在 7 日内决定是否受理。',
    nextSteps: '法院受理后会通知缴纳诉讼费，届时我们会第一时间告知您金额和缴费方式。',
    risks: '如对方下落不明，可能需要公告送达，审理周期会延长约 2 至 3 个月。',
    stageIndex: 1,
  });
  at += 1 * HOUR;
  await as(client.subject, 'update.markRead', { updateId: filed.id });
  at += 1 * HOUR;
  await as(lawyer.subject, 'update.correct', {
    updateId: filed.id,
    title: '已向法院提交起诉材料',
    body: '起诉状、证据目录及证据材料已通过网上立案系统提交至浦东新区人民法院，法院将在 7 日内决定是否受理（立案登记以法院通知为准）。',
    nextSteps: '法院受理后会通知缴纳诉讼费，届时我们会第一时间告知您金额和缴费方式。',
    risks: '如对方下落不明，可能需要公告送达，审理周期会延长约 2 至 3 个月。',
    reason: '补充说明立案日期以法院通知为准',
  });

  // The expectation statement: published from the 民间借贷 template, acknowledged, then revised once,
  // so 李女士 has a pending version 2 with one changed item to look at.
  at += 2 * HOUR;
  const draft = await as(lawyer.subject, 'statement.createDraft', {
    caseId: created.id,
    templateKey: LENDING_TEMPLATE,
  });
  const v1 = await as(lawyer.subject, 'statement.publish', { statementId: draft.id, changeNote: null });
  at += 5 * HOUR;
  const v1Content = v1.current!.content;
  await as(client.subject, 'statement.markViewed', { statementId: draft.id, versionNo: 1 });
  await as(client.subject, 'statement.acknowledge', {
    statementId: draft.id,
    versionNo: 1,
    itemIds: Object.values(v1Content.sections).flatMap((items) => items.map((i) => i.id)),
  });

  at = now.getTime() - 3 * HOUR;
  await as(lawyer.subject, 'update.publish', {
    caseId: created.id,
    title: '法院已受理，进入举证期',
    body: '法院已正式立案受理，案号待法院通知。举证期限为 15 日，我们正在准备证据清单和质证意见。',
    nextSteps: '请确认是否还有其他能证明借款交付的材料（如银行流水、证人）。',
    risks: '谁主张、谁举证：如现金交付部分缺乏证据，该部分金额可能不被支持。',
    stageIndex: 2,
  });
  at += HOUR;
  // The 举证期限 note belongs to the item that asks 李女士 for her evidence, wherever the template puts it: a
  // draft keeps the template's item order, so the template item's position finds it in version 1.
  const evidenceAt = (await findTemplate(LENDING_TEMPLATE))!.content.sections.youMust.findIndex(
    (item) => item.id === EVIDENCE_ITEM,
  );
  await as(lawyer.subject, 'statement.saveDraft', {
    statementId: draft.id,
    content: {
      ...v1Content,
      sections: {
        ...v1Content.sections,
        youMust: v1Content.sections.youMust.map((item, index) =>
          index === evidenceAt
            ? { ...item, text: `${item.text}（举证期限为 15 日，请在本周内提供。）` }
            : item,
        ),
      },
    },
  });
  const v2 = await as(lawyer.subject, 'statement.publish', {
    statementId: draft.id,
    changeNote: '法院已受理，补充举证期限',
  });
  // What 李女士 has to do, tied to the statement's item; and a question she put in writing, answered in writing.
  at += HOUR;
  const evidenceItem = v2.current!.content.sections.youMust[evidenceAt];
  await as(lawyer.subject, 'task.assign', {
    caseId: created.id,
    title: '提供能证明现金交付的材料',
    details: '如取款记录、证人姓名及联系方式。可拍照上传至微信，原件开庭时带来。',
    dueDate: shanghaiDateIn(at, 5),
    assigneeId: (await clientUserId(db, client.subject))!,
    statementItem: { statementId: draft.id, itemId: evidenceItem.id },
  });
  at += HOUR;
  const asked = await as(client.subject, 'request.create', {
    caseId: created.id,
    category: 'consult',
    body: '开庭时我需要到场吗？如果需要，请告诉我要带哪些材料。',
  });
  at += HOUR;
  await as(lawyer.subject, 'request.answer', {
    requestId: asked.id,
    kind: 'reply',
    text: '开庭时建议您到场，以便法庭询问借款细节。请带身份证、借条原件和取款记录原件；开庭日期确定后我会书面通知您。',
  });
  // Each tapped 「允许」 a few times for the demo's templates of their audience, so the next thing the lawyer
  // publishes (or the client asks) shows up as a message on the 消息预览 page. Taken through the demo's own
  // notification settings: the records above were written, and their notices kept, as the history before.
  at += HOUR;
  const demo = await createCasetrail({ db, clock: () => new Date(at), config: { notify: DEMO_NOTIFY } });
  const consents: [string, string[]][] = [
    [client.subject, [DEMO_NOTIFY.templates.progress!.id, DEMO_NOTIFY.templates.todo!.id]],
    [lawyer.subject, [DEMO_NOTIFY.templates.message!.id]],
  ];
  for (const [subject, templateIds] of consents) {
    for (let tap = 0; tap < DEMO_CONSENTS; tap++) {
      const res = await demo.handle(
        {
          action: 'notification.subscribe',
          payload: { results: Object.fromEntries(templateIds.map((id) => [id, 'accept'])) },
          requestId: `seed-${randomUUID()}`,
        },
        { subject, sourceIp: null },
      );
      if (!res.ok) throw new Error(`seeding failed at notification.subscribe: ${res.error.code}`);
    }
  }
  return true;
}
