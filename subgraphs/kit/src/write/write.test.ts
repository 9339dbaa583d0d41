import { testCaller } from '../testing';
import { ANONYMOUS } from '@kh02/common';
import { correctionRule, visibleMoment, writeMoment } from './cutoffs';
import { backfillVersionsSql } from './migration';
import { RowErrors, rowField } from './rows';
import { canonicalJson, requestHash } from './write';

const PUBLISHED = new Date('2025-07-31T09:00:00Z');
const LATER = new Date('2025-08-05T00:00:00Z');
const EARLIER = new Date('2025-07-20T00:00:00Z');

describe('idempotency hashing', () => {
  it('the same input hashes the same whatever the key order; another input or operation does not', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestHash('reportProgress', { a: 1, b: 2 })).toBe(requestHash('reportProgress', { b: 2, a: 1 }));
    expect(requestHash('reportProgress', { a: 1 })).not.toBe(requestHash('reportProgress', { a: 2 }));
    expect(requestHash('reportProgress', { a: 1 })).not.toBe(requestHash('recordAssessment', { a: 1 }));
  });
});

describe('who sees past the published cut-off (visibleMoment)', () => {
  const province04 = testCaller('province-official', { province: '04' });
  const commune = testCaller('commune-official', { commune: '01234' });
  it('up to the published cut-off everyone reads what they ask for', async () => {
    expect(await visibleMoment(ANONYMOUS, EARLIER, PUBLISHED, undefined)).toBe(EARLIER);
  });
  it('later: analysts and admins everywhere, officials for their locality, anyone else the published cut-off', async () => {
    expect(await visibleMoment(testCaller('analyst'), LATER, PUBLISHED, undefined)).toBe(LATER);
    expect(await visibleMoment(testCaller('admin'), LATER, PUBLISHED, { province: '01' })).toBe(LATER);
    expect(await visibleMoment(ANONYMOUS, LATER, PUBLISHED, { province: '04' })).toBe(PUBLISHED);
    expect(await visibleMoment(testCaller('partner', { scopes: ['write:applications'] }), LATER, PUBLISHED, { province: '04' })).toBe(PUBLISHED);
    expect(await visibleMoment(province04, LATER, PUBLISHED, { province: '04' })).toBe(LATER);
    expect(await visibleMoment(province04, LATER, PUBLISHED, { province: '01' })).toBe(PUBLISHED);
    expect(await visibleMoment(province04, LATER, PUBLISHED, undefined)).toBe(PUBLISHED);
    expect(await visibleMoment(province04, LATER, PUBLISHED, { commune: '01234' }, async () => '04')).toBe(LATER);
    expect(await visibleMoment(province04, LATER, PUBLISHED, { commune: '00004' }, async () => '01')).toBe(PUBLISHED);
    expect(await visibleMoment(commune, LATER, PUBLISHED, { commune: '01234' })).toBe(LATER);
    expect(await visibleMoment(commune, LATER, PUBLISHED, { commune: '01235' })).toBe(PUBLISHED);
  });
});

describe('the correction rule', () => {
  const where = { province: '04', commune: '01234' };
  it('after the published cut-off a write is not a correction, and a reason is dropped', () => {
    expect(correctionRule(testCaller('partner'), LATER, PUBLISHED, 'why', where, 'input.reason')).toEqual({ correction: false, reason: null });
  });
  it('at or before it: admins and officials of the locality, with a reason', () => {
    expect(correctionRule(testCaller('admin'), PUBLISHED, PUBLISHED, ' typo ', where, 'input.reason')).toEqual({ correction: true, reason: 'typo' });
    expect(correctionRule(testCaller('province-official', { province: '04' }), EARLIER, PUBLISHED, 'typo', where, 'input.reason').correction).toBe(true);
    expect(() => correctionRule(testCaller('province-official', { province: '01' }), EARLIER, PUBLISHED, 'typo', where, 'input.reason')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => correctionRule(testCaller('partner'), EARLIER, PUBLISHED, 'typo', where, 'input.reason')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => correctionRule(testCaller('admin'), EARLIER, PUBLISHED, '  ', where, 'input.reason')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reason' }) }),
    );
  });
});

describe('write moments', () => {
  const now = new Date('2025-08-10T00:00:00Z');
  it('default now; never in the future; never before monitoring began; the field is named', () => {
    expect(writeMoment(undefined, 'input.reportedAt', undefined, now)).toBe(now);
    expect(writeMoment(EARLIER, 'input.reportedAt', undefined, now)).toBe(EARLIER);
    expect(() => writeMoment(new Date('2025-08-11T00:00:00Z'), 'input.reportedAt', undefined, now)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reportedAt' }) }),
    );
    expect(() => writeMoment(new Date('2025-05-01T00:00:00Z'), 'input.assessedAt', undefined, now)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.assessedAt' }) }),
    );
  });
});

describe('row errors', () => {
  it('collects every bad row and summarises them; a write error names its field without "input."', () => {
    const errors = new RowErrors();
    expect(errors.empty).toBe(true);
    errors.add(1, 'received', 'bad');
    errors.add(3, 'row', 'duplicate');
    expect(errors.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'received'],
      [3, 'row'],
    ]);
    expect(errors.summary(10)).toBe('2 of 10 rows refused; nothing written. row 1 received: bad; row 3 row: duplicate');
    expect(rowField({ field: 'input.percent' })).toBe('percent');
    expect(rowField({ code: 'FORBIDDEN' })).toBe('row');
  });
  it('numbers existing streams by id in portable SQL', () => {
    expect(backfillVersionsSql('t', ['a', 'b'])).toBe(
      'update t set version = (select count(*) from t p2 where p2.a = t.a and p2.b = t.b and p2.id <= t.id) where a is not null and b is not null',
    );
  });
});
