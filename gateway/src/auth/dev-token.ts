import { PARTNER_SCOPES, ROLES, type Role } from '@kh02/common';
import { SignJWT } from 'jose';
import { DEV_ALGORITHM, type DevKey } from './dev-keys';

/** What `npm run token` is asked for. */
export interface DevTokenRequest {
  role: Role;
  province?: string;
  commune?: string;
  scopes: string[];
  ttlSeconds: number;
  subject: string;
}

const USAGE =
  'usage: npm run token -- --role <admin|analyst|province-official|commune-official|partner> [--province 04] [--commune 00004] [--scopes read:statistics,write:applications] [--ttl 1h] [--subject name]';

/** Parses `30s`, `15m`, `1h`, `7d` or a number of seconds; at most 30 days. */
export function parseTtl(text: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!m) throw new Error(`--ttl ${JSON.stringify(text)} is not a duration (e.g. 90s, 15m, 1h, 7d).`);
  const seconds = Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  if (seconds < 1 || seconds > 30 * 86400) throw new Error(`--ttl ${text} must be between 1 second and 30 days.`);
  return seconds;
}

/** Reads `npm run token`'s arguments; any mistake is one line saying what to change. */
export function parseTokenArgs(argv: readonly string[]): DevTokenRequest {
  const values = new Map<string, string>();
  const known = ['--role', '--province', '--commune', '--scopes', '--ttl', '--subject'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (!known.includes(flag)) throw new Error(`Unknown argument ${JSON.stringify(arg)}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value. ${USAGE}`);
    values.set(flag, value);
  }
  const role = values.get('--role');
  if (!role) throw new Error(`--role is required. ${USAGE}`);
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`Unknown role "${role}": use one of ${ROLES.join(', ')}.`);
  const province = values.get('--province');
  const commune = values.get('--commune');
  const scopes = (values.get('--scopes') ?? '').split(/[,\s]+/).filter(Boolean);
  if (role === 'province-official' && (province === undefined || !/^\d{2}$/.test(province)))
    throw new Error('--role province-official needs --province with a two-digit province code, e.g. --province 04.');
  if (role === 'commune-official' && (commune === undefined || !/^\d{5}$/.test(commune)))
    throw new Error('--role commune-official needs --commune with a five-digit commune code, e.g. --commune 00004.');
  if (province !== undefined && role !== 'province-official') throw new Error('--province goes with --role province-official only.');
  if (commune !== undefined && role !== 'commune-official') throw new Error('--commune goes with --role commune-official only.');
  if (scopes.length > 0 && role !== 'partner') throw new Error('--scopes goes with --role partner only (other roles get their rights from the role).');
  const unknown = scopes.filter((s) => !PARTNER_SCOPES.includes(s));
  if (unknown.length > 0) throw new Error(`Unknown scope ${JSON.stringify(unknown[0])}: a partner may have ${PARTNER_SCOPES.join(', ')}.`);
  const ttlSeconds = parseTtl(values.get('--ttl') ?? '1h');
  const subject = values.get('--subject') ?? `dev-${role}${province ? `-${province}` : ''}${commune ? `-${commune}` : ''}`;
  return { role: role as Role, province, commune, scopes, ttlSeconds, subject };
}

/** Signs a development token with the local key (the one the development gateway accepts). `now`, `notBefore`, issuer and audience can be set for tests. */
export function issueDevToken(
  request: DevTokenRequest,
  key: DevKey,
  options: { issuer: string; audience: string; now?: number; notBeforeSeconds?: number },
): Promise<string> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = { roles: [request.role] };
  if (request.province !== undefined) claims.province = request.province;
  if (request.commune !== undefined) claims.commune = request.commune;
  if (request.scopes.length > 0) claims.scope = request.scopes.join(' ');
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + request.ttlSeconds);
  if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
  return jwt.sign(key.privateKey);
}
