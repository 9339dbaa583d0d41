import { dayRange, daysOf, groupSeries, MAX_RANGE_DAYS, periodStart, SyncedRecordGrouping } from './dates';

describe('dayRange', () => {
  it('counts both ends', () => {
    expect(dayRange('2025-07-01', '2025-07-31').days).toBe(31);
    expect(dayRange('2025-07-31', '2025-07-31').days).toBe(1);
    expect(dayRange('2024-01-01', '2024-12-31').days).toBe(MAX_RANGE_DAYS);
  });

  it('rejects from after to, naming "from"', () => {
    expect(() => dayRange('2025-08-01', '2025-07-31')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'from' }) }),
    );
  });

  it('rejects ranges over 366 days, naming "to"', () => {
    expect(() => dayRange('2024-01-01', '2025-01-01')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'to' }) }),
    );
  });

  it('lists every day across month ends', () => {
    expect(daysOf(dayRange('2025-06-29', '2025-07-02'))).toEqual(['2025-06-29', '2025-06-30', '2025-07-01', '2025-07-02']);
  });
});

describe('periodStart', () => {
  it('starts ISO weeks on Monday', () => {
    expect(periodStart('2025-07-31', SyncedRecordGrouping.WEEK)).toBe('2025-07-28'); // Thursday
    expect(periodStart('2025-07-28', SyncedRecordGrouping.WEEK)).toBe('2025-07-28'); // Monday
    expect(periodStart('2025-07-27', SyncedRecordGrouping.WEEK)).toBe('2025-07-21'); // Sunday
    expect(periodStart('2025-01-01', SyncedRecordGrouping.WEEK)).toBe('2024-12-30'); // across a year end
  });

  it('starts months on the 1st and days on themselves', () => {
    expect(periodStart('2025-07-31', SyncedRecordGrouping.MONTH)).toBe('2025-07-01');
    expect(periodStart('2025-07-31', SyncedRecordGrouping.DAY)).toBe('2025-07-31');
  });
});

describe('groupSeries', () => {
  const daily = new Map([
    ['2025-06-29', 5],
    ['2025-06-30', 7],
    ['2025-07-01', 11],
  ]);
  const range = dayRange('2025-06-28', '2025-07-02');

  it('fills days without data with 0', () => {
    expect(groupSeries(daily, range, SyncedRecordGrouping.DAY)).toEqual([
      { periodStart: '2025-06-28', days: 1, count: 0 },
      { periodStart: '2025-06-29', days: 1, count: 5 },
      { periodStart: '2025-06-30', days: 1, count: 7 },
      { periodStart: '2025-07-01', days: 1, count: 11 },
      { periodStart: '2025-07-02', days: 1, count: 0 },
    ]);
  });

  it('sums ISO weeks and months, counting only days inside the range', () => {
    expect(groupSeries(daily, range, SyncedRecordGrouping.WEEK)).toEqual([
      { periodStart: '2025-06-23', days: 2, count: 5 },
      { periodStart: '2025-06-30', days: 3, count: 18 },
    ]);
    expect(groupSeries(daily, range, SyncedRecordGrouping.MONTH)).toEqual([
      { periodStart: '2025-06-01', days: 3, count: 12 },
      { periodStart: '2025-07-01', days: 2, count: 11 },
    ]);
  });
});
