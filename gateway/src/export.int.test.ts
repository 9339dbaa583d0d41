import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportHandler } from './export';

// The export route on its own: a stand-in for the gateway's pipeline answers, so the test is about
// the route (the exports through the real gateway are in tests/src/operations.int.test.ts).
const empty = mkdtempSync(path.join(os.tmpdir(), 'kh02-no-exceljs-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

test('.xlsx without exceljs installed answers 503 naming the install command', async () => {
  const app = express();
  app.get(
    '/export/:file',
    exportHandler({
      operations: [{ name: 'X', type: 'query', body: '{ a }', id: 'x', description: '' }],
      run: async () => ({ status: 200, body: '{"data":{"a":1}}' }),
      xlsxDir: empty,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const response = await fetch(`${base}/export/X.xlsx`);
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toContain('node scripts/bin/install-isolated.cjs gateway/xlsx');
    expect((await fetch(`${base}/export/X.csv`)).status).toBe(200);
  } finally {
    server.close();
  }
});
