import http from 'node:http';
import https from 'node:https';

/** The part of a Fetch API response `RemoteGraphQLDataSource` reads. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Options of {@link createSubgraphFetcher}. */
export interface SubgraphFetcherOptions {
  /** Keep-alive sockets per subgraph host. */
  maxSockets: number;
  /** A fetch taking longer than this fails. */
  timeoutMs: number;
}

/**
 * A lean `fetch` for subgraph requests: Node's own HTTP client over keep-alive agents with a
 * bounded socket pool, the body read into one buffer and parsed once. It replaces
 * make-fetch-happen, whose cache plumbing (cacache, minipass streams, per-request agent lookups)
 * cost more gateway CPU per fetch than the fetch itself on loopback; the gateway never wanted
 * an HTTP cache for POSTs anyway.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions) {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  const fetcher = (
    url: string,
    init: { method?: string; headers?: Record<string, string> | Iterable<[string, string]>; body?: string },
  ): Promise<SubgraphResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const headers: Record<string, string> = {};
      if (init.headers)
        for (const [k, v] of Symbol.iterator in init.headers ? (init.headers as Iterable<[string, string]>) : Object.entries(init.headers))
          headers[k.toLowerCase()] = v;
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      if (body) headers['content-length'] = String(body.length);
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(target, { method: init.method ?? 'GET', headers, agent: agents[target.protocol as 'http:' | 'https:'] }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            statusText: response.statusMessage ?? '',
            url,
            headers: { get: (name) => (response.headers[name.toLowerCase()] as string | undefined) ?? null },
            text: async () => buffer.toString('utf8'),
            json: async () => JSON.parse(buffer.toString('utf8')),
          });
        });
      });
      request.setTimeout(options.timeoutMs, () => request.destroy(new Error(`Subgraph request timed out after ${options.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });

  return Object.assign(fetcher, {
    /** Closes the pooled sockets. */
    destroy(): void {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
