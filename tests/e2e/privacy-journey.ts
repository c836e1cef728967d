/**
 * The privacy journey (issue 12 §7): a new client cannot sign in without agreeing to the privacy notice, reads it
 * before signing in, agrees and joins a case; downloads their own data (the browser really receives the JSON);
 * deletes the account after typing the confirmation, which signs them out; the lawyer then sees 「已注销用户」 in
 * the case, and the case's record still verifies. Runs on its own new case, so the seeded ones stay as they were.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { Persona } from './journey';
import {
  inviteClient,
  openNewCase,
  openPersona,
  signInAsLawyer,
  type OwnCaseJourneyOptions,
} from './own-case';
import { fill, see, step, tap, visible } from './page-actions';

const CASE_TITLE = '周先生劳动争议（隐私旅程）';
const CLIENT_NAME = '周先生';

export async function runPrivacyJourney(options: OwnCaseJourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};

  let done = step('lawyer opens a case and invites a client');
  const lawyer = (await openPersona('lawyer', options, pages)).page;
  await signInAsLawyer(lawyer, baseUrl);
  const caseId = await openNewCase(lawyer, CASE_TITLE);
  const inviteLink = await inviteClient(lawyer, CLIENT_NAME);
  done();

  done = step('client cannot sign in without agreeing, and reads the notice first');
  const client = (await openPersona('client', options, pages)).page;
  await client.goto(inviteLink);
  await fill(client, 'new-client-name', CLIENT_NAME);
  const box = visible(client, '#privacy-consent');
  if ((await box.getAttribute('aria-checked')) !== 'false')
    throw new Error('the consent box is ticked for the person');
  await visible(client, '#login-new-client').click();
  await client.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro__toast')).some((el) =>
      (el.textContent ?? '').includes('请先阅读并勾选同意'),
    ),
  );
  if (await client.evaluate(() => Object.keys(localStorage).some((key) => key.includes('casetrail.token'))))
    throw new Error('signed in without consent');
  await see(client, '#privacy-consent');
  await tap(client, '#privacy-notice-link');
  await see(client, '#privacy-notice-version', PRIVACY_NOTICE_VERSION);
  await see(client, '#notice-rights', '下载我的数据');
  await see(client, '#notice-basis', '执业档案');
  await client.goBack();
  done();

  done = step('client agrees, signs in and joins');
  await box.waitFor();
  await visible(client, '#privacy-consent-box').click();
  await tap(client, '#login-new-client');
  await tap(client, '#join-submit');
  await see(client, '#case-title', CASE_TITLE);
  done();

  done = step('client downloads their data');
  await client.goto(`${baseUrl}/#/pages/index/index`);
  await tap(client, '#my-data-link');
  await see(client, '#consent-line', PRIVACY_NOTICE_VERSION);
  const [file]: [Download, void] = await Promise.all([
    client.waitForEvent('download'),
    tap(client, '#download-my-data'),
  ]);
  const filePath = await file.path();
  if (!filePath) throw new Error(`the download was not saved: ${await file.failure()}`);
  if (!file.suggestedFilename().endsWith('.json'))
    throw new Error(`unexpected file ${file.suggestedFilename()}`);
  const data = JSON.parse(readFileSync(filePath, 'utf8')) as {
    account: { displayName: string };
    consents: { kind: string; version: string }[];
    memberships: { caseTitle: string; role: string }[];
  };
  if (data.account.displayName !== CLIENT_NAME) throw new Error(`export names ${data.account.displayName}`);
  if (!data.consents.some((c) => c.kind === 'consent' && c.version === PRIVACY_NOTICE_VERSION))
    throw new Error('export lacks the consent');
  if (!data.memberships.some((m) => m.caseTitle === CASE_TITLE && m.role === 'client'))
    throw new Error('export lacks the membership');
  done();

  done = step('client deletes the account after reading what is kept');
  await see(client, '#deletion-keeps', '修改会使核验失败');
  await fill(client, 'delete-confirm', '注销账号');
  await tap(client, '#delete-account');
  await see(client, '#privacy-consent');
  if (!client.url().includes('/pages/login/')) throw new Error(`not signed out: ${client.url()}`);
  done();

  done = step('lawyer sees the anonymized client, and the record still verifies');
  await lawyer.goto(`${baseUrl}/#/pages/case/index?id=${encodeURIComponent(caseId)}`);
  await lawyer.reload();
  await see(lawyer, '#case-clients', '已注销用户');
  await tap(lawyer, '#evidence-entry', '存证与核验');
  await tap(lawyer, '#verify-button', '核验本案记录');
  await see(lawyer, '#verify-verdict', '记录完整');
  done();
}
