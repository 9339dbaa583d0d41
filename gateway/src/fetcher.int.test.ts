import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher, SubgraphUnavailableError } from './fetcher';

/**
 * The gateway never retries a subgraph fetch: a mutation whose connection dies mid-way reaches the
 * subgraph once and fails once (the client retries, with its Idempotency-Key, if it wants to).
 */
test('a mutation whose subgraph drops the connection is sent once, not retried', async () => {
  let received = 0;
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    received++;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fetcher = createSubgraphFetcher({ maxSockets: 4, timeoutMs: 5000, breaker: { failures: 5, resetMs: 1000 } });
  try {
    const mutation = JSON.stringify({ query: 'mutation { reportProgress(input: { assignmentId: 1, percent: 1 }) { report { id } } }' });
    await expect(
      fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' }, body: mutation }),
    ).rejects.toBeInstanceOf(SubgraphUnavailableError);
    // Give a (wrong) retry every chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBe(1);
    expect(bodies).toEqual([mutation]);
  } finally {
    fetcher.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});
