import { followerCountTarget, MissingSince, missingSeqs } from './reconcile-rules';

describe('missingSeqs', () => {
  it('lists 1..upTo that are not held, ascending', () => {
    expect(missingSeqs(5, new Set([2, 4]))).toEqual([1, 3, 5]);
    expect(missingSeqs(3, new Set([1, 2, 3]))).toEqual([]);
    expect(missingSeqs(0, new Set())).toEqual([]);
    expect(missingSeqs(2, new Set([7]))).toEqual([1, 2]);
  });
});

describe('followerCountTarget', () => {
  it('is null when every seq up to the count has a row', () => {
    expect(followerCountTarget(2, new Set([1, 2]))).toBeNull();
    expect(followerCountTarget(0, new Set())).toBeNull();
    expect(followerCountTarget(1, new Set([1, 5]))).toBeNull();
  });

  it('lowers the count to just below the first seq MySQL lacks', () => {
    expect(followerCountTarget(1, new Set())).toBe(0);
    expect(followerCountTarget(3, new Set([1, 2]))).toBe(2);
    expect(followerCountTarget(2, new Set([2]))).toBe(0);
    expect(followerCountTarget(4, new Set([1, 3, 4]))).toBe(1);
  });
});

describe('MissingSince', () => {
  const GRACE = 1000;
  const seen = (entries: [string, number][]) => new Map(entries);

  it('confirms a suspect only after it stayed missing, unchanged, for the grace period', () => {
    const m = new MissingSince<string>();
    expect(m.pass(seen([['a', 1]]), 0, GRACE)).toEqual([]);
    expect(m.size).toBe(1);
    expect(m.pass(seen([['a', 1]]), GRACE - 1, GRACE)).toEqual([]);
    expect(m.pass(seen([['a', 1]]), GRACE, GRACE)).toEqual(['a']);
    expect(m.size).toBe(0); // confirmed suspects are handed over and forgotten
    expect(m.pass(seen([['a', 1]]), GRACE + 1, GRACE)).toEqual([]); // starts over
  });

  it('starts over when the value changed, and forgets suspects no longer missing', () => {
    const m = new MissingSince<string>();
    m.pass(
      seen([
        ['a', 1],
        ['b', 1],
      ]),
      0,
      GRACE,
    );
    expect(m.pass(seen([['a', 2]]), GRACE, GRACE)).toEqual([]); // a moved, b landed
    expect(m.size).toBe(1);
    expect(m.pass(seen([['b', 1]]), 2 * GRACE, GRACE)).toEqual([]); // b is new again
    expect(m.pass(seen([['b', 1]]), 3 * GRACE, GRACE)).toEqual(['b']);
  });

  it('with no grace confirms at first sighting', () => {
    expect(new MissingSince<number>().pass(new Map([[7, 0]]), 5, 0)).toEqual([7]);
  });
});
