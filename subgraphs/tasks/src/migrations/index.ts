import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250801000000Init } from './Migration20250801000000Init';

/** Every migration, in order; listed by hand. */
export const migrations: MigrationObject[] = [{ name: 'Migration20250801000000Init', class: Migration20250801000000Init }];
