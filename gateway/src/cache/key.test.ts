import { ANONYMOUS, type Caller } from '@kh02/common';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accessClass, answerHash, isFixedInTime, stableJson } from './key';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema/api.graphql'), 'utf8'));
const published = new Date('2025-07-31T16:00:00+07:00');

function fixed(query: string, variables?: Record<string, unknown>, cutoff: Date | null = published): boolean {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return isFixedInTime(schema, document, operation, variables, cutoff ?? undefined);
}

test('the access class: anonymous, or roles, scopes and locality — never the subject', () => {
  const official = (sub: string, province: string): Caller => ({ subject: sub, roles: ['province-official'], scopes: ['read:local-details'], province });
  expect(accessClass(ANONYMOUS)).toBe('anonymous');
  expect(accessClass(official('a', '04'))).toBe(accessClass(official('b', '04')));
  expect(accessClass(official('a', '04'))).not.toBe(accessClass(official('a', '01')));
  expect(accessClass({ subject: 'p', roles: ['partner'], scopes: ['write:applications', 'read:statistics'] })).toBe(
    accessClass({ subject: 'q', roles: ['partner'], scopes: ['read:statistics', 'write:applications'] }),
  );
});

test('the answer hash ignores spelling and variable order, not the operation, variables or class', () => {
  const h = (q: string, v: Record<string, unknown> = {}, name = 'Q', access = 'anonymous') => answerHash(parse(q), name, v, access);
  expect(h('query Q { country { code } }')).toBe(h('query Q {\n  # comment\n  country { code }\n}'));
  expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  expect(h('query Q($a: Int, $b: Int) { country { code } }', { a: 1, b: 2 })).toBe(h('query Q($a: Int, $b: Int) { country { code } }', { b: 2, a: 1 }));
  expect(h('query Q { country { code } }', { a: 1 })).not.toBe(h('query Q { country { code } }', { a: 2 }));
  expect(h('query Q { country { code } }', {}, 'Q', 'anonymous')).not.toBe(h('query Q { country { code } }', {}, 'Q', 'roles=analyst;scopes=read:details'));
});

test('fixed in time: every history read at an explicit moment at or before the published cut-off', () => {
  expect(fixed('{ country { provinceCount greenCoverage(asOf: "2025-06-06T16:00:00+07:00") { percent } } }')).toBe(true);
  expect(fixed('{ country { greenCoverage(asOf: "2025-07-31") { percent } } }')).toBe(false); // end of that day: after 16:00
  expect(fixed('{ country { greenCoverage(asOf: "2025-07-30") { percent } } }')).toBe(true);
  expect(fixed('query($at: AsOf) { country { greenCoverage(asOf: $at) { percent } } }', { at: '2025-06-13' })).toBe(true);
  expect(fixed('query($at: AsOf = "2025-06-13") { country { greenCoverage(asOf: $at) { percent } } }')).toBe(true);
  expect(fixed('fragment F on Country { greenCoverage(asOf: "2025-06-13") { percent } } { country { ...F } }')).toBe(true);
  // Not fixed: the latest cut-off, a left-out asOf, a later moment, no known cut-off, nothing read from the history.
  expect(fixed('{ country { greenCoverage(asOf: "LATEST") { percent } } }')).toBe(false);
  expect(fixed('query($at: AsOf) { country { greenCoverage(asOf: $at) { percent } } }', {})).toBe(false);
  expect(fixed('{ country { greenCoverage(asOf: "2025-06-13") { percent } progress { green } } }')).toBe(false);
  expect(fixed('{ country { greenCoverage(asOf: "2025-08-15") { percent } } }')).toBe(false);
  expect(fixed('{ country { greenCoverage(asOf: "2025-06-13") { percent } } }', undefined, null)).toBe(false);
  expect(fixed('{ provinces { code name } }')).toBe(false);
  // A field the rule does not know as fixed (synced records by period; the cut-off list).
  expect(fixed('{ country { greenCoverage(asOf: "2025-06-13") { percent } syncedRecords(from: "2025-06-01", to: "2025-06-30") { total } } }')).toBe(false);
  expect(fixed('{ reportingCutoffs country { greenCoverage(asOf: "2025-06-13") { percent } } }')).toBe(false);
});
