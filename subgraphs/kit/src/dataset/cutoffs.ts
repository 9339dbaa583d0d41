/**
 * The default dataset's reporting cut-offs: weekly, Fridays 16:00 Vietnam time, from the first
 * week of June 2025, and the published cut-off of 16:00 on 31 July 2025. Shared by every
 * subgraph's seeder so their histories line up. Runtime code never reads these: it reads the
 * cut-offs stored in its database.
 */
export const DATASET_CUTOFFS: readonly Date[] = Object.freeze(
  ['2025-06-06', '2025-06-13', '2025-06-20', '2025-06-27', '2025-07-04', '2025-07-11', '2025-07-18', '2025-07-25', '2025-07-31'].map(
    (d) => new Date(`${d}T16:00:00+07:00`),
  ),
);

/** The cut-off the article's figures were reported at: 16:00, 31 July 2025, Vietnam time. */
export const PUBLISHED_CUTOFF = new Date('2025-07-31T16:00:00+07:00');
