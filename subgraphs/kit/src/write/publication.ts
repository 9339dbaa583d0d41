import { DateTimeScalar } from '@kh02/common';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { CutoffReceipt } from './cutoffs';

/** The description of `Mutation.publishCutoff`, in the subgraph that owns it (tasks). */
export const PUBLISH_CUTOFF_DESCRIPTION =
  'Publishes a reporting cut-off (admins only; anyone else: FORBIDDEN, and nothing is published): from now on it is the default `asOf` of every figure, and the figures as of it are frozen — a correction recorded later never moves them. `at` must be later than the latest published cut-off and not in the future (else BAD_USER_INPUT naming "at"). Every data service that keeps a history publishes it in its own database: the answer has one field per service (`tasks`, `readiness`); select them all, since a service whose field is not selected is not asked. Publishing an `at` already published changes nothing (`created: false`), so a partial answer (a service null with an error) is completed by sending the same mutation again.';

/** The description of `CutoffPublication`. */
export const CUTOFF_PUBLICATION_DESCRIPTION =
  'A reporting cut-off being published, with what each data service that keeps a history did with it. Returned by `publishCutoff` only.';

@Directive('@shareable')
@ObjectType('CutoffPublished', { description: 'A reporting cut-off as one data service published it.' })
export class CutoffPublished {
  @Field({ description: 'The data service: "tasks" or "readiness".' })
  service: string;

  @Field(() => DateTimeScalar, { description: 'The cut-off.' })
  at: Date;

  @Field(() => DateTimeScalar, { description: 'When this data service published it (for the default dataset’s cut-offs: the cut-off itself).' })
  publishedAt: Date;

  @Field({ description: 'False when this data service had already published it (nothing changed).' })
  created: boolean;
}

/** The GraphQL value of a {@link CutoffReceipt}. */
export function cutoffPublished(service: string, receipt: CutoffReceipt): CutoffPublished {
  return Object.assign(new CutoffPublished(), { service, at: new Date(receipt.at), publishedAt: new Date(receipt.publishedAt), created: receipt.created });
}
