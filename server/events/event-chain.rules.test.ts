import { createHash } from 'node:crypto';
import { GENESIS_HASH, eventHashInput, verifyChain, type ChainEvent } from './event-chain.rules';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(n: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      caseId: 'c1',
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actorId: 'u',
      type: 't',
      payload: '{}',
      prevHash,
    };
    const hash = sha(eventHashInput(e));
    events.push({ ...e, hash });
    prevHash = hash;
  }
  return events;
}

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', () => {
    const events = chain(4);
    expect(verifyChain(events, sha)).toEqual({
      valid: true,
      events: 4,
      headHash: events[3].hash,
      brokenAt: null,
    });
  });

  it('names the first edited event, even if its own hash was recomputed', () => {
    const events = chain(4);
    events[1] = { ...events[1], payload: '{"x":1}' };
    expect(verifyChain(events, sha).brokenAt).toBe(2);
    events[1] = { ...events[1], hash: sha(eventHashInput(events[1])) };
    expect(verifyChain(events, sha).brokenAt).toBe(3);
  });

  it('notices a deleted event', () => {
    const events = chain(4);
    events.splice(2, 1);
    expect(verifyChain(events, sha)).toMatchObject({ valid: false, brokenAt: 3 });
  });
});
