/**
 * The 书面记录汇编: a case's written record as one self-contained, printable HTML document (A4, Simplified
 * Chinese, no external fonts, scripts or images), rendered from the evidence bundle so it shows exactly what a
 * verifier checks. Every piece of user text goes through `esc`.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { SECTION_KEYS, type SectionKey } from '../../contract/limits';
import { MEMO_CHANNEL_LABELS, type MemoChannel } from '../../contract/memos';
import { ANSWER_KIND_LABELS, REQUEST_CATEGORY_LABELS, type RequestCategory } from '../../contract/requests';
import type { MemberRole } from '../../contract/roles';
import {
  WITHHELD_KINDS,
  type BundleReport,
  type BundleRow,
  type EvidenceBundle,
  type TimestampCheck,
  type WithheldKind,
} from './bundle.rules';

dayjs.extend(utc);
dayjs.extend(timezone);

const SECTION_LABELS: Record<SectionKey, string> = {
  worstCase: '最坏情况',
  weWill: '我们会做',
  weCannot: '我们不能做·不承诺',
  youMust: '需要您配合',
};

const ROLE_LABELS: Record<MemberRole, string> = { lawyer: '律师', client: '客户' };

const EVENT_LABELS: Record<string, string> = {
  'case.created': '创建案件',
  'invite.created': '生成邀请',
  'member.joined': '成员加入',
  'member.removed': '律师移出成员',
  'invite.revoked': '撤回邀请',
  'update.published': '发布进展更新',
  'update.corrected': '更正进展更新',
  'update.read': '客户阅读进展',
  'stage.changed': '阶段变更',
  'statement.drafted': '起草告知书',
  'statement.draftSaved': '保存告知书草稿',
  'statement.published': '发布告知书',
  'statement.viewed': '客户查看告知书',
  'statement.acknowledged': '知悉回执',
  'statement.question.asked': '客户提问',
  'statement.question.answered': '律师答复',
  'statement.reminder.queued': '知悉提醒',
  'evidence.checkpoint': '存证检查点',
  'memo.published': '发布沟通备忘录',
  'memo.corrected': '更正沟通备忘录',
  'memo.viewed': '客户查看备忘录',
  'memo.confirmed': '客户确认备忘录',
  'memo.disputed': '客户对备忘录提出异议',
  'request.created': '客户提出请求',
  'request.answered': '律师书面答复请求',
  'request.answerRead': '客户阅读答复',
  'task.assigned': '布置配合事项',
  'task.completed': '客户完成配合事项',
  'task.accepted': '律师验收配合事项',
  'task.returned': '律师退回配合事项',
};

/** What a reply did, as the document names it: a request's answer, or a task's step. */
const REPLY_ACT_LABELS: Record<'request' | 'task', Record<string, string>> = {
  request: { ...ANSWER_KIND_LABELS },
  task: { done: '客户标记完成', accept: '律师验收通过', return: '律师退回' },
};

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** An instant as Asia/Shanghai wall-clock time, to the second. */
export function shanghaiTime(iso: unknown): string {
  const at = dayjs(String(iso));
  return at.isValid() ? at.tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm:ss') : String(iso ?? '');
}

