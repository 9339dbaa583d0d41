/**
 * `node scripts/dist/bench/gateway-ab.js <baseline gateway main.js> [commune|national] [blocks] [requests per block] [concurrency]`:
 * the gateway's own CPU per request, an earlier build against the current one, with nothing else
 * on the server core. Seeds fresh SQLite files (100 % of the communes), starts the subgraph
 * processes, records through a recording proxy the requests the current gateway sends them for the
 * query (the bench's commune detail, or the national drill-down) and their answers, then points
 * both gateway builds at stand-ins that answer those requests from the recording
 * (`startReplayer`): the subgraphs' work becomes a map look-up, so the gateway's CPU is all that
 * differs. Both gateways are pinned to core 0 and the load (this process) to core 1 where taskset
 * exists; each must answer byte for byte as the current gateway did, and the stand-ins must know
 * every request, before anything is timed. Then blocks of requests at `concurrency` alternate
 * between the two (A B, B A, …) and each block's CPU per request is read from /proc (10 ms ticks):
 * the output is both builds' medians, their ratio and the ratio per block. Defaults: commune, 10
 * blocks, 500 requests per block (national: 8), 16 concurrent (national: 4).
 *
 * Why not the bench: in the bench's chain four processes share the server core and the machine's
 * neighbours move every figure by ±20 %; a change worth a few per cent of the gateway's CPU shows
 * here and not there (PERFORMANCE.md, round two, part four).
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { urlVariable } from '@kh02/common';
import {
  benchIdentity,
  cpuMsOf,
  freePort,
  HOST,
  median,
  pin,
  post,
  ROOT,
  runMain,
  serverProcessEnv,
  spawnNode,
  stopAll,
  waitForHttp,
  type Proc,
} from './common';
import { loadSubgraphPackages, seedDataSet, startSubgraphProcesses, tempDataDir } from './data';
import { body, communeQuery, nationalQuery, readShape } from './queries';
import { startRecorder, startReplayer, type Recorder, type Replayer } from './replay';

const SERVER_CORE = 0;
const LOAD_CORE = 1;

async function main(): Promise<void> {
  const [baseline, which = 'commune', blocksArg, requestsArg, concurrencyArg] = process.argv.slice(2);
  if (!baseline || !['commune', 'national'].includes(which)) {
    throw new Error('usage: node scripts/dist/bench/gateway-ab.js <baseline gateway main.js> [commune|national] [blocks] [requests per block] [concurrency]');
  }
  const national = which === 'national';
  const blocks = Number(blocksArg ?? 10);
  const perBlock = Number(requestsArg ?? (national ? 8 : 500));
  const concurrency = Number(concurrencyArg ?? (national ? 4 : 16));
  const supergraphPath = path.join(ROOT, 'schema/supergraph.graphql');
  const query = national ? body(nationalQuery(readShape(supergraphPath))) : body(communeQuery(readShape(supergraphPath)), { code: '00004' });
  const packages = await loadSubgraphPackages();
  const temp = tempDataDir();
  const secret = randomBytes(16).toString('hex');
  const identity = await benchIdentity();
  // IDLE_GC_MS=0: the blocks compare request work; an idle collection of one build between blocks would land in the other's.
  const common = { ...serverProcessEnv(secret, identity), RESPONSE_CACHE: 'false', IDLE_GC_MS: '0', SUPERGRAPH_PATH: supergraphPath };
  const startGateway = async (name: string, main: string, urls: Record<string, string>): Promise<Proc & { url: string }> => {
    const port = await freePort();
    const proc = spawnNode(name, [path.resolve(main)], {
      ...common,
      GATEWAY_PORT: String(port),
      NODE_PATH: path.join(ROOT, 'node_modules'),
      ...Object.fromEntries(Object.entries(urls).map(([n, u]) => [urlVariable(n), u])),
    });
    await waitForHttp(`http://${HOST}:${port}/health`, proc);
    return { ...proc, url: `http://${HOST}:${port}/graphql` };
  };
  let recorder: Recorder | undefined;
  let replayer: Replayer | undefined;
  try {
    const data = await seedDataSet(packages, temp.dir, 1);
    recorder = await startRecorder((await startSubgraphProcesses(packages, data, common)).urls);
    const recording = await startGateway('gateway-recording', path.join(ROOT, 'gateway/dist/main.js'), recorder.urls);
    await post(recording.url, query); // the plan cache is warm: the second request is the one kept
    recorder.requests.length = 0;
    const expected = await post(recording.url, query);
    if (expected.status !== 200 || expected.text.includes('"errors"')) throw new Error(`the ${which} query failed: ${expected.text.slice(0, 500)}`);
    replayer = await startReplayer(recorder.requests);
    const arms = {
      A: await startGateway('gateway-baseline', baseline, replayer.urls),
      B: await startGateway('gateway', path.join(ROOT, 'gateway/dist/main.js'), replayer.urls),
    };
    const run = async (url: string, n: number) => {
      let sent = 0;
      let wrong = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (sent < n) {
            sent++;
            if ((await post(url, query)).text !== expected.text) wrong++;
          }
        }),
      );
      return wrong;
    };
    for (const [name, arm] of Object.entries(arms)) {
      const wrong = await run(arm.url, national ? 4 : 200); // warm-up, and the byte-for-byte check
      if (wrong > 0 || replayer.counts.unknown > 0)
        throw new Error(
          `${name} (${arm.name}) answered ${wrong} requests differently, or sent ${replayer.counts.unknown} requests the recording does not have`,
        );
      pin(arm, SERVER_CORE);
    }
    pin({ name: 'the load (this process)', pid: process.pid }, LOAD_CORE);
    const cpu: Record<'A' | 'B', number[]> = { A: [], B: [] };
    for (let b = 0; b < blocks; b++) {
      for (const key of b % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const before = cpuMsOf(arms[key].pid)!;
        const wrong = await run(arms[key].url, perBlock);
        const after = cpuMsOf(arms[key].pid)!;
        if (wrong > 0) throw new Error(`${arms[key].name} answered ${wrong} requests differently in block ${b + 1}`);
        cpu[key].push((after - before) / perBlock);
      }
    }
    const a = median(cpu.A);
    const b = median(cpu.B);
    const lines = [
      `${which}: gateway CPU ms per request against recorded subgraph answers, ${blocks} alternating blocks of ${perBlock} at ${concurrency} concurrent`,
      `A ${baseline}: median ${a.toFixed(3)} — ${cpu.A.map((x) => x.toFixed(2)).join(', ')}`,
      `B gateway/dist/main.js: median ${b.toFixed(3)} — ${cpu.B.map((x) => x.toFixed(2)).join(', ')}`,
      `B ÷ A: ${(b / a).toFixed(3)} (per block ${cpu.B.map((x, i) => (x / cpu.A[i]).toFixed(2)).join(', ')})`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await replayer?.stop();
    await recorder?.stop();
    await stopAll();
    temp.cleanup();
  }
}

runMain(main);
