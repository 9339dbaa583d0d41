import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Groups of readiness criteria. */
export enum CriterionCategory {
  HEADQUARTERS = 'HEADQUARTERS',
  STAFF = 'STAFF',
  EQUIPMENT = 'EQUIPMENT',
  CONNECTIVITY = 'CONNECTIVITY',
  DIGITAL_SIGNATURE = 'DIGITAL_SIGNATURE',
  SOFTWARE = 'SOFTWARE',
  DATA = 'DATA',
}
registerEnumType(CriterionCategory, {
  name: 'CriterionCategory',
  description: 'What a readiness criterion is about (Decree 118/2025/ND-CP: headquarters, equipment, staffing, plus the digital conditions).',
  valuesConfig: {
    HEADQUARTERS: { description: 'Premises of the Public Administration Service Centre.' },
    STAFF: { description: 'Officials assigned to the centre and their training.' },
    EQUIPMENT: { description: 'Computers, scanners, terminals and other devices.' },
    CONNECTIVITY: { description: 'Network links, e.g. online meetings from the central level to the commune.' },
    DIGITAL_SIGNATURE: { description: 'Digital certificates and signatures (personal, specialised, public).' },
    SOFTWARE: { description: 'Public-service (one-stop) and civil-status software.' },
    DATA: { description: 'Digitised data and its reuse.' },
  },
});

@Entity({ tableName: 'criterion' })
@Directive('@key(fields: "code")')
@ObjectType('Criterion', {
  simpleResolvers: true,
  description:
    "A condition a commune's Public Administration Service Centre (PASC) is assessed against. A commune fully meets the basic conditions when every criterion with `basic: true` is met. Descriptions and legal-basis summaries in the default dataset are synthetic paraphrases.",
})
export class Criterion {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID, {
    description:
      'Stable upper-case code, e.g. "ONLINE_MEETINGS"; use it in `criterion`, `readinessRanking(criterion:)` and `communesFailingCriterion(criterion:)`.',
  })
  code: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'Short name in English, e.g. "Online meetings central to commune".' })
  name: string;

  @Property({ type: 'text' })
  @Field({ description: 'What an assessor checks to find the criterion met.' })
  description: string;

  @Enum({ items: () => CriterionCategory, type: 'string', columnType: 'varchar(40)' })
  @Field(() => CriterionCategory, { description: 'What the criterion is about.' })
  category: CriterionCategory;

  @Property({ type: 'boolean' })
  @Field({
    description:
      'True for the basic conditions: a commune fully meets the basic conditions when every basic criterion is met. Non-basic criteria are monitored but do not count towards `fullyMet`.',
  })
  basic: boolean;

  @Property({ type: 'text' })
  @Field({ description: 'The legal instrument the requirement is drawn from, e.g. "Decree 118/2025/ND-CP …".' })
  legalBasis: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Position in the catalogue (1 = first); lists of criteria are in this order.' })
  position: number;
}
