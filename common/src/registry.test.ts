import { databaseUrlVariable, portVariable, SUBGRAPH_NAMES, SUBGRAPHS, subgraphEntry, urlVariable } from './registry';

describe('subgraph registry', () => {
  test('one name per subgraph: the package is @kh02/<name>, ports are distinct and above the gateway', () => {
    expect(SUBGRAPH_NAMES).toEqual(['geography', 'tasks', 'readiness']);
    for (const s of SUBGRAPHS) expect(s.package).toBe(`@kh02/${s.name}`);
    const ports = SUBGRAPHS.map((s) => s.defaultPort);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).toEqual([4001, 4002, 4003]);
  });

  test('variables are named after the subgraph', () => {
    expect([portVariable('tasks'), urlVariable('tasks'), databaseUrlVariable('tasks')]).toEqual(['TASKS_PORT', 'TASKS_URL', 'TASKS_DATABASE_URL']);
  });

  test('an unknown name is an error naming the known ones', () => {
    expect(subgraphEntry('readiness').defaultPort).toBe(4003);
    expect(() => subgraphEntry('budget')).toThrow('known: geography, tasks, readiness');
  });
});
