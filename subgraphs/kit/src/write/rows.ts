import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { FieldInputError } from '@kh02/common';

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

@Directive('@shareable')
@ObjectType('ImportResult', { description: 'The answer to an import: all rows written, or none (then every bad row is in `rowErrors`).' })
export class ImportResult {
  @Field({ description: 'True when every row was written; false when any row was refused and nothing was written.' })
  accepted: boolean;

  @Field(() => Int, { description: 'Rows written as new records (0 when refused).' })
  written: number;

  @Field(() => Int, { description: 'Rows written as corrections, with the `reason` given (0 when refused).' })
  corrected: number;

  @Field(() => [ImportRowError], { description: 'Every refused row, in row order; empty when accepted.' })
  rowErrors: ImportRowError[];

  @Field({
    description:
      'True when this is the stored answer to an earlier request with the same Idempotency-Key and input: nothing was written now (the counts are what that request wrote).',
  })
  replayed: boolean;
}

/** The row-error field of a write error raised for one row: its `extensions.field` without the "input." prefix, else "row". */
export function rowField(extensions: Record<string, unknown>): string {
  const field = extensions.field;
  return typeof field === 'string' ? field.replace(/^input\./, '') : 'row';
}

/** What an import answers with (JSON: replayed for a repeated Idempotency-Key). */
export interface ImportReceipt {
  accepted: boolean;
  written: number;
  corrected: number;
  rowErrors: ImportRowError[];
  /** Set on an answer replayed from the idempotency table. */
  replayed?: boolean;
}

/** At least one row, at most {@link MAX_IMPORT_ROWS} (BAD_USER_INPUT naming "rows"). */
export function checkImportSize(count: number): void {
  if (count === 0) throw new FieldInputError('rows', 'Send at least one row.');
  if (count > MAX_IMPORT_ROWS) throw new FieldInputError('rows', `At most ${MAX_IMPORT_ROWS} rows per request: send the rest in further batches.`);
}
