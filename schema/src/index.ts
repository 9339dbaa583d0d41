export { compose, staleFiles, SCHEMA_DIR, type Composition } from './compose';
