export { compose, staleFiles, supergraphYaml, SCHEMA_DIR, type Composition } from './compose';
