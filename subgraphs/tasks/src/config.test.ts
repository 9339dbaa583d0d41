import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults: port 4002, thresholds 15 and 35', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4002);
    expect(c.name).toBe('tasks');
    expect(c.thresholds).toEqual({ yellowLag: 15, redLag: 35 });
  });

  it('reads TASKS_PORT, TASKS_YELLOW_LAG and TASKS_RED_LAG', () => {
    const c = loadConfig({ TASKS_PORT: '5002', TASKS_YELLOW_LAG: '10', TASKS_RED_LAG: '25.5' });
    expect(c.port).toBe(5002);
    expect(c.thresholds).toEqual({ yellowLag: 10, redLag: 25.5 });
  });

  it('rejects a non-number and an inconsistent pair, naming what is wrong', () => {
    expect(() => loadConfig({ TASKS_YELLOW_LAG: 'ten' })).toThrow(/TASKS_YELLOW_LAG/);
    expect(() => loadConfig({ TASKS_YELLOW_LAG: '40', TASKS_RED_LAG: '30' })).toThrow(/yellow lag < red lag/);
  });
});
