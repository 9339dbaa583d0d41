/** The roles a bearer token can carry; anything else in a token is refused at the gateway. */
export const ROLES = ['admin', 'analyst', 'province-official', 'commune-official', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Scopes the platform understands. `read:details` and `read:local-details` are derived by the
 * gateway from roles (never taken from a token): they are what the subgraphs' `@requiresScopes`
 * names. The others are granted to partners in their token.
 */
export const SCOPES = {
  /** Read the details that name people or hold working notes, everywhere (analyst, admin). */
  READ_DETAILS: 'read:details',
  /** The same, for the caller's own locality only (province and commune officials). */
  READ_LOCAL_DETAILS: 'read:local-details',
  READ_STATISTICS: 'read:statistics',
  WRITE_APPLICATIONS: 'write:applications',
  WRITE_SYNCED_RECORDS: 'write:synced-records',
  WRITE_ASSESSMENTS: 'write:assessments',
  WRITE_PROGRESS: 'write:progress',
} as const;

/** Scopes a partner may be granted in its token (the derived read scopes are not among them). */
export const PARTNER_SCOPES: readonly string[] = [SCOPES.READ_STATISTICS, SCOPES.WRITE_APPLICATIONS, SCOPES.WRITE_SYNCED_RECORDS];

/** Who is asking, as the gateway verified it and vouched for it to the subgraphs (see `internal-token.ts`). */
export interface Caller {
  /** The token's `sub`; absent for the anonymous reader. Budgets and logs key on it. */
  subject?: string;
  roles: readonly Role[];
  /** Province code a province official is bound to (and, for a commune official, the province of the commune when known). */
  province?: string;
  /** Commune code a commune official is bound to. */
  commune?: string;
  /** Scopes held: the partner's granted ones plus those derived from roles. */
  scopes: readonly string[];
  /** The gateway request this identity travels with. */
  requestId?: string;
}

/** The anonymous reader: the monitoring figures are public; details that name people are not. */
export const ANONYMOUS: Caller = Object.freeze({ roles: Object.freeze([]) as readonly Role[], scopes: Object.freeze([]) as readonly string[] });

/** True for the anonymous reader (no verified subject). */
export function isAnonymous(caller: Caller): boolean {
  return caller.subject === undefined;
}

/** Scopes that follow from roles: what `@requiresScopes` in the schema checks. */
export function scopesOfRoles(roles: readonly Role[]): string[] {
  const out = new Set<string>();
  for (const role of roles) {
    if (role === 'admin' || role === 'analyst') out.add(SCOPES.READ_DETAILS);
    if (role === 'province-official' || role === 'commune-official') out.add(SCOPES.READ_LOCAL_DETAILS);
  }
  return [...out];
}
