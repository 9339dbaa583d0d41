import { unsupportedNodeMessage } from './runtime';

test('Node 22 and 24 are supported; 20 and 26 get one line naming the supported versions', () => {
  expect(unsupportedNodeMessage('22.23.3')).toBeUndefined();
  expect(unsupportedNodeMessage('24.21.0')).toBeUndefined();
  expect(unsupportedNodeMessage('20.20.2')).toBe('KH02 needs Node.js 22 or 24 (LTS); this is Node.js 20.20.2.');
  expect(unsupportedNodeMessage('26.0.0')).toMatch(/^KH02 needs Node\.js 22 or 24 \(LTS\); this is Node\.js 26\.0\.0\.$/);
});
