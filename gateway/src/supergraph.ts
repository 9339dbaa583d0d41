import type { SupergraphSdlHook } from '@apollo/gateway';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { servableSupergraph } from '@kh02/common';
import type { Logger } from 'pino';

/**
 * The supergraph from a file, reloaded when the file changes. A new file is handed to the gateway,
 * which builds it before switching (requests in flight finish on the schema they started with);
 * a file that does not build is logged and the old supergraph stays. `pollMs` 0 reads it once.
 * Every version goes through {@link servableSupergraph}: the subgraphs enforce the access directives.
 */
export function supergraphFromFile(path: string, pollMs: number, log: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(path, 'utf8');
    const listener = () => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        log.error({ err: error, path }, 'supergraph file unreadable; keeping the current supergraph');
        return;
      }
      if (next === current) return;
      try {
        update(servableSupergraph(next));
        current = next;
        log.info({ path }, 'supergraph reloaded');
      } catch (error) {
        current = next; // do not retry the same broken file on every poll
        log.error({ err: error, path }, 'new supergraph does not build; keeping the current one');
      }
    };
    if (pollMs > 0) watchFile(path, { interval: pollMs }, listener);
    return { supergraphSdl: servableSupergraph(current), cleanup: async () => unwatchFile(path, listener) };
  };
}
