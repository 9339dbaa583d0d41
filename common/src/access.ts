import { SCOPES, type Caller } from './caller';

/**
 * Where a record belongs: a commune (with its province when known), a province, or the centre
 * (both absent: a central ministry's report, visible to national readers only).
 */
export interface RecordLocality {
  province?: string | null;
  commune?: string | null;
}

/** The outcome of an access check: allowed, or the error code the field answers with. */
export type Verdict = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * Whether the caller's locality binding covers a record: a commune official their commune; a
 * province official their province and every commune of it. `provinceOfCommune` is consulted only
 * when a province official asks about a commune whose province the record does not carry.
 */
export function bindingCovers(caller: Caller, where: RecordLocality, provinceOfCommune?: string | null): boolean {
  if (caller.commune !== undefined) return where.commune != null && where.commune === caller.commune;
  if (caller.province !== undefined) {
    if (where.commune != null) return (where.province ?? provinceOfCommune) === caller.province;
    return where.province != null && where.province === caller.province;
  }
  return false;
}

/** Holds `scope`, with `read:local-details` holding only where the caller's binding covers the record. */
export function holdsScope(caller: Caller, scope: string, where: RecordLocality, provinceOfCommune?: string | null): boolean {
  if (!caller.scopes.includes(scope)) return false;
  return scope === SCOPES.READ_LOCAL_DETAILS ? bindingCovers(caller, where, provinceOfCommune) : true;
}

/**
 * The write rights the write path checks (reportProgress, recordAssessment, the imports). Admin writes
 * everything; officials write assessments and progress for their own locality (a province
 * official for the communes of the province too); partners write what their scopes name
 * (`write:applications`, `write:synced-records`), anywhere; analysts and anonymous write nothing.
 */
export function canWrite(caller: Caller, scope: string, where: RecordLocality, provinceOfCommune?: string | null): Verdict {
  if (caller.subject === undefined) return 'UNAUTHENTICATED';
  if (caller.roles.includes('admin')) return 'ok';
  const officialScope = scope === SCOPES.WRITE_ASSESSMENTS || scope === SCOPES.WRITE_PROGRESS;
  if (officialScope && (caller.roles.includes('province-official') || caller.roles.includes('commune-official'))) {
    return bindingCovers(caller, where, provinceOfCommune) ? 'ok' : 'FORBIDDEN';
  }
  if (caller.roles.includes('partner') && !officialScope && caller.scopes.includes(scope)) return 'ok';
  return 'FORBIDDEN';
}
