import { DateScalar, DateTimeScalar, ISO_MEMO_LIMIT } from './scalars';

describe('scalars', () => {
  test('DateTime needs an explicit offset and serialises in UTC', () => {
    expect(DateTimeScalar.parseValue('2025-07-31T16:00:00+07:00')).toEqual(new Date('2025-07-31T09:00:00Z'));
    expect(DateTimeScalar.serialize(new Date('2025-07-31T09:00:00Z'))).toBe('2025-07-31T09:00:00.000Z');
    for (const bad of ['2025-07-31', 'yesterday', '2025-13-01T00:00:00Z', 12, '2025-07-31T16:00:00'])
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/ISO 8601/);
  });

  test('DateTime serialises every instant as toISOString does, from its memo and past the memo limit', () => {
    // Instants from before 1970 to past the year 9999, repeated, more of them than the memo keeps.
    const times: number[] = [Date.UTC(1969, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -8.64e15, 8.64e15];
    for (let i = 0; times.length < ISO_MEMO_LIMIT + 5_000; i++) times.push(1_750_000_000_000 + i * 60_000 + (i % 1000));
    const wrong: string[] = [];
    for (const order of [times, [...times].reverse()])
      for (const time of order) {
        const expected = new Date(time).toISOString();
        const got = DateTimeScalar.serialize(new Date(time));
        if (got !== expected) wrong.push(`${time}: ${String(got)} instead of ${expected}`);
      }
    expect(wrong).toEqual([]);
    // A string or a number is read as a date first; an invalid date is refused, memo or not.
    expect(DateTimeScalar.serialize('2025-07-31T16:00:00+07:00')).toBe('2025-07-31T09:00:00.000Z');
    expect(DateTimeScalar.serialize(Date.UTC(2025, 6, 31, 9))).toBe('2025-07-31T09:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date('not a date'))).toThrow(/invalid date/);
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow(/invalid date/);
  });

  test('Date accepts real calendar dates only', () => {
    expect(DateScalar.parseValue('2025-02-28')).toBe('2025-02-28');
    for (const bad of ['2025-02-30', '2025-7-1', '31/07/2025', '', 20250701]) expect(() => DateScalar.parseValue(bad)).toThrow(/calendar date/);
  });
});
