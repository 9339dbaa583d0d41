import { readFileSync } from 'node:fs';

/** Which optional parts of the graph the committed supergraph has (tasks joins when it lands). */
export interface GraphShape {
  /** The supergraph has the tasks subgraph's colours and green coverage. */
  tasks: boolean;
  subgraphs: string[];
}

/** Reads the subgraph names and the tasks fields from a supergraph SDL. */
export function graphShape(supergraphSdl: string): GraphShape {
  const subgraphs = [...supergraphSdl.matchAll(/@join__graph\(name: "([a-z]+)"/g)].map((m) => m[1]);
  const commune = /\ntype Commune\b[\s\S]*?\n}/.exec(supergraphSdl)?.[0] ?? '';
  const province = /\ntype Province\b[\s\S]*?\n}/.exec(supergraphSdl)?.[0] ?? '';
  const tasks = subgraphs.includes('tasks') && /\n\s+progressStatus\b/.test(commune) && /\n\s+greenCoverage\b/.test(province);
  return { tasks, subgraphs };
}

export function readShape(supergraphPath: string): GraphShape {
  return graphShape(readFileSync(supergraphPath, 'utf8'));
}

const COVERAGE = '{ numerator denominator rate percent }';

/**
 * The monitoring map's drill-down: the nation, every province, every commune of it, every
 * criterion of every commune, with colours and every coverage figure (about 4 MB of JSON at
 * 100 % of the communes). The tasks fields join when the tasks subgraph is in the supergraph.
 */
export function nationalQuery(shape: GraphShape): string {
  const countryTasks = shape.tasks ? ` progress { green yellow red } greenCoverage ${COVERAGE} coverageBands { full above70 above50 below50 }` : '';
  const areaTasks = shape.tasks ? ` progressStatus greenCoverage ${COVERAGE}` : '';
  const communeTasks = shape.tasks ? ' progressStatus' : '';
  return [
    'query NationalDrillDown {',
    `  country { code communeCount${countryTasks} readiness { fullyMet ${COVERAGE} criteria { criterion { code } coverage ${COVERAGE} } } }`,
    '  provinces {',
    `    code name communeCount${areaTasks}`,
    `    readiness { fullyMet ${COVERAGE} criteria { criterion { code } coverage ${COVERAGE} } }`,
    `    communes(first: 500) { totalCount edges { node { code name kind${communeTasks} readiness { meetsBasicConditions criteria { criterion { code } met assessedAt } } } } }`,
    '  }',
    '}',
  ].join('\n');
}

/** One commune's detail page, across every subgraph: names, its province, every criterion with notes, synced records, colour. */
export function communeQuery(shape: GraphShape): string {
  const provinceTasks = shape.tasks ? ` progressStatus greenCoverage ${COVERAGE}` : '';
  const communeTasks = shape.tasks ? ' progressStatus assignments { task { code title } }' : '';
  return [
    'query CommuneDetail($code: ID!) {',
    '  commune(code: $code) {',
    `    code name nameAscii kind${communeTasks}`,
    `    province { code name regionName communeCount${provinceTasks} readiness { fullyMet ${COVERAGE} } }`,
    '    readiness { asOf meetsBasicConditions criteria { criterion { code name category basic } met assessedAt } unmetCriteria { code name } }',
    '    syncedRecords(from: "2025-07-01", to: "2025-07-31")',
    '  }',
    '}',
  ].join('\n');
}

/** Request bodies, exactly as every arm receives them. */
export function body(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}