/** The document for a bundle, with the verification the export ran over that same bundle. */
export function renderEvidenceHtml(bundle: EvidenceBundle, check: BundleReport): string {
  const doc = new CaseDocument(bundle);
  const sections = [
    ['case', '一、案件信息', doc.caseFacts()],
    ['members', '二、案件成员', doc.members()],
    ['updates', '三、进展更新', doc.records('update')],
    ['statements', '四、预期与风险告知书', doc.records('statement')],
    ['memos', '五、沟通备忘录', doc.records('memo')],
    ['requests', '六、客户请求与书面答复', doc.threads('request')],
    ['tasks', '七、需要客户配合的事项', doc.threads('task')],
    ['chain', '八、事件链与核验结果', doc.chain(check)],
    ['seal', '九、律所总日志封存与可信时间戳', doc.seal(check.timestamps)],
    ['verify', '十、如何核验', howToVerify(bundle, check.withheld.events > 0)],
    ['events', '附录：事件链明细', doc.eventList()],
  ] as const;
  const title = `书面记录汇编 · ${doc.caseTitle}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>书面记录汇编</h1>
<p class="subtitle">${esc(doc.caseTitle)}</p>
<table class="kv">
<tr><th>导出时间</th><td>${esc(shanghaiTime(bundle.exportedAt))}（北京时间）</td></tr>
<tr><th>导出人</th><td>${esc(bundle.exportedBy.name)}（${esc(roleLabel(bundle.exportedBy.role))}）</td></tr>
<tr><th>导出时核验</th><td>${check.valid ? '<strong class="ok">通过</strong>' : `<strong class="bad">发现 ${check.findings.length} 处问题</strong>`}（见第八部分）</td></tr>
</table>
<p class="note">本文件是阅读件。与其一同导出的 JSON 导出件（${esc(bundle.format)}）载有${
    check.withheld.events
      ? `本案事件与证据记录，其中 ${check.withheld.events} 条事件涉及其他客户的个人信息，仅保留其在事件链中的位置与摘要（见第八部分）`
      : '全部事件与证据记录'
  }，任何人均可按第十部分所述方法独立核验。</p>
</header>
<nav class="toc">
<h2>目录</h2>
<ol>${sections.map(([id, heading]) => `<li><a href="#${id}">${heading}</a></li>`).join('')}</ol>
</nav>
${sections.map(([id, heading, body]) => `<section id="${id}">\n<h2>${heading}</h2>\n${body}\n</section>`).join('\n')}
</body>
</html>
`;
}

type Row = BundleRow;

/** The bundle's rows, grouped the way the document reads them. */
class CaseDocument {
  private readonly t: EvidenceBundle['tables'];
  private readonly caseRow: Row;
  private readonly versionsOf = new Map<string, Row[]>();
  private readonly versionNo = new Map<string, number>();

  constructor(private readonly bundle: EvidenceBundle) {
    this.t = bundle.tables;
    this.caseRow = this.t.cases[0] ?? {};
    for (const v of [...this.t.record_versions].sort((a, b) => num(a.version_no) - num(b.version_no))) {
      this.versionsOf.set(String(v.record_id), [...(this.versionsOf.get(String(v.record_id)) ?? []), v]);
      this.versionNo.set(String(v.id), num(v.version_no));
    }
  }

  get caseTitle(): string {
    return String(this.caseRow.title ?? this.bundle.caseId);
  }

  /**
   * Request id, device and IP of an act: what DESIGN §4 has an acknowledgment record. A client's copy shows them for
   * the client's own acts only: another client's device and address are that person's personal information (a
   * client's bundle withholds those acts altogether, redact.ts; this stays as a second guard).
   */
  private evidenceCell(r: Row, extra: [string, string][]): string {
    const { role, userId } = this.bundle.exportedBy;
    const hidden = role === 'client' && String(r.user_id) !== userId;
    const personal: [string, string][] = hidden
      ? [['请求编号、设备与 IP', '已隐去（其他客户的个人信息）']]
      : [
          ['请求编号', `<span class="hash">${esc(r.request_id ?? '未记录')}</span>`],
          ['设备', esc(deviceOf(r.client_info))],
          ['IP', esc(r.source_ip ?? '平台未提供')],
        ];
    return [...extra, ...personal, ['事件链位置', `第 ${esc(r.event_seq)} 条`]]
      .map(([k, v]) => `${k}：${v}`)
      .join('<br>');
  }

  private name(userId: unknown): string {
    return this.bundle.names[String(userId)] ?? String(userId ?? '');
  }

