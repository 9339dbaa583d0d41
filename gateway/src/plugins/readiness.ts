/**
 * Asks every subgraph's `/ready` (which runs a trivial query on its database) and reports each
 * as "ok" or why not. The gateway is ready when every subgraph is.
 */
export async function checkSubgraphs(urls: Readonly<Record<string, string>>, timeoutMs = 2000): Promise<Record<string, string>> {
  const checks = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'ok' : `HTTP ${response.status}`] as const;
      } catch (error) {
        return [name, (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(checks);
}
