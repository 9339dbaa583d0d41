import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The development signing key: Ed25519, shared by the running gateway and `npm run token` through a file. */
export interface DevKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicJwk: JWK;
}

const FILE = 'signing-key.jwk.json';
export const DEV_ALGORITHM = 'EdDSA';

async function load(file: string): Promise<DevKey> {
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  if (!jwk.kid || !jwk.d) throw new Error(`${file} is not a private JWK with a kid; delete it to have a new one made.`);
  const { d: _d, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: await importJWK(jwk, DEV_ALGORITHM), publicJwk };
}

/**
 * The development key in `dir`, made on first use (a private JWK, mode 0600). Two processes making
 * it at once agree: the file is created exclusively and the loser reads the winner's.
 */
export async function ensureDevKey(dir: string): Promise<DevKey> {
  const file = path.join(dir, FILE);
  try {
    return await load(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `kh02-dev-${randomUUID()}`, alg: DEV_ALGORITHM, use: 'sig' };
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return load(file);
}
