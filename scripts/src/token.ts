/**
 * `npm run token -- --role analyst [--ttl 1h]`: prints a development bearer token signed with the
 * local key under `data/dev-keys/` (made on first use), the one the development gateway accepts.
 * Every mistake is one line on stderr and exit code 2.
 */
import { ensureDevKey, issueDevToken, loadAuthConfig, parseTokenArgs } from '@kh02/gateway/dist/auth';

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.NODE_ENV === 'production') throw new Error('npm run token makes development tokens; a production gateway does not accept them.');
  const request = parseTokenArgs(argv);
  const config = loadAuthConfig(env);
  if (!config.devKey) throw new Error('AUTH_DEV_KEY is false: the gateway would not accept a development token.');
  const key = await ensureDevKey(config.devKeysDir);
  return issueDevToken(request, key, { issuer: config.issuer, audience: config.audience });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (token) => process.stdout.write(`${token}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
  );
}
