import { z } from "zod";
import { MAX_CARDS_PER_REQUEST, PAGE_LIMITS } from "@/lib/limits";
import { turnNumberField } from "./numbers";

/** Query parameters of GET /api/annotations; bad values get a 400 naming the parameter. */
export const annotationSearchSchema = z.object({
  document: z.string().max(120).optional(),
  turn: turnNumberField(
    "turn must be a turn number (a whole number from 1 to 1,000,000).",
  ).optional(),
  author: z.string().max(64).optional(),
  tag: z.string().max(40).optional(),
  course: z.string().max(64).optional(),
  text: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(PAGE_LIMITS.apiMax, `limit can be at most ${PAGE_LIMITS.apiMax}.`)
    .default(PAGE_LIMITS.apiDefault),
  offset: z.coerce
    .number({ error: "offset must be a number." })
    .int("offset must be a whole number.")
    .min(0, "offset must be 0 or more.")
    .max(PAGE_LIMITS.apiMaxOffset, `offset can be at most ${PAGE_LIMITS.apiMaxOffset}.`)
    .default(0),
  count: z.enum(["exact"], { error: 'count must be "exact" (or left out).' }).optional(),
});

/** `ids` of GET /api/documents/<slug>/cards: comma-separated annotation ids. */
export const cardIdsSchema = z
  .string()
  .transform((value) => [...new Set(value.split(",").filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(64, "ids must be annotation ids."))
      .min(1, "ids must name at least one annotation.")
      .max(MAX_CARDS_PER_REQUEST, `ids can name at most ${MAX_CARDS_PER_REQUEST} annotations.`),
  );

export const exportFormatSchema = z.enum(["json", "jsonld", "csv", "md"], {
  error: "format must be one of json, jsonld, csv, md.",
});

export function searchParamsObject(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, value]) => value !== ""));
}
