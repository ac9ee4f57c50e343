import { z } from "zod";

/**
 * Turn numbers are PostgreSQL integers: a larger one (`?turn=99999999999`) failed the query
 * with a server error. No document has a million turns; every turn number that arrives (query
 * parameters, selections, assignment passages) is held to this one rule.
 */
export const MAX_TURN_NUMBER = 1_000_000;

const TURN_MESSAGE = "Turn numbers are whole numbers from 1 to 1,000,000.";

/** A turn number from JSON. */
export const turnNumberSchema = z
  .number({ error: TURN_MESSAGE })
  .int(TURN_MESSAGE)
  .min(1, TURN_MESSAGE)
  .max(MAX_TURN_NUMBER, TURN_MESSAGE);

/** A turn number from a query string or a form field, refused with `message`. */
export function turnNumberField(message = TURN_MESSAGE) {
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(1, message)
    .max(MAX_TURN_NUMBER, message);
}
