/** The whole country, as an area scope of the area loaders (beside province codes). */
export const NATION = '*';
