import { DateScalar, DateTimeScalar } from './scalars';

describe('scalars', () => {
  test('DateTime needs an explicit offset and serialises in UTC', () => {
    expect(DateTimeScalar.parseValue('2025-07-31T16:00:00+07:00')).toEqual(new Date('2025-07-31T09:00:00Z'));
    expect(DateTimeScalar.serialize(new Date('2025-07-31T09:00:00Z'))).toBe('2025-07-31T09:00:00.000Z');
    for (const bad of ['2025-07-31', 'yesterday', '2025-13-01T00:00:00Z', 12, '2025-07-31T16:00:00'])
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/ISO 8601/);
  });

  test('Date accepts real calendar dates only', () => {
    expect(DateScalar.parseValue('2025-02-28')).toBe('2025-02-28');
    for (const bad of ['2025-02-30', '2025-7-1', '31/07/2025', '', 20250701]) expect(() => DateScalar.parseValue(bad)).toThrow(/calendar date/);
  });
});
