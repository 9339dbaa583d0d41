/**
 * Where the commune detail's time goes on the federated path (issue 16): the exact requests the
 * gateway sends each subgraph, recorded once, so that the bench can drive every subgraph process
 * *alone* with them (arms `<subgraph> alone`) and set its CPU per request beside the same process's
 * CPU per request inside the gateway's chain. The recording goes through a forwarding proxy per
 * subgraph in the bench's own process; nothing is recorded while anything is timed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST } from './common';

/** One request a recorder passed on. */
export interface RecordedRequest {
  subgraph: string;
  /** The request body as sent (POST only). */
  body: string;
  /** Bytes of the subgraph's answer. */
  responseBytes: number;
  /** The subgraph's answer as it came back (status 200 only; a failed forward has none). */
  answer?: string;
}

/** Forwarding proxies in front of the subgraphs, keeping every POST they pass on. */
export interface Recorder {
  /** Proxy URL per subgraph name: point a gateway at these instead of the subgraphs. */
  urls: Record<string, string>;
  /** Every POST, all subgraphs together, in the order the answers came back; empty it to start afresh. */
  requests: RecordedRequest[];
  /** The bodies sent to one subgraph, in order. */
  bodiesOf(subgraph: string): string[];
  stop(): Promise<void>;
}

/** Closes servers and their kept-alive connections. */
async function closeAll(servers: http.Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

/** Starts one forwarding proxy per subgraph URL (loopback, port 0). */
export async function startRecorder(targets: Record<string, string>): Promise<Recorder> {
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  const requests: RecordedRequest[] = [];
  for (const [name, target] of Object.entries(targets)) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
        fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined })
          .then(async (answer) => {
            const text = await answer.text();
            if (req.method === 'POST')
              requests.push({ subgraph: name, body, responseBytes: Buffer.byteLength(text), ...(answer.status === 200 ? { answer: text } : {}) });
            res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
            res.end(text);
          })
          .catch((error: Error) => {
            if (req.method === 'POST') requests.push({ subgraph: name, body, responseBytes: 0 });
            res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(`recorder: ${error.message}`);
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    servers.push(server);
    urls[name] = `http://${HOST}:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    requests,
    bodiesOf: (subgraph) => requests.filter((r) => r.subgraph === subgraph).map((r) => r.body),
    stop: () => closeAll(servers),
  };
}

/** Stand-ins for the subgraphs that answer recorded requests with their recorded answers. */
export interface Replayer {
  /** Stand-in URL per subgraph name. */
  urls: Record<string, string>;
  /** Requests answered, and requests that matched no recording (answered 500). */
  counts: { answered: number; unknown: number };
  stop(): Promise<void>;
}

/**
 * One HTTP server per subgraph (loopback, port 0, keep-alive) answering a POST whose body equals
 * a recorded one with that request's recorded answer, as `application/json` with status 200, and
 * anything else with 500: a gateway pointed at these spends its own CPU only, the subgraphs' work
 * being a map look-up (`gateway-ab.ts` measures the gateway so).
 */
export async function startReplayer(recorded: readonly RecordedRequest[]): Promise<Replayer> {
  const answers = new Map<string, Map<string, string>>();
  for (const r of recorded) {
    if (r.answer === undefined) continue;
    let bySubgraph = answers.get(r.subgraph);
    if (!bySubgraph) answers.set(r.subgraph, (bySubgraph = new Map()));
    bySubgraph.set(r.body, r.answer);
  }
  const counts = { answered: 0, unknown: 0 };
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const [name, bySubgraph] of answers) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = req.method === 'POST' ? bySubgraph.get(Buffer.concat(chunks).toString('utf8')) : undefined;
        if (answer === undefined) {
          counts.unknown++;
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`replayer: no recorded answer for this ${req.method ?? ''} request to ${name}`);
          return;
        }
        counts.answered++;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        res.end(answer);
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
    servers.push(server);
    urls[name] = `http://${HOST}:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    counts,
    stop: () => closeAll(servers),
  };
}
