// PostgreSQL refuses U+0000 in text and jsonb columns: a NUL that reached the database would
// fail the whole save with a server error. Bodies lose it; one-line fields (names, titles) also
// lose the other control characters, which no keyboard types into them.

/** The NUL character removed (kept out of every stored string). */
export const withoutNul = (value: string) => value.replace(/\u0000/g, "");

/** Tabs and line breaks as spaces, other control characters (NUL included) removed. */
export const singleLine = (value: string) =>
  value.replace(/[\t\n\r]/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");

/**
 * True when the string has half of a UTF-16 surrogate pair on its own ("\ud800"): it cannot be
 * encoded as UTF-8, so PostgreSQL and every header refuse it.
 */
export const hasLoneSurrogate = (value: string) => /\p{Cs}/u.test(value);
