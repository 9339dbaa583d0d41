/**
 * deploy/ checked against the code: every Dockerfile, the compose file and every Kubernetes
 * manifest is parsed, and the ports, probes and environment variables they set are compared with
 * what the services actually read — each service's own config loader runs on the environment a
 * file gives it (every variable it reads is recorded), and the probe paths are requested from a
 * running platform.
 */
import { SUBGRAPHS, databaseUrlVariable, urlVariable } from '@kh02/common';
import { loadGatewayConfig } from '@kh02/gateway';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { startPlatform, type Platform } from './harness';

// jest maps @kh02/scripts/* to the sources, tsc reads the built declarations: one module, two paths.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { migrationPlan } = require('@kh02/scripts/migrate') as typeof import('@kh02/scripts/dist/migrate');

const ROOT = path.resolve(__dirname, '../..');
const DEPLOY = path.join(ROOT, 'deploy');
const SERVICES = ['gateway', ...SUBGRAPHS.map((s) => s.name)];

// ---------------------------------------------------------------- what each service reads

/** An environment that records every variable read from it. */
function recording(env: Record<string, string | undefined>): { env: NodeJS.ProcessEnv; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return target[key as string];
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return key in target;
    },
  });
  return { env: proxy as NodeJS.ProcessEnv, read };
}

/**
 * Variables a process reads outside its config loader: the log level and the service name its
 * logger carries (subgraphs/kit/src/main.ts, gateway/src/main.ts; checked below).
 */
const PROCESS_LEVEL = ['LOG_LEVEL', 'KH02_SERVICE'];

interface ServiceConfig {
  host: string;
  port: number;
}

/** Runs a service's own config loader on `env`; returns what it made of it and every variable it read. */
function loadServiceConfig(service: string, env: Record<string, string | undefined>): { config: ServiceConfig; read: Set<string> } {
  const r = recording(env);
  let config: ServiceConfig;
  if (service === 'gateway') config = loadGatewayConfig(r.env);
  else {
    const entry = SUBGRAPHS.find((s) => s.name === service)!;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require(entry.package) as { loadConfig(env: NodeJS.ProcessEnv): ServiceConfig };
    config = pkg.loadConfig(r.env);
  }
  for (const name of PROCESS_LEVEL) r.read.add(name);
  return { config, read: r.read };
}

/** Every variable the migration command reads. */
function migrationReads(env: Record<string, string | undefined>): { read: Set<string>; plan: ReturnType<typeof migrationPlan> } {
  const r = recording(env);
  const plan = migrationPlan({ seed: true, only: [] }, r.env);
  return { read: r.read, plan };
}

/** Stand-ins for secrets and `${…}` placeholders: values of the right shape for each variable. */
function standIn(name: string): string {
  if (/DATABASE_URL$/.test(name)) return `postgres://kh02:x@db.example:5432/kh02_${name.split('_')[0].toLowerCase()}`;
  if (name === 'REDIS_URL') return 'redis://redis.example:6379';
  if (name === 'AUTH_JWKS_URL') return 'https://idp.example/jwks.json';
  if (name === 'AUTH_ISSUER') return 'https://idp.example/';
  return 'f'.repeat(64);
}

// ---------------------------------------------------------------- Dockerfiles

interface Instruction {
  op: string;
  args: string;
}
interface Dockerfile {
  stages: { from: string; name?: string; instructions: Instruction[] }[];
}

