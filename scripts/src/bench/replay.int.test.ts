import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRecorder, startReplayer } from './replay';

describe("the bench's subgraph request recorder", () => {
  let target: http.Server;
  let targetUrl: string;
  const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    target = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push({ headers: req.headers, body });
        const status = body.includes('fail') ? 400 : 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { echo: body.length }, status }));
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  test('forwards each request with its headers, answers with the target status and body, and keeps the POST bodies in order', async () => {
    const recorder = await startRecorder({ tasks: targetUrl });
    try {
      expect(recorder.urls.tasks).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(recorder.urls.tasks).not.toBe(targetUrl);
      const ask = (body: string) =>
        fetch(recorder.urls.tasks, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kh02-identity': 'token-1' }, body });
      const first = await ask('{"query":"{ a }"}');
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ data: { echo: 17 }, status: 200 });
      const second = await ask('{"query":"{ fail }"}');
      expect(second.status).toBe(400);
      expect(recorder.bodiesOf('tasks')).toEqual(['{"query":"{ a }"}', '{"query":"{ fail }"}']);
      expect(recorder.requests.map((r) => [r.subgraph, r.responseBytes])).toEqual([
        ['tasks', JSON.stringify({ data: { echo: 17 }, status: 200 }).length],
        ['tasks', JSON.stringify({ data: { echo: 20 }, status: 400 }).length],
      ]);
      // The answer is kept for a 200 (a replayer serves it), not for a failure.
      expect(recorder.requests.map((r) => r.answer)).toEqual([JSON.stringify({ data: { echo: 17 }, status: 200 }), undefined]);
      recorder.requests.length = 0;
      expect(recorder.bodiesOf('tasks')).toEqual([]);
      expect(seen.map((s) => s.headers['x-kh02-identity'])).toEqual(['token-1', 'token-1']);
    } finally {
      await recorder.stop();
    }
  });

  test('a replayer answers each recorded request with its recorded answer, and anything else with 500', async () => {
    const recorder = await startRecorder({ tasks: targetUrl });
    let replayer: Awaited<ReturnType<typeof startReplayer>> | undefined;
    try {
      const bodies = ['{"query":"{ a }"}', '{"query":"{ bb }"}', '{"query":"{ fail }"}'];
      const recorded: string[] = [];
      for (const body of bodies) recorded.push(await (await fetch(recorder.urls.tasks, { method: 'POST', body })).text());
      replayer = await startReplayer(recorder.requests);
      const before = seen.length;
      expect(replayer.urls.tasks).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      for (const round of [1, 2])
        for (const [i, body] of bodies.slice(0, 2).entries()) {
          const answer = await fetch(replayer.urls.tasks, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          expect([round, answer.status, answer.headers.get('content-type'), await answer.text()]).toEqual([round, 200, 'application/json', recorded[i]]);
        }
      // Not recorded (the failed request, another body, a GET): 500, and the target is never asked.
      for (const init of [{ method: 'POST', body: bodies[2] }, { method: 'POST', body: '{"query":"{ c }"}' }, { method: 'GET' }]) {
        const answer = await fetch(replayer.urls.tasks, init);
        expect(answer.status).toBe(500);
        expect(await answer.text()).toMatch(/^replayer: no recorded answer/);
      }
      expect(replayer.counts).toEqual({ answered: 4, unknown: 3 });
      expect(seen.length).toBe(before);
    } finally {
      await replayer?.stop();
      await recorder.stop();
    }
  });

  test('a target that is down answers 502 and is still recorded', async () => {
    const down = http.createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(down.address() as AddressInfo).port}/graphql`;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const recorder = await startRecorder({ geography: url });
    try {
      const answer = await fetch(recorder.urls.geography, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(answer.status).toBe(502);
      expect(await answer.text()).toMatch(/^recorder: /);
      expect(recorder.requests).toEqual([{ subgraph: 'geography', body: '{}', responseBytes: 0 }]);
    } finally {
      await recorder.stop();
    }
  });
});
