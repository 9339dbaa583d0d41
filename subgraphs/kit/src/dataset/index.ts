export { createRandom, DEFAULT_SEED, type Random } from './random';
export {
  buildLocalities,
  generateLocalities,
  keptUnits,
  loadProvinces,
  parseProvinces,
  PLACE_NAME_SYLLABLES,
  type CommuneKind,
  type CommuneRecord,
  type LocalityRegistry,
  type ProvinceKind,
  type ProvinceRecord,
} from './localities';