/** A small Dockerfile parser: comments, line continuations, FROM stages, the instructions used here. */
function parseDockerfile(text: string): Dockerfile {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const file: Dockerfile = { stages: [] };
  for (const line of lines) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!op) throw new Error(`cannot parse Dockerfile line: ${line}`);
    if (op.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      file.stages.push({ from, name, instructions: [] });
    } else {
      if (file.stages.length === 0) throw new Error(`${op} before FROM`);
      file.stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args: args.trim() });
    }
  }
  return file;
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`). */
function envOf(instructions: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of instructions.filter((x) => x.op === 'ENV')) {
    if (!i.args.includes('=')) {
      const [k, ...v] = i.args.split(/\s+/);
      env[k] = v.join(' ');
      continue;
    }
    for (const m of i.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]] = m[2].replace(/^"|"$/g, '');
  }
  return env;
}

const one = (instructions: Instruction[], op: string) => instructions.filter((i) => i.op === op).at(-1)?.args;
const dockerfilePath = (image: string) => path.join(DEPLOY, 'docker', `${image}.Dockerfile`);
const dockerfile = (image: string) => parseDockerfile(readFileSync(dockerfilePath(image), 'utf8'));
const runtimeEnv = (image: string) => envOf(dockerfile(image).stages.at(-1)!.instructions);

// ---------------------------------------------------------------- YAML

const yamlDocs = (file: string) =>
  parseAllDocuments(readFileSync(file, 'utf8'), { merge: true }).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS({ maxAliasCount: 100 }) as any;
  });
const K8S_DIR = path.join(DEPLOY, 'k8s');
const k8sFiles = readdirSync(K8S_DIR).filter((f) => f.endsWith('.yaml'));
const manifests = k8sFiles.filter((f) => f !== 'kustomization.yaml').flatMap((f) => yamlDocs(path.join(K8S_DIR, f)).map((doc) => ({ file: f, doc })));
const ofKind = (kind: string) => manifests.filter((m) => m.doc?.kind === kind).map((m) => m.doc);
const named = (kind: string, name: string) => ofKind(kind).find((d) => d.metadata.name === name);
const secrets = ofKind('Secret');

/** A container's environment as Kubernetes would give it: image ENV, then the manifest's (secrets must exist; their values replaced by stand-ins; files of mounted secrets written out). */
function containerEnv(container: any, podSpec: any, imageEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...imageEnv };
  const mounted = new Map<string, string>();
  for (const m of container.volumeMounts ?? []) {
    const volume = (podSpec.volumes ?? []).find((v: any) => v.name === m.name);
    expect({ mount: m.name, volume: Boolean(volume?.secret) }).toEqual({ mount: m.name, volume: true });
    const secret = secrets.find((s) => s.metadata.name === volume.secret.secretName);
    expect({ volume: volume.secret.secretName, exists: Boolean(secret) }).toEqual({ volume: volume.secret.secretName, exists: true });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-mount-'));
    for (const [k, v] of Object.entries(secret.stringData ?? {})) writeFileSync(path.join(dir, k), String(v));
    mounted.set(m.mountPath, dir);
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom) {
      const ref = e.valueFrom.secretKeyRef;
      const secret = secrets.find((s) => s.metadata.name === ref.name);
      expect({ variable: e.name, secret: ref.name, key: ref.key, present: Boolean(secret && ref.key in (secret.stringData ?? secret.data ?? {})) }).toEqual({
        variable: e.name,
        secret: ref.name,
        key: ref.key,
        present: true,
      });
      env[e.name] = standIn(ref.key);
    } else {
      let value = String(e.value);
      for (const [mountPath, dir] of mounted) if (value.startsWith(`${mountPath}/`)) value = path.join(dir, value.slice(mountPath.length + 1));
      env[e.name] = value;
    }
  }
  return env;
}

/** The path a Dockerfile's HEALTHCHECK requests. */
function healthcheckPath(image: string): string {
  const check = one(dockerfile(image).stages.at(-1)!.instructions, 'HEALTHCHECK') ?? '';
  return /\+ '(\/\w+)'/.exec(check)?.[1] ?? '(none)';
}

/** The paths a Deployment's probes request. */
function k8sProbePaths(service: string): string[] {
  const [container] = named('Deployment', service).spec.template.spec.containers;
  return ['readinessProbe', 'livenessProbe', 'startupProbe'].filter((k) => container[k]).map((k) => container[k].httpGet.path as string);
}

const podLabelsMatch = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

// ---------------------------------------------------------------- tests

describe('deploy/ matches what the services read', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ fraction: 0.05 });
  });
  afterAll(() => platform?.close());

  it('the processes read LOG_LEVEL and KH02_SERVICE where the list of process-level variables says', () => {
    expect(readFileSync(path.join(ROOT, 'subgraphs/kit/src/main.ts'), 'utf8')).toMatch(/process\.env\.LOG_LEVEL[\s\S]*process\.env\.KH02_SERVICE/);
    expect(readFileSync(path.join(ROOT, 'gateway/src/main.ts'), 'utf8')).toMatch(/process\.env\.LOG_LEVEL/);
  });

  describe.each(SERVICES)('%s Dockerfile', (service) => {
    it('is multi-stage, runs as a non-root user on 0.0.0.0 in production, exposes the port its config listens on', () => {
      const file = dockerfile(service);
      expect(file.stages.length).toBeGreaterThanOrEqual(2);
      const final = file.stages.at(-1)!;
      expect(final.name).toBeUndefined();
      const user = one(final.instructions, 'USER');
      expect(user).toBeDefined();
      expect(['root', '0']).not.toContain(user!.split(':')[0]);
      const env = envOf(final.instructions);
      expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
      // Production refuses to start without its secrets: they come from the deployment, never the image.
      const needed =
        service === 'gateway' ? ['SUBGRAPH_SECRET', 'INTERNAL_TOKEN_SECRET', 'AUTH_ISSUER', 'AUTH_JWKS_URL'] : ['SUBGRAPH_SECRET', 'INTERNAL_TOKEN_SECRET'];
      for (const name of needed) expect(env[name]).toBeUndefined();
      const { config, read } = loadServiceConfig(service, { ...env, ...Object.fromEntries(needed.map((n) => [n, standIn(n)])) });
      expect(Object.keys(env).filter((k) => !read.has(k))).toEqual([]);
      expect(config.host).toBe('0.0.0.0');
      expect(one(final.instructions, 'EXPOSE')).toBe(String(config.port));
    });

    it('has a HEALTHCHECK on the port the config reads and a real path, and starts compiled code it copies', () => {
      const file = dockerfile(service);
      const final = file.stages.at(-1)!;
      const env = envOf(final.instructions);
      const check = one(final.instructions, 'HEALTHCHECK')!;
      expect(check).toMatch(/CMD \[/);
      const [, variable, fallback] = /process\.env\.(\w+) \|\| (\d+)\) \+ '(\/\w+)'/.exec(check) ?? [];
      expect(variable).toBe(service === 'gateway' ? 'GATEWAY_PORT' : 'PORT');
      expect(fallback).toBe(env[variable]);
      expect(healthcheckPath(service)).toBe('/health');
      const cmd = JSON.parse(one(final.instructions, 'CMD')!) as string[];
      expect(cmd[0]).toBe('node');
      const source = path.join(ROOT, cmd[1].replace('/dist/', '/src/').replace(/\.js$/, '.ts'));
      expect(existsSync(source)).toBe(true);
      const copied = final.instructions.filter((i) => i.op === 'COPY').map((i) => i.args.split(/\s+/).at(-1)!.replace(/^\.\//, ''));
      expect(copied.some((dest) => cmd[1].startsWith(`${dest}/`))).toBe(true);
      // The build stage copies the repository and compiles it; every COPY --from=build source exists once built.
      for (const i of final.instructions.filter((x) => x.op === 'COPY')) {
        const parts = i.args.split(/\s+/).filter((a) => !a.startsWith('--'));
        for (const src of parts.slice(0, -1)) {
          const rel = src.replace(/^\/app\/?/, '');
          if (rel === 'node_modules' || /(^|\/)dist(\/|$)/.test(rel)) continue;
          expect({ src, exists: existsSync(path.join(ROOT, rel)) }).toEqual({ src, exists: true });
        }
      }
    });
  });

  it('the migrate image runs npm run migrate’s compiled script as a non-root user', () => {
    const file = dockerfile('migrate');
    const final = file.stages.at(-1)!;
    expect(file.stages.length).toBeGreaterThanOrEqual(2);
    expect(['root', '0', undefined]).not.toContain(one(final.instructions, 'USER'));
    expect(JSON.parse(one(final.instructions, 'ENTRYPOINT')!)).toEqual(['node', 'scripts/dist/migrate.js']);
    expect(existsSync(path.join(ROOT, 'scripts/src/migrate.ts'))).toBe(true);
  });

  it('docker-compose.yml: PostgreSQL, Redis, a migrate one-shot, every subgraph and the gateway, wired by the variables they read', () => {
    const compose = parseYaml(readFileSync(path.join(DEPLOY, 'docker-compose.yml'), 'utf8'), { merge: true }) as any;
    const services = compose.services as Record<string, any>;
    expect(Object.keys(services).sort()).toEqual(['postgres', 'redis', 'migrate', ...SERVICES].sort());
    const resolve = (env: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          String(v).replace(/\$\{(\w+)(:\?[^}]*)?\}/g, (_m, name: string) => (/DATABASE_URL$/.test(k) ? 'x' : standIn(name))),
        ]),
      );
    const ports: Record<string, number> = {};
    for (const service of SERVICES) {
      const s = services[service];
      const image = s.build.dockerfile.replace(/^deploy\/docker\/|\.Dockerfile$/g, '');
      expect(image).toBe(service);
      expect(existsSync(path.join(DEPLOY, s.build.context, s.build.dockerfile))).toBe(true);
      const env = { ...runtimeEnv(service), ...resolve(s.environment) };
      const { config, read } = loadServiceConfig(service, env);
      expect({ service, unread: Object.keys(s.environment).filter((k) => !read.has(k)) }).toEqual({ service, unread: [] });
      ports[service] = config.port;
      if (service !== 'gateway') {
        expect(s.depends_on.migrate.condition).toBe('service_completed_successfully');
        expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      }
    }
    // Files mounted from the repository exist, and PostgreSQL creates the databases the URLs name.
    for (const volume of services.postgres.volumes as string[]) {
      const [source] = volume.split(':');
      if (source.startsWith('.')) expect({ source, exists: existsSync(path.join(DEPLOY, source)) }).toEqual({ source, exists: true });
    }
    const init = readFileSync(path.join(DEPLOY, 'postgres/init.sql'), 'utf8');
    for (const s of SUBGRAPHS) {
      const database = new URL(resolve(services[s.name].environment).DATABASE_URL).pathname.slice(1);
      expect(init).toContain(`CREATE DATABASE ${database} `);
    }
    // The gateway calls each subgraph by its compose service name, on the port that subgraph listens on.
    const gatewayEnv = services.gateway.environment;
    for (const s of SUBGRAPHS) {
      expect(gatewayEnv[urlVariable(s.name)]).toBe(`http://${s.name}:${ports[s.name]}/graphql`);
      expect(services.gateway.depends_on[s.name].condition).toBe('service_healthy');
    }
    expect(gatewayEnv.REDIS_URL).toBe('redis://redis:6379');
    // The one-shot migrates every subgraph's database, the one that subgraph is given.
    const migrate = services.migrate;
    expect(migrate.build.dockerfile).toBe('deploy/docker/migrate.Dockerfile');
    const { read, plan } = migrationReads(resolve(migrate.environment));
    expect(Object.keys(migrate.environment).filter((k) => !read.has(k))).toEqual([]);
    expect(plan.targets.map((t) => [t.entry.name, t.databaseUrl])).toEqual(SUBGRAPHS.map((s) => [s.name, resolve(services[s.name].environment).DATABASE_URL]));
  });

  it('Kubernetes: every file parses and is listed in the kustomization; each service has a Deployment, Service, HPA and PDB', () => {
    const kustomization = yamlDocs(path.join(K8S_DIR, 'kustomization.yaml'))[0];
    expect([...kustomization.resources].sort()).toEqual(k8sFiles.filter((f) => f !== 'kustomization.yaml').sort());
    for (const m of manifests)
      expect({ file: m.file, apiVersion: typeof m.doc.apiVersion, kind: typeof m.doc.kind, name: typeof m.doc.metadata?.name }).toEqual({
        file: m.file,
        apiVersion: 'string',
        kind: 'string',
        name: 'string',
      });
    for (const service of SERVICES) {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])
        expect({ service, kind, found: Boolean(named(kind, service)) }).toEqual({ service, kind, found: true });
    }
    expect(ofKind('Job').length).toBe(1);
  });

  describe.each(SERVICES)('%s on Kubernetes', (service) => {
    it('sets only variables the service reads, every one it needs, the port it listens on, and probes real paths', () => {
      const deployment = named('Deployment', service);
      const pod = deployment.spec.template;
      expect(podLabelsMatch(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
      expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
      const [container] = pod.spec.containers;
      expect(container.image).toMatch(new RegExp(`^kh02/${service}:`));
      expect(existsSync(dockerfilePath(service))).toBe(true);
      const env = containerEnv(container, pod.spec, runtimeEnv(service));
      // The service's own loader accepts it (it throws on anything missing or wrong in production) …
      const { config, read } = loadServiceConfig(service, env);
      expect(env.NODE_ENV).toBe('production');
      // … and reads every variable the manifest sets.
      expect(container.env.map((e: any) => e.name).filter((n: string) => !read.has(n))).toEqual([]);
      const port = container.ports.find((p: any) => p.name === 'http');
      expect(port.containerPort).toBe(config.port);
      expect(config.host).toBe('0.0.0.0');
      for (const [kind, expected] of [
        ['readinessProbe', '/ready'],
        ['livenessProbe', '/health'],
      ] as const) {
        const probeSpec = container[kind].httpGet;
        expect(probeSpec.path).toBe(expected);
        expect(probeSpec.port === 'http' || probeSpec.port === config.port).toBe(true);
      }
      // The Service reaches the pods on that port.
      const svc = named('Service', service);
      expect(podLabelsMatch(svc.spec.selector, pod.metadata.labels)).toBe(true);
      expect(svc.spec.ports.map((p: any) => [p.port, p.targetPort])).toEqual([[config.port, 'http']]);
      // Scaling and disruption: at least two replicas, one kept through a voluntary disruption.
      const hpa = named('HorizontalPodAutoscaler', service);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: service });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      const pdb = named('PodDisruptionBudget', service);
      expect(podLabelsMatch(pdb.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
      expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
      if (service !== 'gateway') {
        expect(container.env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef.key).toBe(databaseUrlVariable(service));
      }
    });
  });

  it('the gateway calls each subgraph through its Service, on the port the subgraph listens on', () => {
    const gateway = named('Deployment', 'gateway').spec.template.spec.containers[0];
    for (const s of SUBGRAPHS) {
      const url = new URL(gateway.env.find((e: any) => e.name === urlVariable(s.name)).value);
      const svc = named('Service', url.hostname);
      expect(svc?.metadata.name).toBe(s.name);
      expect(svc.spec.ports[0].port).toBe(Number(url.port));
      expect(url.pathname).toBe('/graphql');
    }
  });

  it('the migration Job migrates every subgraph’s database, the secret its Deployment uses', () => {
    const job = ofKind('Job')[0];
    const pod = job.spec.template.spec;
    expect(['Never', 'OnFailure']).toContain(pod.restartPolicy);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const [container] = pod.containers;
    expect(container.image).toMatch(/^kh02\/migrate:/);
    const env = containerEnv(container, pod, runtimeEnv('migrate'));
    const { read, plan } = migrationReads(env);
    expect(container.env.map((e: any) => e.name).filter((n: string) => !read.has(n))).toEqual([]);
    expect(plan.targets.map((t) => t.entry.name)).toEqual(SUBGRAPHS.map((s) => s.name));
    for (const s of SUBGRAPHS) {
      const deploymentRef = named('Deployment', s.name).spec.template.spec.containers[0].env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef;
      const jobRef = container.env.find((e: any) => e.name === databaseUrlVariable(s.name)).valueFrom.secretKeyRef;
      expect(jobRef).toEqual(deploymentRef);
    }
  });

  it('every probe and health-check path answers 200 on a running gateway and subgraphs', async () => {
    const paths = (service: string) => [...new Set([healthcheckPath(service), ...k8sProbePaths(service)])].sort();
    expect(paths('gateway')).toEqual(['/health', '/ready']);
    const gatewayBase = platform.url.replace(/\/graphql$/, '');
    for (const p of paths('gateway')) {
      const status = (await fetch(`${gatewayBase}${p}`)).status;
      expect({ path: p, status }).toEqual({ path: p, status: 200 });
    }
    for (const s of platform.subgraphs) {
      for (const p of paths(s.subgraph.name)) {
        const status = (await fetch(`http://127.0.0.1:${s.served.port}${p}`)).status;
        expect({ subgraph: s.subgraph.name, path: p, status }).toEqual({ subgraph: s.subgraph.name, path: p, status: 200 });
      }
    }
    // And /graphql, where the gateway and the Services route, answers a query.
    const answer = await platform.query('{ country { provinceCount } }');
    expect(answer.data).toEqual({ country: { provinceCount: 34 } });
  });
});
