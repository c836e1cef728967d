import type { ApiResponse } from '../../contract/envelope';
import { readCaseEvents, verifyCaseEvents } from '../../server/events/event-log.store';
import { openHarness, setUpFirm, testEngine, type Firm, type Harness } from '../fixtures/api-harness';
import { sampleRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';

jest.setTimeout(180_000);

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const ROUNDS = 20;

/** A client's three acts, the event each commits, and the rows it leaves behind if it went through. */
const ACTS = ['statement.acknowledge', 'statement.ask', 'request.create'] as const;
type Act = (typeof ACTS)[number];
const EVENT_OF: Record<Act, string> = {
  'statement.acknowledge': 'statement.acknowledged',
  'statement.ask': 'statement.question.asked',
  'request.create': 'request.created',
};

/** What the client wrote in the case, as the lawyer's export bundle carries it. */
async function exportedActs(userId: string): Promise<Record<Act, number>> {
  const { bundle } = await h.ok(firm.lawyer, 'case.export', { caseId: firm.caseId });
  const parsed = JSON.parse(bundle) as { events: { actor_id: string; type: string }[] };
  const byClient = (type: string) =>
    parsed.events.filter((e) => e.actor_id === userId && e.type === type).length;
  return {
    'statement.acknowledge': byClient(EVENT_OF['statement.acknowledge']),
    'statement.ask': byClient(EVENT_OF['statement.ask']),
    'request.create': byClient(EVENT_OF['request.create']),
  };
}

describe(`removing a client while they write (${testEngine() === 'postgres' ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('either commits the write before the removal, kept in the record and export, or refuses it with NOT_FOUND', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const itemIds = statementItemIds(statement);
    const outcomes: Record<Act, { kept: number; refused: number }> = {
      'statement.acknowledge': { kept: 0, refused: 0 },
      'statement.ask': { kept: 0, refused: 0 },
      'request.create': { kept: 0, refused: 0 },
    };

    for (let round = 0; round < ROUNDS; round++) {
      h.advance(60_000);
      const subject = `wx:o-racer-${round}`;
      const invite = await h.ok(firm.lawyer, 'invite.createClient', {
        caseId: firm.caseId,
        clientName: `客户${round}`,
      });
      await h.ok(subject, 'invite.redeem', { code: invite.code });
      const userId = (await h.ok(subject, 'session.me', {})).userId;
      const rowsBefore = await h.counts();

      const calls: Record<Act, () => Promise<ApiResponse<unknown>>> = {
        'statement.acknowledge': () =>
          h.call(subject, 'statement.acknowledge', { statementId: statement.id, versionNo: 1, itemIds }),
        'statement.ask': () =>
          h.call(subject, 'statement.ask', {
            statementId: statement.id,
            versionNo: 1,
            itemId: itemIds[round % itemIds.length],
            question: `第 ${round} 轮：败诉时诉讼费由谁承担？`,
          }),
        'request.create': () => h.call(subject, 'request.create', { caseId: firm.caseId, ...sampleRequest }),
      };
      // The removal is sent before the acts in even rounds; in odd ones after them, 0 to 12 ms later, so the
      // acts meet it at different points of their work (before, while and after it holds the case lock).
      const removal = () => h.call(firm.lawyer, 'member.remove', { caseId: firm.caseId, userId });
      const removing = round % 2 === 0 ? removal() : null;
      const acting = ACTS.map((act) => calls[act]());
      const delay = ((round >> 1) % 5) * 3;
      const removed = await (removing ?? new Promise((resolve) => setTimeout(resolve, delay)).then(removal));
      const answers = await Promise.all(acting);
      expect(removed.ok).toBe(true);

      const events = await readCaseEvents(h.db, firm.caseId);
      const removalSeq = events.find(
        (e) => e.type === 'member.removed' && (JSON.parse(e.payload) as { userId: string }).userId === userId,
      )!.seq;
      const exported = await exportedActs(userId);
      const rowsAfter = await h.counts();
      ACTS.forEach((act, i) => {
        const answer = answers[i];
        const written = events.filter((e) => e.actorId === userId && e.type === EVENT_OF[act]);
        if (answer.ok) {
          outcomes[act].kept++;
          // Committed before the removal: in the chain ahead of it, and in the export.
          expect({
            round,
            act,
            seqs: written.map((e) => e.seq < removalSeq),
            exported: exported[act],
          }).toEqual({
            round,
            act,
            seqs: [true],
            exported: 1,
          });
        } else {
          outcomes[act].refused++;
          expect({
            round,
            act,
            code: answer.error.code,
            written: written.length,
            exported: exported[act],
          }).toEqual({ round, act, code: 'NOT_FOUND', written: 0, exported: 0 });
        }
      });
      const kept = (act: Act) => (answers[ACTS.indexOf(act)].ok ? 1 : 0);
      expect({
        round,
        responses: rowsAfter.record_responses - rowsBefore.record_responses,
        questions: rowsAfter.record_questions - rowsBefore.record_questions,
        records: rowsAfter.records - rowsBefore.records,
      }).toEqual({
        round,
        responses: kept('statement.acknowledge'),
        questions: kept('statement.ask'),
        records: kept('request.create'),
      });
    }

    expect(await verifyCaseEvents(h.db, firm.caseId)).toMatchObject({ valid: true });
    console.log(`membership race on ${testEngine()}: ${JSON.stringify(outcomes)}`);
  });
});
