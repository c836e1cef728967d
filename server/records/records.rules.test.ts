import { MEMBER_ROLES } from '../../contract/roles';
import {
  changesMeasuredFrom,
  decidePublish,
  decideResponse,
  respondsToRecords,
  seesOthersEvidence,
  seesUnpublished,
  standing,
  viewIsEvidence,
  type ResponseKind,
} from './records.rules';

describe('decidePublish', () => {
  it.each([
    [
      'a first version, with or without a note',
      null,
      { contentKey: 'a', note: null },
      { ok: true, versionNo: 1 },
    ],
    ['a first version with a note', null, { contentKey: 'a', note: '首次' }, { ok: true, versionNo: 1 }],
    [
      'a changed second version with its note',
      { versionNo: 1, contentKey: 'a' },
      { contentKey: 'b', note: '改了第 2 条' },
      { ok: true, versionNo: 2 },
    ],
    [
      'a later version without a note',
      { versionNo: 3, contentKey: 'a' },
      { contentKey: 'b', note: null },
      { ok: false, reason: 'NOTE_REQUIRED' },
    ],
    [
      'an empty note',
      { versionNo: 1, contentKey: 'a' },
      { contentKey: 'b', note: '' },
      { ok: false, reason: 'NOTE_REQUIRED' },
    ],
    [
      'unchanged content',
      { versionNo: 2, contentKey: 'a' },
      { contentKey: 'a', note: '无' },
      { ok: false, reason: 'NOTHING_CHANGED' },
    ],
  ])('decides %s', (_name, latest, next, expected) => {
    expect(decidePublish({ latest, next })).toEqual(expected);
  });
});

describe('decideResponse', () => {
  const base = {
    role: 'client' as const,
    currentVersionNo: 2,
    versionNo: 2,
    existing: null as ResponseKind | null,
    kind: 'acknowledged' as ResponseKind,
    reason: null as string | null,
  };
  it.each([
    ['a client acknowledging the current version', {}, { ok: true }],
    ['a client disputing with a reason', { kind: 'disputed', reason: '第 2 条与约定不符' }, { ok: true }],
    ['a dispute without a reason', { kind: 'disputed' }, { ok: false, reason: 'REASON_REQUIRED' }],
    ['a lawyer', { role: 'lawyer' }, { ok: false, reason: 'ROLE' }],
    ['nothing published yet', { currentVersionNo: 0, versionNo: 1 }, { ok: false, reason: 'NOT_PUBLISHED' }],
    ['a version from the future', { versionNo: 3 }, { ok: false, reason: 'NOT_PUBLISHED' }],
    ['an older version', { versionNo: 1 }, { ok: false, reason: 'SUPERSEDED', currentVersionNo: 2 }],
    [
      'a second response to the same version',
      { existing: 'acknowledged' },
      { ok: false, reason: 'ALREADY', existing: 'acknowledged' },
    ],
    [
      'an acknowledgment after a dispute of the same version',
      { existing: 'disputed' },
      { ok: false, reason: 'ALREADY', existing: 'disputed' },
    ],
  ])('decides %s', (_name, change, expected) => {
    expect(decideResponse({ ...base, ...(change as Partial<typeof base>) })).toEqual(expected);
  });

  it('names superseded before already-responded, so an old screen learns of the new version', () => {
    expect(decideResponse({ ...base, versionNo: 1, existing: 'acknowledged' })).toMatchObject({
      reason: 'SUPERSEDED',
    });
  });
});

describe('role decisions', () => {
  it.each(MEMBER_ROLES.map((role) => [role]))('decides every question for %s', (role) => {
    const answers = [seesUnpublished, seesOthersEvidence, respondsToRecords, viewIsEvidence].map((f) =>
      f(role),
    );
    expect(answers).toEqual(role === 'lawyer' ? [true, true, false, false] : [false, false, true, true]);
  });

  it('gives a role it does not know no power at all', () => {
    const unknown = 'family' as never;
    expect(
      [seesUnpublished, seesOthersEvidence, respondsToRecords, viewIsEvidence].map((f) => f(unknown)),
    ).toEqual([false, false, false, false]);
    expect(seesUnpublished('constructor' as never)).toBe(false);
  });
});

describe('changesMeasuredFrom', () => {
  it.each([
    ['never acknowledged', 3, [], null],
    [
      'acknowledged the current version',
      3,
      [
        { versionNo: 3, kind: 'acknowledged' },
        { versionNo: 1, kind: 'acknowledged' },
      ],
      null,
    ],
    ['acknowledged version 1 of 3', 3, [{ versionNo: 1, kind: 'acknowledged' }], 1],
    [
      'acknowledged versions 1 and 2 of 3',
      3,
      [
        { versionNo: 1, kind: 'acknowledged' },
        { versionNo: 2, kind: 'acknowledged' },
      ],
      2,
    ],
    ['only disputed an older version', 3, [{ versionNo: 2, kind: 'disputed' }], null],
    [
      'acknowledged 1, disputed 2',
      3,
      [
        { versionNo: 1, kind: 'acknowledged' },
        { versionNo: 2, kind: 'disputed' },
      ],
      1,
    ],
  ] as const)('when the person %s', (_name, currentVersionNo, responses, expected) => {
    expect(changesMeasuredFrom({ currentVersionNo, responses: [...responses] })).toBe(expected);
  });
});

describe('standing', () => {
  it.each([
    [true, true, 'acknowledged'],
    [true, false, 'acknowledged'],
    [false, true, 'viewed'],
    [false, false, 'unread'],
  ] as const)('acknowledged=%s viewed=%s is %s', (acknowledged, viewed, expected) => {
    expect(standing({ acknowledged, viewed })).toBe(expected);
  });
});
