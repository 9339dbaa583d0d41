import { createServiceMetrics, metricsExposure } from './metrics';

test('metrics are public outside production, hidden in production unless asked, and only on the metrics port when one is set', () => {
  expect(metricsExposure('GATEWAY', {})).toEqual({ public: true, port: undefined });
  expect(metricsExposure('GATEWAY', { NODE_ENV: 'production' })).toEqual({ public: false, port: undefined });
  expect(metricsExposure('GATEWAY', { NODE_ENV: 'production', METRICS_PUBLIC: 'true' })).toEqual({ public: true, port: undefined });
  expect(metricsExposure('GATEWAY', { METRICS_PUBLIC: 'false' })).toEqual({ public: false, port: undefined });
  expect(metricsExposure('GATEWAY', { GATEWAY_METRICS_PORT: '9464' })).toEqual({ public: false, port: 9464 });
  // One process, one service (a container): METRICS_PORT wins.
  expect(metricsExposure('TASKS', { TASKS_METRICS_PORT: '9465', METRICS_PORT: '9464' })).toEqual({ public: false, port: 9464 });
  expect(() => metricsExposure('GATEWAY', { METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT must be a port number/);
  expect(() => metricsExposure('GATEWAY', { METRICS_PUBLIC: 'maybe' })).toThrow(/METRICS_PUBLIC must be true or false/);
});

test('operation names are bounded label values', () => {
  const metrics = createServiceMetrics('test', { processMetrics: false });
  expect(metrics.operationLabel(undefined)).toBe('anonymous');
  expect(metrics.operationLabel('NationalDrillDown')).toBe('NationalDrillDown');
  expect(metrics.operationLabel('not a name')).toBe('other');
  for (let i = 0; i < 300; i++) metrics.operationLabel(`Op${i}`);
  expect(metrics.operationLabel('Op10')).toBe('Op10');
  expect(metrics.operationLabel('Op299')).toBe('other');
});
