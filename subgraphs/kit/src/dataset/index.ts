export { DATASET_CUTOFFS, PUBLISHED_CUTOFF } from './cutoffs';
export { createRandom, DEFAULT_SEED, type Random } from './random';
export {
  buildLocalities,
  generateLocalities,
  keptUnits,
  loadCommunes,
  loadProvinces,
  parseCommunes,
  parseProvinces,
  type CommuneKind,
  type CommuneRecord,
  type LocalityRegistry,
  type ProvinceKind,
  type ProvinceRecord,
} from './localities';
