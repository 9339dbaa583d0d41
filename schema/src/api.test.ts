import { acknowledgedPaths, apiSchemaOf, breakingChanges, unacknowledged } from './api';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const OLD = 'type Query { a(code: String): Int, b: Int }';
const NEW = 'type Query { a(code: ID): Int }';

describe('client API checks', () => {
  test('breaking changes are found by schema coordinate', async () => {
    const changes = await breakingChanges(OLD, NEW);
    expect(changes.map((c) => c.path).sort()).toEqual(['Query.a.code', 'Query.b']);
  });

  test('only lines under "## Unreleased" acknowledge a change', async () => {
    const changelog = '# Changelog\n\n## Unreleased\n\n- BREAKING `Query.b`: use a.\n\n## 0.1.0\n\n- BREAKING `Query.a.code`: old.\n';
    expect([...acknowledgedPaths(changelog)]).toEqual(['Query.b']);
    const left = unacknowledged(await breakingChanges(OLD, NEW), changelog);
    expect(left.map((c) => c.path)).toEqual(['Query.a.code']);
  });

  test('the committed API schema has no federation internals or URLs', () => {
    const api = readFileSync(path.resolve(__dirname, '../api.graphql'), 'utf8');
    expect(api).not.toMatch(/join__|link__|127\.0\.0\.1|@link|_entities/);
    expect(api).toMatch(/scalar DateTime @specifiedBy/);
    expect(apiSchemaOf(readFileSync(path.resolve(__dirname, '../supergraph.graphql'), 'utf8'))).toBe(api);
  });
});
