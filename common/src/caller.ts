/** Who is asking, as the gateway vouched for it (see `auth.ts`). */
export interface Caller {
  /** Stable identifier of the caller, or "anonymous". */
  id: string;
  /** Scopes granted, e.g. `read`, `write:tasks`. */
  scopes: string[];
}

/** The anonymous reader: the monitoring data are public. */
export const ANONYMOUS: Caller = Object.freeze({ id: 'anonymous', scopes: ['read'] }) as Caller;
