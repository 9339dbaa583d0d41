import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from './compose';

/** Everything a partner reads in the published schema that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name.startsWith('_') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (type.name === 'link__Import' || type.name.startsWith('link__') || type.name.startsWith('join__') || type.name.startsWith('federation__')) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
    if (!isRoot && !type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

test.each(['geography', 'tasks', 'readiness'])('every type, field, argument and enum value of %s has a description', (name) => {
  const file = path.join(SCHEMA_DIR, `${name}.graphql`);
  const sdl = readFileSync(file, 'utf8');
  const schema = buildASTSchema(parse(sdl), { assumeValid: true, assumeValidSDL: true });
  expect(undocumented(schema)).toEqual([]);
});
