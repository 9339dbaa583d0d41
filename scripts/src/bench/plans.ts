/**
 * `node scripts/dist/bench/plans.js [fraction]`: what each gateway asks the subgraphs for the
 * bench queries. Seeds fresh SQLite files (default 10 % of the communes), starts the subgraph
 * processes, puts a recording proxy in front of each, points the project gateway and the peer
 * (Hive Gateway + router runtime) at the proxies, sends the national and one commune query to
 * both, and prints per arm and query every subgraph request: subgraph, request bytes,
 * representations sent, response bytes and the operation text. The method of issue 16: find
 * where the difference comes from before changing anything.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { urlVariable } from '@kh02/common';
import { benchIdentity, freePort, HOST, post, ROOT, runMain, serverProcessEnv, spawnNode, stopAll, waitForHttp, sleep } from './common';
import { loadSubgraphPackages, seedDataSet, startSubgraphProcesses, tempDataDir } from './data';
import { body, communeQuery, nationalQuery, readShape } from './queries';
import { startRecorder, type Recorder } from './replay';

/** What one subgraph request asked: its operation and how many entity representations it carried. */
function described(text: string): { query: string; representations: number } {
  const parsed = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
  // Every \`_Any\` list, however the gateway names it (batches prefix it, the peer calls it __batch_reps_N).
  const representations = Object.entries(parsed.variables ?? {})
    .filter(([k, v]) => /rep/i.test(k) && Array.isArray(v))
    .reduce((n, [, v]) => n + (v as unknown[]).length, 0);
  return { query: parsed.query, representations };
}

async function main(): Promise<void> {
  const fraction = Number(process.argv[2] ?? 0.1);
  const supergraphPath = path.join(ROOT, 'schema/supergraph.graphql');
  const shape = readShape(supergraphPath);
  const packages = await loadSubgraphPackages();
  const temp = tempDataDir();
  const secret = randomBytes(16).toString('hex');
  const identity = await benchIdentity();
  const common = serverProcessEnv(secret, identity);
  let recorder: Recorder | undefined;
  try {
    const data = await seedDataSet(packages, temp.dir, fraction);
    recorder = await startRecorder((await startSubgraphProcesses(packages, data, common)).urls);
    const proxied = recorder.urls;
    let sdl = readFileSync(supergraphPath, 'utf8');
    for (const [name, url] of Object.entries(proxied)) sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
    const sdlPath = path.join(temp.dir, 'supergraph.graphql');
    writeFileSync(sdlPath, sdl);

    const gwPort = await freePort();
    const gw = spawnNode('gateway', [path.join(ROOT, 'gateway/dist/main.js')], {
      ...common,
      GATEWAY_PORT: String(gwPort),
      // The repeated query must reach the subgraphs: with the response cache on it is a hit and sends nothing.
      RESPONSE_CACHE: 'false',
      SUPERGRAPH_PATH: supergraphPath,
      ...Object.fromEntries(Object.entries(proxied).map(([n, u]) => [urlVariable(n), u])),
    });
    await waitForHttp(`http://${HOST}:${gwPort}/health`, gw);
    const peerPort = await freePort();
    spawnNode('peer', [path.join(__dirname, 'servers/peer.js')], {
      ...common,
      BENCH_PEER_ROUTER: '1',
      BENCH_PORT: String(peerPort),
      BENCH_SUPERGRAPH: sdlPath,
      BENCH_SECRET: secret,
      BENCH_IDENTITY: identity.token,
    });
    for (let i = 0; i < 100; i++) {
      try {
        await post(`http://${HOST}:${peerPort}/graphql`, '{"query":"{ __typename }"}');
        break;
      } catch {
        await sleep(200);
      }
    }
    const db = new Database(data.urls.geography.slice('sqlite:'.length), { readonly: true });
    const [[code]] = db.prepare('select code from commune order by code limit 1').raw(true).all() as [string][];
    db.close();
    const queries = { national: body(nationalQuery(shape)), commune: body(communeQuery(shape), { code: process.argv[3] ?? code }) };
    const out: string[] = [`# Subgraph requests per arm (${fraction * 100} % of the communes)`, ''];
    for (const [qname, b] of Object.entries(queries)) {
      for (const [arm, url] of [
        ['gateway', `http://${HOST}:${gwPort}/graphql`],
        ['peer', `http://${HOST}:${peerPort}/graphql`],
      ]) {
        await post(url, b); // warm (plan cache)
        recorder.requests.length = 0;
        const r = await post(url, b);
        out.push(`## ${qname} — ${arm}: ${recorder.requests.length} fetches, response ${r.text.length} bytes`, '');
        for (const f of recorder.requests) {
          const { query, representations } = described(f.body);
          out.push(
            `- ${f.subgraph}: request ${Buffer.byteLength(f.body)} B, ${representations} representations, response ${f.responseBytes} B`,
            '```graphql',
            query,
            '```',
          );
        }
        out.push('');
      }
    }
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await recorder?.stop();
    await stopAll();
    temp.cleanup();
  }
}

runMain(main);
