/** Day-range argument descriptions shared by every field that takes them (`asOf` is the kit's `AsOfArgs`). */
export const FROM_DESCRIPTION = 'First day, "YYYY-MM-DD" (Vietnam calendar day), included.';
export const TO_DESCRIPTION = 'Last day, "YYYY-MM-DD", included. `from` after `to` is a BAD_USER_INPUT error naming "from"; a range over 366 days names "to".';
