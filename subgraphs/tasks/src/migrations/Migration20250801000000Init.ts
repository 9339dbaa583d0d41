import { PortableMigration } from '@kh02/subgraph-kit';

/** Plan, task groups, tasks, localities, assignments, the append-only progress history, cut-offs. */
export class Migration20250801000000Init extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('plan', (t) => {
          t.string('code', 40).notNullable().primary();
          t.text('title').notNullable();
          t.text('title_vi').notNullable();
          t.text('description').notNullable();
          t.string('issued_on', 10).notNullable();
          t.datetime('monitoring_start').notNullable();
        })
        .createTable('task_group', (t) => {
          t.string('code', 40).notNullable().primary();
          t.string('plan_code', 40).notNullable().references('plan.code').index('task_group_plan_code_index');
          t.integer('position').notNullable();
          t.text('name').notNullable();
          t.text('name_vi').notNullable();
          t.text('description').notNullable();
        })
        .createTable('task', (t) => {
          t.string('code', 40).notNullable().primary();
          t.string('plan_code', 40).notNullable().references('plan.code').index('task_plan_code_index');
          t.string('group_code', 40).notNullable().references('task_group.code').index('task_group_code_index');
          t.integer('position').notNullable();
          t.string('level', 16).notNullable();
          t.text('title').notNullable();
          t.text('description').notNullable();
          t.string('responsible_body', 200).notNullable();
          t.datetime('starts_at').notNullable();
          t.datetime('deadline').notNullable();
          t.boolean('synthetic').notNullable();
        })
        .createTable('locality', (t) => {
          t.string('code', 5).notNullable().primary();
          t.string('level', 16).notNullable();
          t.string('province_code', 2).notNullable().index('locality_province_code_index');
        })
        .createTable('assignment', (t) => {
          t.increments('id').primary();
          t.string('task_code', 40).notNullable().references('task.code').index('assignment_task_code_index');
          t.string('level', 16).notNullable();
          t.string('locality_code', 5).notNullable().references('locality.code').index('assignment_locality_code_index');
          t.string('province_code', 2).notNullable().index('assignment_province_code_index');
          t.unique(['task_code', 'locality_code'], { indexName: 'assignment_task_code_locality_code_unique' });
        })
        .createTable('progress_report', (t) => {
          t.increments('id').primary();
          t.string('task_code', 40).notNullable().references('task.code');
          t.integer('assignment_id').nullable().references('assignment.id');
          t.string('state', 16).notNullable();
          t.integer('percent').notNullable();
          t.datetime('reported_at').notNullable();
          t.string('reported_by', 300).notNullable();
          // "Latest report at or before asOf" per assignment, and per central task.
          t.index(['assignment_id', 'reported_at', 'id'], 'progress_report_assignment_time_index');
          t.index(['task_code', 'reported_at', 'id'], 'progress_report_task_time_index');
        })
        .createTable('reporting_cutoff', (t) => {
          t.increments('id').primary();
          t.datetime('at').notNullable().unique({ indexName: 'reporting_cutoff_at_unique' });
        }),
    );
  }

  override async down(): Promise<void> {
    this.schema((s) =>
      s
        .dropTable('reporting_cutoff')
        .dropTable('progress_report')
        .dropTable('assignment')
        .dropTable('locality')
        .dropTable('task')
        .dropTable('task_group')
        .dropTable('plan'),
    );
  }
}
