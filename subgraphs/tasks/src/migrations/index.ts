import type { MigrationObject } from '@mikro-orm/core';
import { Migration20250801000000Init } from './Migration20250801000000Init';
import { Migration20251129000000EnumChecks } from './Migration20251129000000EnumChecks';
import { Migration20251129120000WritePath } from './Migration20251129120000WritePath';

/** Every migration, in order; listed by hand. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20250801000000Init', class: Migration20250801000000Init },
  { name: 'Migration20251129000000EnumChecks', class: Migration20251129000000EnumChecks },
  { name: 'Migration20251129120000WritePath', class: Migration20251129120000WritePath },
];
