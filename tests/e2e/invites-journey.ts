/**
 * The invites journey (issues 11 §4, 12 §4): the lawyer creates an invite and sees the code in unbroken groups, a QR
 * code of the link and a copy that says 已复制; the client opens the link and sees the case title and the lawyer
 * before joining; the lawyer sees who joined through the invite and removes them, after which the case answers the
 * client 内容不存在; a lawyer invite lands on 律师入驻 and gives nothing until the admin confirms the person.
 * Runs on its own new case, so the seeded ones stay as they were.
 */
import type { Page } from 'playwright-core';
import { openBrowser } from './harness';
import type { Persona } from './journey';
import {
  inviteClient,
  openNewCase,
  openPersona,
  signInAsLawyer,
  type OwnCaseJourneyOptions,
} from './own-case';
import { fill, see, step, tap, visible } from './page-actions';

const CASE_TITLE = '孙女士诉某装修公司装饰装修合同纠纷';
const CLIENT_NAME = '孙女士';
const NEW_LAWYER = '钱律师';

export async function runInvitesJourney(options: OwnCaseJourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};

  let done = step('lawyer creates an invite: grouped code, QR code, copy');
  const opened = await openPersona('lawyer', options, pages);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const lawyer = opened.page;
  await signInAsLawyer(lawyer, baseUrl);
  const caseId = await openNewCase(lawyer, CASE_TITLE);
  const inviteLink = await inviteClient(lawyer, CLIENT_NAME);
  await see(lawyer, '#invite-code');
  // Seven groups of four, none broken across lines (each group is one line box), at the journey's phone width.
  const groups = await lawyer.$$eval('#invite-code .invite-card__group', (elements) =>
    elements
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: e.textContent ?? '', lines: e.getClientRects().length })),
  );
  if (groups.length !== 7 || groups.some((g) => g.text.length !== 4 || g.lines !== 1))
    throw new Error(`the code is not in unbroken groups: ${JSON.stringify(groups)}`);
  const code = groups.map((g) => g.text).join('-');
  const qrWidth = await visible(lawyer, '#invite-qr img, img#invite-qr').evaluate(
    (img) => (img as HTMLImageElement).naturalWidth,
  );
  if (qrWidth < 100) throw new Error(`no QR code image (natural width ${qrWidth})`);
  if (!inviteLink.endsWith(`#/pages/join/index?code=${code.replace(/-/g, '')}`))
    throw new Error(`the link does not carry the code: ${inviteLink}`);
  await tap(lawyer, '#copy-invite-code');
  // The toast is shown for 1.5 s; Taro keeps its element (hidden) afterwards, with the last title.
  await lawyer.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro__toast')).some((e) => e.textContent?.trim() === '已复制'),
  );
  const copied = await lawyer.evaluate(() => navigator.clipboard.readText());
  if (copied !== code) throw new Error(`copied ${copied}, not the code`);
  done();

  done = step('client opens the link, sees the case and the lawyer, then joins');
  const client = (await openPersona('client', options, pages)).page;
  await client.goto(inviteLink);
  await fill(client, 'new-client-name', CLIENT_NAME);
  await tap(client, '#login-new-client');
  await see(client, '#join-title', '加入案件');
  await see(client, '#join-case-title', CASE_TITLE);
  await see(client, '#join-lawyer', '张律师');
  await see(client, '#join-intended', CLIENT_NAME);
  await tap(client, '#join-submit', '加入案件');
  await see(client, '#case-title', CASE_TITLE);
  done();

  done = step('lawyer sees who joined through the invite');
  await lawyer.goto(`${baseUrl}/#/lawyer/members/index?caseId=${encodeURIComponent(caseId)}`);
  await see(lawyer, '#invite-list', `${CLIENT_NAME} 于`);
  await see(lawyer, '#invite-list', '已使用');
  await see(lawyer, '#member-list', CLIENT_NAME);
  done();

  done = step('lawyer removes the client, whose case then answers 内容不存在');
  await tap(lawyer, '#member-list .member-remove');
  await tap(lawyer, '.taro-model__confirm', '移出');
  await see(lawyer, '#member-list .member-removed', '移出');
  await client.reload();
  await see(client, '.ct-empty', '内容不存在');
  done();

  done = step('a lawyer invite lands on 律师入驻 and waits for the admin, who confirms');
  const admin = (await openBrowser('admin', options.browser)).page;
  await admin.goto(`${baseUrl}/#/pages/login/index`);
  await tap(admin, '#login-persona-admin');
  // Signed in once the login page has handed over to the home page.
  await admin.waitForURL(/pages\/index\/index/);
  await admin.goto(`${baseUrl}/#/lawyer/admin/index`);
  await fill(admin, 'lawyer-name-input', NEW_LAWYER);
  await tap(admin, '#invite-lawyer-submit');
  await see(admin, '#invite-link');
  const lawyerLink = (await visible(admin, '#invite-link').innerText()).trim();

  const newcomer = (await openBrowser('newcomer', options.browser)).page;
  await newcomer.goto(lawyerLink);
  await fill(newcomer, 'new-client-name', NEW_LAWYER);
  await tap(newcomer, '#login-new-client');
  await see(newcomer, '#join-title', '律师入驻');
  await tap(newcomer, '#join-submit', '申请入驻');
  await see(newcomer, '#join-pending', '等待管理员核准');
  await newcomer.goto(`${baseUrl}/#/pages/index/index`);
  await newcomer.reload();
  await newcomer.waitForLoadState('networkidle');
  await newcomer.waitForTimeout(1000);
  if (await visible(newcomer, '#new-case-button').isVisible())
    throw new Error('a lawyer enrolment worked before the admin confirmed it');

  await admin.reload();
  await see(admin, '#pending-enrolments', NEW_LAWYER);
  await tap(admin, '#pending-enrolments .enrolment-confirm');
  await tap(admin, '.taro-model__confirm', '核准入驻');
  await see(admin, '#lawyer-list', NEW_LAWYER);
  await newcomer.reload();
  await see(newcomer, '#new-case-button');
  done();
}
