/** The description every `asOf` argument carries. */
export const AS_OF_DESCRIPTION =
  'The moment to read the history at, ISO 8601 with an offset (e.g. "2025-06-06T16:00:00+07:00"). Default: the latest reporting cut-off in the data (2025-07-31T16:00:00+07:00 in the default dataset), never the current time, so the default reproduces the published figures. Before monitoring began (see `Plan.monitoringStart`): BAD_USER_INPUT.';

/** Description of `first` on lists. */
export const FIRST_DESCRIPTION = 'Page size, 1 to 500; default 50.';
/** Description of `after` on lists. */
export const AFTER_DESCRIPTION = 'Return the items after this cursor (an `endCursor` from the previous page).';
