import { z } from "zod";
import { Visibility } from "@/lib/generated/prisma/enums";
import { turnNumberSchema } from "./numbers";

// Requests that create or change annotations. The body (Tiptap JSON) is checked separately by
// lib/richtext/body.ts; the selection by lib/anchoring.

const point = z.object({
  turnAnchor: turnNumberSchema,
  offset: z.number().int().min(0).max(1_000_000),
});

export const visibilitySchema = z.enum(Visibility, {
  error: "Choose who can see this annotation.",
});

/** Tags are short labels: lower case, letters, digits and hyphens ("bluff", "security-treaty"). */
export const tagSchema = z
  .string()
  .max(200, "Tags are single words or hyphenated words, up to 40 characters.")
  .trim()
  .toLowerCase()
  .transform((tag) => tag.replace(/^#/, "").replace(/\s+/g, "-"))
  .pipe(
    z
      .string()
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u,
        "Tags are single words or hyphenated words, up to 40 characters.",
      ),
  );

export const MAX_TAGS = 10;

export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

/**
 * Tags from elsewhere (an imported file): each one through tagSchema, those it refuses dropped
 * (a foreign tool's tag must not cost the note), at most MAX_TAGS kept.
 */
export function acceptableTags(tags: readonly unknown[]): string[] {
  const kept = tags.flatMap((tag) => {
    const parsed = tagSchema.safeParse(tag);
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set(kept)].slice(0, MAX_TAGS);
}

const scope = {
  visibility: visibilitySchema,
  courseId: z.string().max(64).nullish(),
  groupId: z.string().max(64).nullish(),
};

/**
 * An id chosen by the client when Save is first pressed (32 hex characters from the editor).
 * Sending it again after a lost answer finds the saved record instead of saving twice.
 */
export const clientIdSchema = z
  .string()
  .regex(/^[a-z0-9]{20,40}$/, "A client id is 20 to 40 lowercase letters and digits.")
  .optional();

export const createAnnotationSchema = z.object({
  clientId: clientIdSchema,
  documentSlug: z.string().min(1).max(120),
  /** Absent for a discussion of the whole document (`scope: "document"`). */
  selection: z.object({ start: point, end: point }).optional(),
  scope: z.enum(["passage", "document"]).default("passage"),
  /**
   * W3C motivations: "commenting" (a note, the default) or "highlighting" (a private highlight
   * with no note, as in Hypothesis; the body is ignored).
   */
  motivation: z
    .enum(["commenting", "highlighting"], {
      error: 'Motivation is "commenting" or "highlighting".',
    })
    .default("commenting"),
  body: z.unknown().optional(),
  tags: tagsSchema.default([]),
  ...scope,
});
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  /** The version the editor started from; a newer one in the database means someone else saved. */
  version: z.number().int().positive(),
  body: z.unknown().optional(),
  tags: tagsSchema.default([]),
  ...scope,
});
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
