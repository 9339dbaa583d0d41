import { checkMigrations } from '@kh02/subgraph-kit/testing';
import { subgraphModule } from '../module';
import { migrations } from '.';

// Drift this test found when it was added, left for the owners of the modules to fix (a new
// migration, and @Index on ProgressReport): the Init migration declares the text primary keys
// without NOT NULL (SQLite then allows NULL; PostgreSQL does not), and creates two indexes the
// entities do not declare. Any other difference fails; delete a line here when it is fixed.
const KNOWN_DRIFT = [
  'locality.code: nullable',
  'plan.code: nullable',
  'task.code: nullable',
  'task_group.code: nullable',
  'progress_report: extra index progress_report_task_time_index',
  'progress_report: extra index progress_report_assignment_time_index',
];

test('the migrations create exactly the schema the entities describe (apart from the known drift), and run once', async () => {
  const { applied, drift, reapplied } = await checkMigrations(subgraphModule);
  expect({ applied, drift: drift.filter((line) => !KNOWN_DRIFT.includes(line)), reapplied }).toEqual({
    applied: migrations.map((m) => m.name),
    drift: [],
    reapplied: [],
  });
});
