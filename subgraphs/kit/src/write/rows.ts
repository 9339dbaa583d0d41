import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType('ImportRowError', { description: 'Why one row of an import was refused. An import with any refused row writes nothing.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Index of the row in the `rows` sent, from 0.' })
  row: number;

  @Field({ description: 'The field at fault, e.g. "submittedOnline"; "row" when the row as a whole is refused (a duplicate day, a missing right).' })
  field: string;

  @Field({ description: 'What is wrong and what to change.' })
  message: string;
}

/** Collects every bad row of an import (row index, field, message) instead of stopping at the first. */
export class RowErrors {
  readonly errors: ImportRowError[] = [];

  add(row: number, field: string, message: string): void {
    this.errors.push(Object.assign(new ImportRowError(), { row, field, message }));
  }

  get empty(): boolean {
    return this.errors.length === 0;
  }

  /** One line for the audit log. */
  summary(total: number): string {
    const first = this.errors.slice(0, 5).map((e) => `row ${e.row} ${e.field}: ${e.message}`);
    return `${this.errors.length} of ${total} rows refused; nothing written. ${first.join('; ')}${this.errors.length > 5 ? '; …' : ''}`;
  }
}

/** The longest import a single request may carry. */
export const MAX_IMPORT_ROWS = 1000;
