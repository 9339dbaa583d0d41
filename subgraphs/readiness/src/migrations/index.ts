import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250801000100Readiness } from './Migration20250801000100Readiness';
import { Migration20251129000000EnumChecks } from './Migration20251129000000EnumChecks';
import { Migration20251129120100WritePath } from './Migration20251129120100WritePath';

/** Every migration, in order; listed by hand. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20250801000100Readiness', class: Migration20250801000100Readiness },
  { name: 'Migration20251129000000EnumChecks', class: Migration20251129000000EnumChecks },
  { name: 'Migration20251129120100WritePath', class: Migration20251129120100WritePath },
];
