import { assess, colourOf, countsAsGreen, DEFAULT_THRESHOLDS, expectedPercent, progressStatus, validateThresholds, type Schedule } from './progress.rule';

const at = (s: string) => new Date(`${s}+07:00`);
// A 10-day task: 10 points of expected progress per day.
const schedule: Schedule = { startsAt: at('2025-07-01T00:00:00'), deadline: at('2025-07-11T00:00:00') };
const T = DEFAULT_THRESHOLDS;

describe('expectedPercent', () => {
  it('is 0 before and at the start, linear in between, 100 at and after the deadline', () => {
    expect(expectedPercent(schedule, at('2025-06-30T00:00:00'))).toBe(0);
    expect(expectedPercent(schedule, schedule.startsAt)).toBe(0);
    expect(expectedPercent(schedule, at('2025-07-04T12:00:00'))).toBeCloseTo(35, 10);
    expect(expectedPercent(schedule, schedule.deadline)).toBe(100);
    expect(expectedPercent(schedule, at('2025-08-01T00:00:00'))).toBe(100);
  });
});

describe('assess', () => {
  it('deadline exactly at asOf: not overdue, but the full 100 points are expected', () => {
    const a = assess(schedule, { state: 'IN_PROGRESS', percent: 90 }, schedule.deadline);
    expect(a.overdue).toBe(false);
    expect(a.expectedPercent).toBe(100);
    expect(a.lag).toBe(10);
    expect(colourOf([a], T)).toBe('GREEN');
  });

  it('one millisecond after the deadline an incomplete assignment is overdue, so RED even with a small lag', () => {
    const a = assess(schedule, { state: 'IN_PROGRESS', percent: 99 }, new Date(schedule.deadline.getTime() + 1));
    expect(a.overdue).toBe(true);
    expect(a.lag).toBe(1);
    expect(colourOf([a], T)).toBe('RED');
  });

  it('completed after the deadline: overdue until the completion report, then neither overdue nor lagging', () => {
    const afterDeadline = at('2025-07-15T00:00:00');
    const before = assess(schedule, { state: 'IN_PROGRESS', percent: 80 }, afterDeadline);
    expect(before.overdue).toBe(true);
    const after = assess(schedule, { state: 'COMPLETED', percent: 100 }, afterDeadline);
    expect(after).toMatchObject({ overdue: false, completed: true, lag: 0, reportedPercent: 100 });
    expect(colourOf([after], T)).toBe('GREEN');
  });

  it('COMPLETED counts as 100 % whatever percent was sent', () => {
    expect(assess(schedule, { state: 'COMPLETED', percent: 40 }, at('2025-07-20T00:00:00'))).toMatchObject({ reportedPercent: 100, overdue: false, lag: 0 });
  });

  it('no report yet: 0 % reported, lag equals what is expected', () => {
    const a = assess(schedule, null, at('2025-07-03T00:00:00'));
    expect(a).toMatchObject({ reportedPercent: 0, completed: false, overdue: false });
    expect(a.lag).toBeCloseTo(20, 10);
    expect(colourOf([a], T)).toBe('YELLOW');
    // Before the start nothing is expected, so an assignment with no report is not behind.
    expect(colourOf([assess(schedule, null, at('2025-06-30T00:00:00'))], T)).toBe('GREEN');
  });

  it('ahead of schedule never gives a negative lag', () => {
    expect(assess(schedule, { state: 'IN_PROGRESS', percent: 90 }, at('2025-07-02T00:00:00')).lag).toBe(0);
  });
});

describe('colourOf', () => {
  const lagging = (lag: number) => ({ expectedPercent: lag, reportedPercent: 0, lag, completed: false, overdue: false });

  it('no assignments: GREEN (nothing is behind)', () => {
    expect(colourOf([], T)).toBe('GREEN');
  });

  it('thresholds are inclusive: lag 15 is YELLOW, 14.99 GREEN, 35 RED, 34.99 YELLOW', () => {
    expect(colourOf([lagging(14.99)], T)).toBe('GREEN');
    expect(colourOf([lagging(15)], T)).toBe('YELLOW');
    expect(colourOf([lagging(34.99)], T)).toBe('YELLOW');
    expect(colourOf([lagging(35)], T)).toBe('RED');
  });

  it('the worst assignment decides', () => {
    expect(colourOf([lagging(0), lagging(20), lagging(3)], T)).toBe('YELLOW');
    expect(colourOf([lagging(0), { ...lagging(0), overdue: true }], T)).toBe('RED');
  });

  it('follows configured thresholds', () => {
    expect(colourOf([lagging(12)], { yellowLag: 10, redLag: 20 })).toBe('YELLOW');
    expect(colourOf([lagging(12)], { yellowLag: 10, redLag: 12 })).toBe('RED');
  });
});

describe('progressStatus and countsAsGreen', () => {
  it('combines assess and colourOf', () => {
    const t = at('2025-07-06T00:00:00'); // 50 % expected
    expect(progressStatus([{ schedule, latest: { state: 'IN_PROGRESS', percent: 45 } }], t, T)).toBe('GREEN');
    expect(progressStatus([{ schedule, latest: { state: 'IN_PROGRESS', percent: 30 } }], t, T)).toBe('YELLOW');
    expect(progressStatus([{ schedule, latest: { state: 'IN_PROGRESS', percent: 10 } }], t, T)).toBe('RED');
  });

  it('a commune counts as green only when GREEN and it has reported', () => {
    expect(countsAsGreen('GREEN', true)).toBe(true);
    expect(countsAsGreen('GREEN', false)).toBe(false);
    expect(countsAsGreen('YELLOW', true)).toBe(false);
  });
});

describe('validateThresholds', () => {
  it('accepts 0 < yellow < red <= 100 and rejects the rest', () => {
    expect(validateThresholds({ yellowLag: 10, redLag: 100 })).toEqual({ yellowLag: 10, redLag: 100 });
    for (const bad of [
      { yellowLag: 0, redLag: 10 },
      { yellowLag: 20, redLag: 20 },
      { yellowLag: 30, redLag: 20 },
      { yellowLag: 10, redLag: 101 },
      { yellowLag: Number.NaN, redLag: 20 },
    ]) {
      expect(() => validateThresholds(bad)).toThrow(RangeError);
    }
  });
});
