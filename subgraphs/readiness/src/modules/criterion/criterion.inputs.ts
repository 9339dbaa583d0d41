import { Field, ID, InputType } from 'type-graphql';
import { CriterionCategory } from './criterion.entity';

@InputType({ description: 'Narrows the criterion catalogue. All given conditions must hold.' })
export class CriterionFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these criterion codes; an unknown code is a BAD_USER_INPUT error naming "filter.codes".' })
  codes?: string[];

  @Field(() => CriterionCategory, { nullable: true, description: 'Only criteria of this category.' })
  category?: CriterionCategory;

  @Field(() => Boolean, { nullable: true, description: 'true: only the basic conditions; false: only the non-basic criteria.' })
  basic?: boolean;
}
