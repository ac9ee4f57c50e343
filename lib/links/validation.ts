import { z } from "zod";
import { singleLine } from "@/lib/validations/text";
import { turnNumberField } from "@/lib/validations/numbers";

// The "Link to another record" form (app/actions/passage-links.ts), validated whole before any
// record is looked up: a bad field is a sentence on the form, never a server error.

const slug = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(200, message)
    .regex(/^[a-z0-9][a-z0-9-]*$/, message);

const turn = (which: string) =>
  turnNumberField(`Give the ${which} as a turn number (the small number beside each turn).`);

export const passageLinkSchema = z
  .object({
    fromSlug: slug("Say which document the passage is in."),
    fromFirst: turn("first turn of this passage"),
    fromLast: turn("last turn of this passage"),
    toSlug: slug("Choose the other record."),
    toFirst: turn("first turn of the other passage"),
    toLast: turn("last turn of the other passage"),
    note: z
      .string({ error: "Say in a few words why these passages are the same exchange." })
      .overwrite(singleLine)
      .trim()
      .min(3, "Say in a few words why these passages are the same exchange.")
      .max(500, "Keep the note to 500 characters."),
    /** "" or absent: for everyone who may read both documents (editors and instructors). */
    courseId: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]*$/i, "Choose a course from the list.")
      .optional()
      .transform((value) => value || null),
  })
  .refine((link) => link.fromFirst <= link.fromLast, {
    path: ["fromLast"],
    message: "The passage's last turn comes before its first.",
  })
  .refine((link) => link.toFirst <= link.toLast, {
    path: ["toLast"],
    message: "The other passage's last turn comes before its first.",
  })
  .refine((link) => link.fromSlug !== link.toSlug, {
    path: ["toSlug"],
    message: "Choose another document: a passage is linked to a passage of another record.",
  });

export type PassageLinkInput = z.infer<typeof passageLinkSchema>;

export const reviewSchema = z.enum(["confirmed", "rejected"], {
  error: "Confirm or reject the proposed link.",
});