  caseFacts(): string {
    const c = this.caseRow;
    const current = num(c.current_stage_index);
    const stages = [...this.t.case_stages].sort((a, b) => num(a.idx) - num(b.idx));
    return `${kv([
      ['案件名称', esc(c.title)],
      ['案件类型', esc(c.case_type)],
      ['案号', esc(c.case_number ?? '—')],
      ['法院', esc(c.court ?? '—')],
      ['对方当事人', esc(c.opposing_party ?? '—')],
      ['创建人', esc(this.name(c.created_by))],
      ['创建时间', esc(shanghaiTime(c.created_at))],
      ['案件标识', `<span class="hash">${esc(c.id)}</span>`],
    ])}
<h3>案件阶段</h3>
<table class="list"><thead><tr><th class="nw">序号</th><th class="nw">阶段</th><th>说明</th><th class="nw">状态</th></tr></thead><tbody>
${stages
  .map(
    (s) =>
      `<tr><td>${num(s.idx) + 1}</td><td class="nw">${esc(s.name)}</td><td>${esc(s.description)}</td><td class="nw">${
        num(s.idx) < current ? '已完成' : num(s.idx) === current ? '<strong>当前阶段</strong>' : '未开始'
      }</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  }

  members(): string {
    const rows = [...this.t.case_members].sort((a, b) =>
      String(a.joined_at).localeCompare(String(b.joined_at)),
    );
    return `<table class="list"><thead><tr><th>姓名</th><th>身份</th><th>加入时间</th><th>用户标识</th></tr></thead><tbody>
${rows
  .map(
    (m) =>
      `<tr><td>${esc(this.name(m.user_id))}</td><td>${esc(roleLabel(m.role))}</td><td>${esc(
        shanghaiTime(m.joined_at),
      )}</td><td class="hash">${esc(m.user_id)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<p class="note">姓名为导出时系统中的名称，仅供阅读；身份与加入时间由事件链背书。</p>`;
  }

  records(kind: VersionedKind): string {
    const records = this.t.records
      .filter((r) => r.kind === kind)
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    if (records.length === 0) return `<p class="empty">本案尚无${KIND_NAMES[kind]}。</p>`;
    return records.map((r, i) => this.record(r, i + 1, kind)).join('\n');
  }

  /**
   * Requests and tasks, each followed by its replies (records whose parent it is): the lawyer's answer to a
   * request; a task's 完成 / 验收 / 退回 steps. Every one is its own record, with its own hash and chain position.
   */
  threads(kind: 'request' | 'task'): string {
    const records = this.t.records
      .filter((r) => r.kind === kind)
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    if (records.length === 0)
      return `<p class="empty">本案尚无${kind === 'request' ? '客户请求' : '配合事项'}。</p>`;
    const repliesOf = (id: string) =>
      this.t.records
        .filter((r) => r.kind === 'reply' && String(r.parent_id) === id)
        .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    return records
      .map((r, i) => {
        const [version] = this.versionsOf.get(String(r.id)) ?? [];
        const content = version ? parseObject(version.content) : {};
        const replies = repliesOf(String(r.id))
          .map((reply) => (this.versionsOf.get(String(reply.id)) ?? [])[0])
          .filter((v): v is Row => !!v);
        // A client's copy reads their own requests and tasks; another client's are that person's matter (a client's
        // bundle withholds them, redact.ts; this stays as a second guard).
        const { role, userId } = this.bundle.exportedBy;
        const owner = kind === 'request' ? String(version?.author_id) : String(content.assigneeId);
        if (role === 'client' && owner !== userId)
          return `<article class="record" id="r-${esc(r.id)}">
<h3>${i + 1}. 其他客户的${kind === 'request' ? '请求' : '配合事项'}</h3>
<p class="note">内容从略：仅该客户本人与律师可阅读。记录标识 <span class="hash">${esc(r.id)}</span></p>
</article>`;
        const heading =
          kind === 'request'
            ? `${REQUEST_CATEGORY_LABELS[content.category as RequestCategory] ?? '请求'} · ${esc(version?.author_name)}`
            : esc(content.title);
        return `<article class="record" id="r-${esc(r.id)}">
<h3>${i + 1}. ${heading}</h3>
<p class="meta">记录标识 <span class="hash">${esc(r.id)}</span></p>
${version ? this.threadEntry(version, kind === 'request' ? requestContent(content) : taskContent(content)) : ''}
${replies.length === 0 ? `<p class="empty">${kind === 'request' ? '尚未答复。' : '客户尚未标记完成。'}</p>` : ''}
${replies.map((v) => this.threadEntry(v, replyContent(parseObject(v.content), kind))).join('\n')}
${this.views(this.t.record_views.filter((x) => replies.some((v) => String(v.record_id) === String(x.record_id))))}
</article>`;
      })
      .join('\n');
  }

  private threadEntry(v: Row, body: string): string {
    const warnings = parseList(v.promise_warnings);
    return `<div class="version">
<h4>${esc(v.title)}</h4>
${kv([
  ['作者', `${esc(v.author_name)}（${esc(roleLabel(v.author_role))}）`],
  ['时间', esc(shanghaiTime(v.published_at))],
  ['内容指纹（SHA-256）', `<span class="hash">${esc(v.content_hash)}</span>`],
  ['事件链位置', `第 ${esc(v.event_seq)} 条事件`],
  ...(warnings.length
    ? ([['发送时的承诺用语提示', esc(warnings.map((w) => parseObject(w).phrase ?? '').join('、'))]] as [
        string,
        string,
      ][])
    : []),
])}
<div class="content">${body}</div>
</div>`;
  }

  private record(r: Row, n: number, kind: VersionedKind): string {
    const versions = this.versionsOf.get(String(r.id)) ?? [];
    const latest = versions[versions.length - 1];
    const id = String(r.id);
    const pick = <T extends Row>(rows: T[]) => rows.filter((x) => String(x.record_id) === id);
    return `<article class="record" id="r-${esc(id)}">
<h3>${n}. ${esc(latest?.title ?? '（未发布）')}</h3>
<p class="meta">共 ${versions.length} 版 · 创建于 ${esc(shanghaiTime(r.created_at))} · 记录标识 <span class="hash">${esc(id)}</span></p>
${versions.map((v) => this.version(v, kind, v === latest)).join('\n')}
${kind === 'update' ? '' : this.responses(pick(this.t.record_responses), kind)}
${this.views(pick(this.t.record_views))}
${kind === 'statement' ? this.questions(pick(this.t.record_questions)) : ''}
</article>`;
  }

  private version(v: Row, kind: VersionedKind, latest: boolean): string {
    const content = parseObject(v.content);
    const noteLabel = kind === 'statement' ? '修订说明' : '更正原因';
    const status = latest ? '当前版本' : kind === 'statement' ? '已被修订' : '已被更正';
    const warnings = parseList(v.promise_warnings);
    return `<div class="version">
<h4>第 ${num(v.version_no)} 版 <span class="tag">${status}</span></h4>
${kv([
  ['发布人', `${esc(v.author_name)}（${esc(roleLabel(v.author_role))}）`],
  ['发布时间', esc(shanghaiTime(v.published_at))],
  ...(v.note !== null ? ([[noteLabel, esc(v.note)]] as [string, string][]) : []),
  ['内容指纹（SHA-256）', `<span class="hash">${esc(v.content_hash)}</span>`],
  ['事件链位置', `第 ${esc(v.event_seq)} 条事件`],
  ...(warnings.length
    ? ([['发布时的承诺用语提示', esc(warnings.map((w) => parseObject(w).phrase ?? '').join('、'))]] as [
        string,
        string,
      ][])
    : []),
])}
<div class="content">${CONTENT_RENDERERS[kind](content)}</div>
</div>`;
  }

  private responses(rows: Row[], kind: 'statement' | 'memo'): string {
    const heading = kind === 'memo' ? '确认与异议' : '知悉回执与异议';
    if (rows.length === 0)
      return `<h4>${heading}</h4><p class="empty">尚无${kind === 'memo' ? '确认' : '知悉回执'}。</p>`;
    const agreed = kind === 'memo' ? '确认无误' : '已阅读并知悉';
    const conclusionOf = (r: Row) => {
      if (!r.item_id) return '';
      const version = (this.versionsOf.get(String(r.record_id)) ?? []).find(
        (v) => String(v.id) === String(r.version_id),
      );
      const point = parseList(parseObject(version?.content).conclusions)
        .map(parseObject)
        .find((c) => c.id === r.item_id);
      return `（针对结论「${esc(point?.text ?? r.item_id)}」）`;
    };
    const sorted = [...rows].sort((a, b) => String(a.responded_at).localeCompare(String(b.responded_at)));
    return `<h4>${heading}</h4>
<table class="list"><thead><tr><th>客户</th><th>回执</th><th>时间</th><th>存证信息</th></tr></thead><tbody>
${sorted
  .map(
    (r) =>
      `<tr><td>${esc(r.user_name)}（${esc(roleLabel(r.role))}）</td><td>${
        r.kind === 'disputed' ? `<strong>异议</strong>${conclusionOf(r)}：${esc(r.reason)}` : agreed
      }<br>第 ${num(r.version_no)} 版</td><td>${esc(shanghaiTime(r.responded_at))}</td><td class="small">${this.evidenceCell(
        r,
        [['内容指纹', `<span class="hash">${esc(r.content_hash)}</span>`]],
      )}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  }

  private views(rows: Row[]): string {
    if (rows.length === 0) return '<h4>阅读回执</h4><p class="empty">尚无阅读回执。</p>';
    const sorted = [...rows].sort((a, b) => String(a.viewed_at).localeCompare(String(b.viewed_at)));
    return `<h4>阅读回执</h4>
<table class="list"><thead><tr><th>读者</th><th>版本</th><th>首次阅读时间</th><th>存证信息</th></tr></thead><tbody>
${sorted
  .map(
    (r) =>
      `<tr><td>${esc(this.name(r.user_id))}（${esc(roleLabel(r.role))}）</td><td>第 ${
        this.versionNo.get(String(r.version_id)) ?? '?'
      } 版</td><td>${esc(shanghaiTime(r.viewed_at))}</td><td class="small">${this.evidenceCell(r, [])}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  }

  private questions(rows: Row[]): string {
    if (rows.length === 0) return '<h4>客户提问与律师答复</h4><p class="empty">尚无提问。</p>';
    const answers = new Map(this.t.record_answers.map((a) => [String(a.question_id), a]));
    const sorted = [...rows].sort((a, b) => String(a.asked_at).localeCompare(String(b.asked_at)));
    return `<h4>客户提问与律师答复</h4>
${sorted
  .map((q) => {
    const a = answers.get(String(q.id));
    return `<div class="qa">
<p><strong>问</strong>（${esc(q.asked_by_name)}，${esc(shanghaiTime(q.asked_at))}，针对第 ${num(
      q.version_no,
    )} 版「${esc(q.item_text)}」）：${esc(q.question)}</p>
${
  a
    ? `<p><strong>答</strong>（${esc(a.answered_by_name)}，${esc(shanghaiTime(a.answered_at))}）：${esc(a.answer)}</p>`
    : '<p class="empty">尚未答复。</p>'
}
</div>`;
  })
  .join('\n')}`;
  }

  chain(check: BundleReport): string {
    const events = this.bundle.events;
    const head = events[events.length - 1];
    const findings = check.findings.slice(0, 50);
    const withheld = Object.entries(check.withheld.byKind)
      .map(([kind, n]) => `${WITHHELD_KINDS[kind as WithheldKind]} ${n} 条`)
      .join('，');
    return `${kv([
      ['事件总数', `${events.length} 条`],
      [
        '链头',
        head ? `第 ${esc(head.seq)} 条事件${'at' in head ? `（${esc(shanghaiTime(head.at))}）` : ''}` : '—',
      ],
      ['链头摘要（SHA-256）', `<span class="hash">${esc(head?.hash ?? '—')}</span>`],
      ...(check.withheld.events
        ? ([
            [
              '隐去的事件',
              `${check.withheld.events} 条（${esc(withheld)}）：本副本为客户副本，其他客户的个人信息（设备、IP 地址、请求编号、姓名及其本人的事项）不予提供。这些事件在链中的位置与摘要已核验，内容及其记载的证据记录不在本副本中，无法核验；律师导出的完整副本载有全部内容。`,
            ],
          ] as [string, string][])
        : []),
    ])}
<p>每条事件的摘要覆盖其内容与前一条事件的摘要；每条证据记录（版本、回执、提问、答复、成员）均由创建它的事件逐字段记载。回执上载明的「链上位置」可与上述链头及附录逐条对照。</p>
<h3>导出时核验结果</h3>
${
  check.valid
    ? '<p class="ok">通过：事件链完整，每条证据记录均与为其背书的事件一致，版本内容与其内容指纹一致。</p>'
    : `<p class="bad">发现 ${check.findings.length} 处问题：</p><table class="list"><thead><tr><th>表</th><th>行</th><th>字段</th><th>说明</th></tr></thead><tbody>${findings
        .map(
          (f) =>
            `<tr><td>${esc(f.table)}</td><td class="hash">${esc(f.row ?? '')}</td><td>${esc(f.field ?? '')}</td><td>${esc(f.message)}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`;
  }

  seal(timestamps: TimestampCheck[]): string {
    const entries = this.bundle.firmLog.filter((f) => f.case_id === this.bundle.caseId);
    const last = entries[entries.length - 1];
    if (!last)
      return '<p>本案尚未封存至律所总日志，亦<strong>尚未取得可信时间戳</strong>。事件链的完整性仍可按第七部分核验。</p>';
    const after = this.bundle.events.length - num(last.case_seq);
    const covering = timestamps.filter((s) => s.coversCaseSeq !== null);
    return `${kv([
      ['最近一次封存', `律所总日志第 ${esc(last.seq)} 条，${esc(shanghaiTime(last.at))}`],
      ['封存的案件位置', `第 ${esc(last.case_seq)} 条事件`],
      ['封存的案件链头', `<span class="hash">${esc(last.case_head)}</span>`],
      ['该条日志摘要', `<span class="hash">${esc(last.hash)}</span>`],
    ])}
${after > 0 ? `<p class="note">其后的 ${after} 条事件尚未封存，将在下次封存时写入律所总日志。</p>` : ''}
<h3>可信时间戳（RFC 3161）</h3>
${
  covering.length === 0
    ? '<p><strong>尚未取得可信时间戳。</strong>封存记录本身可核验，但其时间未经第三方时间戳服务证明。</p>'
    : `<table class="list"><thead><tr><th>时间戳服务（TSA）</th><th>时间戳时间</th><th>所盖日志</th><th>覆盖本案至</th><th>核验</th></tr></thead><tbody>${covering
        .map(
          (s) =>
            `<tr><td>${esc(s.tsaUrl)}</td><td>${esc(shanghaiTime(s.genTime))}</td><td>第 ${s.firmSeq} 条<br><span class="hash small">${esc(
              s.firmHead,
            )}</span></td><td>第 ${s.coversCaseSeq} 条事件</td><td>${TOKEN_STATUS[s.status]}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`;
  }

  eventList(): string {
    return `<table class="list events"><thead><tr><th class="nw">序号</th><th class="nw">时间</th><th class="nw">事件</th><th class="nw">操作人</th><th>摘要（SHA-256）</th></tr></thead><tbody>
${this.bundle.events
  .map((e) =>
    'withheld' in e
      ? `<tr><td>${esc(e.seq)}</td><td>—</td><td>已隐去（${esc(
          WITHHELD_KINDS[e.withheld as WithheldKind] ?? e.withheld,
        )}）</td><td>—</td><td class="hash">${esc(e.hash)}</td></tr>`
      : `<tr><td>${esc(e.seq)}</td><td>${esc(shanghaiTime(e.at))}</td><td>${esc(
          EVENT_LABELS[String(e.type)] ?? e.type,
        )}</td><td>${esc(this.name(e.actor_id))}</td><td class="hash">${esc(e.hash)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  }
}

const TOKEN_STATUS: Record<TimestampCheck['status'], string> = {
  verified: '签名与证书链已核验',
  'imprint-only': '摘要与签名已核对，签发者待用根证书核验',
  'not-checked': '未核验',
  invalid: '<strong class="bad">无效</strong>',
};

type VersionedKind = 'update' | 'statement' | 'memo';
const KIND_NAMES: Record<VersionedKind, string> = {
  update: '进展更新',
  statement: '告知书',
  memo: '沟通备忘录',
};

function memoContent(c: Record<string, unknown>): string {
  const points = (list: unknown) =>
    `<ol>${parseList(list)
      .map(parseObject)
      .map((p) => `<li>${multiline(p.text)}</li>`)
      .join('')}</ol>`;
  return [
    `<p><strong>沟通时间：</strong>${esc(shanghaiTime(c.communicatedAt))}</p>`,
    `<p><strong>沟通方式：</strong>${esc(MEMO_CHANNEL_LABELS[c.channel as MemoChannel] ?? c.channel)}</p>`,
    `<p><strong>参与人员：</strong>${esc(parseList(c.participants).join('、'))}</p>`,
    `<p class="section-label">沟通事项</p>${points(c.matters)}`,
    `<p class="section-label">形成结论</p>${points(c.conclusions)}`,
    c.followUp ? para('后续安排', c.followUp) : '',
    parseList(c.resolves).length
      ? `<p class="note">本版回应了 ${parseList(c.resolves).length} 项客户异议。</p>`
      : '',
  ].join('\n');
}

function requestContent(c: Record<string, unknown>): string {
  return [
    para('请求内容', c.body),
    c.promisedBy ? `<p><strong>承诺答复时间：</strong>${esc(shanghaiTime(c.promisedBy))} 前</p>` : '',
  ].join('\n');
}

function taskContent(c: Record<string, unknown>): string {
  const item = parseObject(c.statementItem);
  return [
    c.details ? para('说明', c.details) : '',
    `<p><strong>完成期限：</strong>${esc(c.dueDate)}（北京时间当日内）</p>`,
    `<p><strong>指派给：</strong>${esc(c.assigneeName)}</p>`,
    item.text ? `<p><strong>对应告知书「需要您配合」条目：</strong>${esc(item.text)}</p>` : '',
  ].join('\n');
}

function replyContent(c: Record<string, unknown>, parentKind: 'request' | 'task'): string {
  return [
    `<p><strong>${esc(REPLY_ACT_LABELS[parentKind][String(c.act)] ?? c.act)}</strong>${
      c.dueBy ? `（完成期限：${esc(c.dueBy)}）` : ''
    }</p>`,
    c.text ? `<p>${multiline(c.text)}</p>` : '',
  ].join('\n');
}

const CONTENT_RENDERERS: Record<VersionedKind, (c: Record<string, unknown>) => string> = {
  update: (c) => updateContent(c),
  statement: (c) => statementContent(c),
  memo: memoContent,
};

function updateContent(c: Record<string, unknown>): string {
  const stage = parseObject(c.stage);
  return [
    `<p class="title">${esc(c.title)}</p>`,
    para('进展', c.body),
    c.nextSteps ? para('下一步', c.nextSteps) : '',
    c.risks ? para('风险提示', c.risks) : '',
    typeof stage.name === 'string' ? `<p><strong>阶段变更为：</strong>${esc(stage.name)}</p>` : '',
  ].join('\n');
}

function statementContent(c: Record<string, unknown>): string {
  const sections = parseObject(c.sections);
  return [
    `<p class="title">${esc(c.title)}</p>`,
    c.intro ? `<p>${multiline(c.intro)}</p>` : '',
    ...SECTION_KEYS.map((key) => {
      const items = parseList(sections[key]).map(parseObject);
      return `<p class="section-label">${SECTION_LABELS[key]}</p>${
        items.length === 0
          ? '<p class="empty">（无）</p>'
          : `<ol>${items
              .map(
                (i) =>
                  `<li>${multiline(i.text)}${i.basis ? `<br><span class="basis">依据：${esc(i.basis)}</span>` : ''}</li>`,
              )
              .join('')}</ol>`
      }`;
    }),
  ].join('\n');
}

function deviceOf(clientInfo: unknown): string {
  if (clientInfo === null || clientInfo === undefined) return '平台未提供';
  const info = parseObject(clientInfo);
  const parts = ['platform', 'model', 'system', 'version'].map((k) => info[k]).filter(Boolean);
  return parts.length ? parts.join(' · ') : String(clientInfo);
}

function kv(rows: [string, string][]): string {
  return `<table class="kv">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

const para = (label: string, value: unknown) => `<p><strong>${label}：</strong>${multiline(value)}</p>`;
const multiline = (value: unknown) => esc(value).replace(/\n/g, '<br>');
const num = (value: unknown) => Number(value ?? 0);
const roleLabel = (role: unknown) => ROLE_LABELS[role as MemberRole] ?? String(role ?? '');

function parseObject(value: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function parseList(value: unknown): unknown[] {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function howToVerify(bundle: EvidenceBundle, redacted: boolean): string {
  return `<ol>
<li>取得与本文件一同导出的 JSON 导出件（格式 <code>${esc(bundle.format)}</code>），其中载有${
    redacted
      ? '本案事件与证据记录（涉及其他客户个人信息的事件仅载其位置与摘要，核验程序会列明其条数）'
      : '本案全部事件、全部证据记录'
  }、律所总日志片段与可信时间戳凭证。</li>
<li>在 Casetrail 源代码目录中执行：<br><code>npm run verify-bundle -- 导出件.json --roots 时间戳服务根证书.pem</code><br>如持有知悉回执等回执，可加 <code>--receipts 回执.json</code>（列表，每项含 caseId、seq、head、ref），核对回执所载链上位置与导出件是否一致。</li>
<li>核验程序重新计算每条事件的 SHA-256 摘要链；逐行、逐字段核对每条证据记录与为其背书的事件；由版本的结构化内容重新生成规范文本并核对其内容指纹；核对律所总日志片段的链接与摘要，以及可信时间戳凭证所盖的日志摘要、签名和证书链。任何一处改动、删除、插入或调换都会被指出具体的表、行与字段，程序以退出码 1 结束。</li>
<li>核验算法与导出件格式的完整说明见 <code>docs/evidence-bundle.md</code>，第三方可据此独立实现，无需信任本系统。</li>
</ol>
<p class="note">未提供根证书时，程序只能核对时间戳的摘要与签名，会注明「签发者未核验」。本文件（HTML 或 PDF）为阅读件，具有核验意义的是 JSON 导出件。</p>`;
}

const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10.5pt; line-height: 1.65; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 22pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.2em; }
.subtitle { text-align: center; font-size: 13pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 9mm 0 3mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm; }
th, td { border: 0.5pt solid #999; padding: 1mm 2mm; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
tr { break-inside: avoid; }
table.kv th { width: 34mm; background: #f6f6f6; font-weight: normal; }
.hash, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8pt; word-break: break-all; }
.small { font-size: 8.5pt; }
.nw { white-space: nowrap; }
.note { font-size: 9pt; color: #555; }
.empty { color: #777; }
.meta { color: #555; font-size: 9pt; }
.tag { font-weight: normal; font-size: 8.5pt; border: 0.5pt solid #888; border-radius: 2pt; padding: 0 1.5mm; margin-left: 2mm; }
.ok { color: #176b2c; } .bad { color: #b00020; }
.record { border-top: 0.5pt solid #ccc; margin-top: 5mm; }
.version { border-left: 2pt solid #bbb; padding-left: 3mm; margin: 3mm 0; }
.content .title { font-weight: bold; }
.section-label { font-weight: bold; margin: 2mm 0 0; }
.basis { color: #555; font-size: 9pt; }
.qa { border-left: 2pt solid #ddd; padding-left: 3mm; margin: 2mm 0; }
.toc ol { padding-left: 6mm; } .toc a { color: inherit; }
table.events td { font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; }
  #chain, #events { break-before: page; } }
`;
