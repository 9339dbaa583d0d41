import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findHaproxy, haproxyConfig } from './haproxy';

describe('HAProxy configuration', () => {
  const services = [
    { name: 'gateway', port: 4400, servers: [4491, 4492], check: '/health' },
    { name: 'tasks', port: 4402, servers: [4421, 4422], check: '/ready' },
  ];

  it('is accepted by haproxy -c (HAProxy is installed here; test:scale installs it in CI)', () => {
    const bin = findHaproxy();
    expect(bin).toBeDefined();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kh02-haproxy-')), 'haproxy.cfg');
    writeFileSync(file, haproxyConfig(services));
    expect(execFileSync(bin!, ['-c', '-f', file], { encoding: 'utf8' })).toMatch(/Configuration file is valid/);
  });
});
