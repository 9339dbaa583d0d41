import { loadSubgraphConfig, subgraphEntry, type SubgraphConfig } from '@kh02/subgraph-kit';
import { DEFAULT_THRESHOLDS, validateThresholds, type ProgressThresholds } from './modules/progress/progress.rule';

/** The subgraph's one name: folder, package, supergraph.yaml key, TASKS_URL. */
export const NAME = 'tasks';
/** Default port (TASKS_PORT), from the subgraph registry. */
export const DEFAULT_PORT = subgraphEntry(NAME).defaultPort;

/** The tasks subgraph's settings: the shared ones plus the colour rule's thresholds. */
export interface TasksConfig extends SubgraphConfig {
  /** Lag thresholds of the colour rule (TASKS_YELLOW_LAG, TASKS_RED_LAG). */
  thresholds: ProgressThresholds;
}

/** Reads one optional number of percentage points; anything but a plain number is a start-up error naming the variable. */
function points(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw.trim())) throw new Error(`${variable} must be a number of percentage points between 0 and 100, got "${raw}".`);
  return Number(raw);
}

/**
 * Reads and validates this subgraph's configuration from the environment, once. Besides the
 * shared settings: `TASKS_YELLOW_LAG` (default 15) and `TASKS_RED_LAG` (default 35), the
 * colour rule's thresholds in percentage points, 0 < yellow < red ≤ 100.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<TasksConfig> {
  const base = loadSubgraphConfig(NAME, DEFAULT_PORT, env);
  const thresholds = validateThresholds({
    yellowLag: points(env, 'TASKS_YELLOW_LAG', DEFAULT_THRESHOLDS.yellowLag),
    redLag: points(env, 'TASKS_RED_LAG', DEFAULT_THRESHOLDS.redLag),
  });
  return Object.freeze({ ...base, thresholds });
}
