import { SUBGRAPHS } from '@kh02/common';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { portOf, SERVICES } from './start';

describe('npm start helpers', () => {
  test('every registered subgraph, then the gateway; ports default to 4000–4003 and follow the variables', () => {
    expect(SERVICES.map((s) => s.name)).toEqual([...SUBGRAPHS.map((s) => s.name), 'gateway']);
    expect(SERVICES.map((s) => portOf(s, {}))).toEqual([4001, 4002, 4003, 4000]);
    expect(portOf(SERVICES[0], { GEOGRAPHY_PORT: '5001' })).toBe(5001);
    expect(() => portOf(SERVICES[3], { GATEWAY_PORT: 'http' })).toThrow('GATEWAY_PORT=http is not a port number');
  });

  test("a subgraph's entry is its package's main.js", () => {
    const tasks = SERVICES.find((s) => s.name === 'tasks')!;
    expect(tasks.entry).toBe(path.resolve(__dirname, '../../subgraphs/tasks/dist/main.js'));
    expect(existsSync(path.join(path.dirname(tasks.entry), '../src/main.ts'))).toBe(true);
  });
});
