// The grade a coding card proposes (issue 17), and how its last attempt is worded.
import { describe, expect, it } from 'vitest';
import type { CodeAttempt } from '../../../main/contract/api';
import { describeLastAttempt, formatSolveTime } from '../../../renderer/src/lib/lastAttempt';
import { AGAIN, GOOD, HARD, proposedGrade, type AttemptEvent } from '../../../renderer/src/lib/proposedGrade';

const pass: AttemptEvent = { kind: 'run', passed: true };
const fail: AttemptEvent = { kind: 'run', passed: false };
const reveal: AttemptEvent = { kind: 'reveal' };

describe('proposedGrade', () => {
  it('proposes nothing before anything happened', () => {
    expect(proposedGrade([])).toBeNull();
  });
  it('Good when every check passed on the first run', () => {
    expect(proposedGrade([pass])).toBe(GOOD);
    expect(proposedGrade([pass, fail])).toBe(GOOD); // solved first; later experiments do not undo that
    expect(proposedGrade([pass, reveal])).toBe(GOOD); // comparing with the reference after solving it
  });
  it('Hard when it passed after fixes', () => {
    expect(proposedGrade([fail, pass])).toBe(HARD);
    expect(proposedGrade([fail, fail, fail, pass])).toBe(HARD);
  });
  it('Again when the solution was shown first, or it never passed', () => {
    expect(proposedGrade([reveal])).toBe(AGAIN);
    expect(proposedGrade([fail, reveal, pass])).toBe(AGAIN);
    expect(proposedGrade([fail])).toBe(AGAIN);
    expect(proposedGrade([fail, fail])).toBe(AGAIN);
  });
  it('uses the four buttons\' qualities', () => {
    expect([AGAIN, HARD, GOOD]).toEqual([1, 3, 4]);
  });
});

describe('describeLastAttempt', () => {
  const attempt = (a: Partial<CodeAttempt>): CodeAttempt => ({ code: '', passed: true, checksPassed: 3, checksTotal: 3, runs: 1, solveMs: 0, at: 0, ...a });
  it('says how long it took to pass, or how far it got', () => {
    expect(describeLastAttempt(attempt({ solveMs: 4 * 60_000 + 10_000 }))).toBe('last time: passed in 4 min');
    expect(describeLastAttempt(attempt({ solveMs: 42_400 }))).toBe('last time: passed in 42 s');
    expect(describeLastAttempt(attempt({ passed: false, checksPassed: 1, solveMs: 360_000 }))).toBe('last time: not passed (1/3 checks) after 6 min');
  });
  it('rounds to whole minutes under an hour, then hours', () => {
    expect(formatSolveTime(59_400)).toBe('59 s');
    expect(formatSolveTime(89_000)).toBe('1 min');
    expect(formatSolveTime(90 * 60_000)).toBe('1.5 h');
    expect(formatSolveTime(120 * 60_000)).toBe('2 h');
  });
});
