import {
  CUTOFF_PUBLICATION_DESCRIPTION,
  CutoffPublished,
  cutoffPublished,
  DateTimeScalar,
  PUBLISH_CUTOFF_DESCRIPTION,
  publishCutoffIn,
} from '@kh02/subgraph-kit';
import { Arg, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { NAME } from '../../config';

@Directive('@key(fields: "at")')
@ObjectType('CutoffPublication', { description: CUTOFF_PUBLICATION_DESCRIPTION })
export class CutoffPublication {
  @Field(() => DateTimeScalar, { description: 'The cut-off being published.' })
  at: Date;

  /** Tasks' own publication, made by the mutation. */
  published?: CutoffPublished;
}

@Resolver(() => CutoffPublication)
export class PublicationResolver {
  @Mutation(() => CutoffPublication, { description: PUBLISH_CUTOFF_DESCRIPTION })
  async publishCutoff(
    @Arg('at', () => DateTimeScalar, { description: 'The cut-off: an instant, later than the latest published cut-off, not in the future.' }) at: Date,
    @Ctx() ctx: TasksContext,
  ): Promise<CutoffPublication> {
    const receipt = await publishCutoffIn(ctx, at);
    return Object.assign(new CutoffPublication(), { at: new Date(receipt.at), published: cutoffPublished(NAME, receipt) });
  }

  @FieldResolver(() => CutoffPublished, { nullable: true, description: 'The cut-off as the tasks data service published it (progress figures).' })
  tasks(@Root() publication: CutoffPublication): CutoffPublished | null {
    return publication.published ?? null;
  }
}
