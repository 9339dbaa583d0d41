import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250801000100Readiness } from './Migration20250801000100Readiness';

/** Every migration, in order; listed by hand. */
export const migrations: MigrationObject[] = [{ name: 'Migration20250801000100Readiness', class: Migration20250801000100Readiness }];
