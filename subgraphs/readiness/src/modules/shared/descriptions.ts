/** Argument descriptions shared by every field that takes them, so partners read one rule everywhere. */
export const AS_OF_DESCRIPTION =
  'The moment to read the state at (ISO 8601 with offset); default the latest reporting cut-off (16:00, 31 July 2025 in the default dataset), never the wall clock. Before 1 June 2025 is a BAD_USER_INPUT error naming "asOf".';
export const FROM_DESCRIPTION = 'First day, "YYYY-MM-DD" (Vietnam calendar day), included.';
export const TO_DESCRIPTION = 'Last day, "YYYY-MM-DD", included. `from` after `to` is a BAD_USER_INPUT error naming "from"; a range over 366 days names "to".';
