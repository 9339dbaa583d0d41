import { createConnectionType } from '@kh02/subgraph-kit';
import { ObjectType } from 'type-graphql';
import { Commune } from './commune.entity';

@ObjectType('CommuneConnection', { description: 'A page of communes (Relay connection).' })
export class CommuneConnection extends createConnectionType(Commune, 'Commune', 'communes') {}
