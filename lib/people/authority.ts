import { z } from "zod";
import { isSafeWebUrl } from "@/lib/validations/url";

// Authority links for people: a Wikidata QID ("Q" and digits), stored as its entity URI, or
// another https URI (VIAF, the Library of Congress, an archive's authority file). Only the form
// is checked: there is no network here to look the id up. Pure.

export const WIKIDATA_ENTITY = "https://www.wikidata.org/entity/";

const QID = /^Q[1-9]\d{0,11}$/;
/** Wikidata's own addresses of an entity: /entity/Q…, /wiki/Q…. */
const WIKIDATA_URL =
  /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:entity|wiki)\/(Q[1-9]\d{0,11})\/?$/i;

export const AUTHORITY_MESSAGE =
  "Give a Wikidata id (Q followed by digits, as in Q310452) or an https:// address of another authority record.";

/**
 * What an editor typed, as the URI to store: "Q310452", "q310452" or a Wikidata address becomes
 * https://www.wikidata.org/entity/Q310452; any other https address is kept as typed if it passes
 * the site's one URL rule. Anything else fails with AUTHORITY_MESSAGE.
 */
export const authorityInput = z
  .string({ error: AUTHORITY_MESSAGE })
  .trim()
  .max(2048, "That address is longer than 2048 characters.")
  .transform((value, context) => {
    const qid = value.toUpperCase();
    if (QID.test(qid)) return WIKIDATA_ENTITY + qid;
    const wikidata = WIKIDATA_URL.exec(value);
    if (wikidata) return WIKIDATA_ENTITY + wikidata[1]!.toUpperCase();
    if (/^Q/i.test(value) && !/^[a-z]+:/i.test(value)) {
      context.addIssue({
        code: "custom",
        message: `“${value}” is not a Wikidata id: ${AUTHORITY_MESSAGE}`,
      });
      return z.NEVER;
    }
    if (!/^https:\/\//i.test(value) || !isSafeWebUrl(value)) {
      context.addIssue({ code: "custom", message: AUTHORITY_MESSAGE });
      return z.NEVER;
    }
    return value;
  });

/** The Wikidata QID of a stored URI, or null for another authority. */
export function wikidataId(uri: string): string | null {
  return uri.startsWith(WIKIDATA_ENTITY) ? uri.slice(WIKIDATA_ENTITY.length) : null;
}

/** A person-facing link for a stored URI (Wikidata's entity URI redirects to its page). */
export function authorityLabel(uri: string): string {
  const qid = wikidataId(uri);
  return qid ? `Wikidata ${qid}` : new URL(uri).hostname;
}
