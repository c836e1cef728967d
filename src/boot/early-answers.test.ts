import {
  EARLY_ANSWER_FRESH_MS,
  EARLY_ANSWERS_GLOBAL,
  takeEarlyAnswer,
  type EarlyAnswers,
} from './early-answers';

const global = globalThis as Record<string, unknown>;

function putEarly(token: string | null, sentAt = 1_000_000): EarlyAnswers {
  const early: EarlyAnswers = {
    token,
    sentAt,
    answers: { 'case.get {"caseId":"c"}': Promise.resolve({ status: 200, body: { ok: true, data: 1 } }) },
  };
  global[EARLY_ANSWERS_GLOBAL] = early;
  return early;
}

afterEach(() => delete global[EARLY_ANSWERS_GLOBAL]);

describe('takeEarlyAnswer', () => {
  it('hands an answer out once; the next ask goes to the server', async () => {
    putEarly('tok');
    await expect(takeEarlyAnswer('case.get {"caseId":"c"}', 'tok', 1_000_500)).resolves.toEqual({
      status: 200,
      body: { ok: true, data: 1 },
    });
    expect(takeEarlyAnswer('case.get {"caseId":"c"}', 'tok', 1_000_600)).toBeUndefined();
  });

  it('gives nothing sent with another token (signed out or in as someone else since)', () => {
    putEarly('tok');
    expect(takeEarlyAnswer('case.get {"caseId":"c"}', 'other', 1_000_500)).toBeUndefined();
    expect(takeEarlyAnswer('case.get {"caseId":"c"}', null, 1_000_500)).toBeUndefined();
  });

  it('gives nothing once the answers are no longer fresh, and nothing without a boot script', () => {
    putEarly('tok');
    expect(
      takeEarlyAnswer('case.get {"caseId":"c"}', 'tok', 1_000_001 + EARLY_ANSWER_FRESH_MS),
    ).toBeUndefined();
    delete global[EARLY_ANSWERS_GLOBAL];
    expect(takeEarlyAnswer('case.get {"caseId":"c"}', 'tok')).toBeUndefined();
  });
});
