import { z } from "zod";
import { turnNumberField } from "./numbers";
import { isTimeZone, parseLocalDateTime } from "@/lib/format/zoned-time";

// The assignment form (create and edit). Dates arrive as wall-clock times plus the zone they were
// typed in and leave as instants; the instructions (Tiptap JSON) are checked by
// lib/richtext/body.ts like any note.

const count = (what: string, max: number) =>
  z.coerce
    .number({ error: `Enter a number of ${what}.` })
    .int(`Enter a whole number of ${what}.`)
    .min(0, `The number of ${what} cannot be negative.`)
    .max(max, `Ask for at most ${max} ${what}.`);

const optionalAnchor = z
  .union([z.literal(""), turnNumberField()])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

export const assignmentFormSchema = z
  .object({
    title: z
      .string({ error: "Give the assignment a title." })
      .trim()
      .min(3, "Give the assignment a title of at least 3 characters.")
      .max(120, "Use at most 120 characters for the title."),
    documentSlug: z
      .string({ error: "Choose the document to read." })
      .min(1, "Choose the document to read.")
      .max(120),
    passageFrom: optionalAnchor,
    passageTo: optionalAnchor,
    timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
    opensAt: z.string({ error: "Say when the assignment opens." }),
    dueAt: z.string({ error: "Say when the assignment is due." }),
    minAnnotations: count("annotations", 50),
    minReplies: count("replies", 50),
    minWords: count("words", 500),
    hideUntilPosted: z.boolean(),
    groupIds: z.array(z.string().max(64)).max(50),
    instructions: z.unknown(),
  })
  .transform((input, context) => {
    const opensAt = parseLocalDateTime(input.opensAt, input.timeZone);
    const dueAt = parseLocalDateTime(input.dueAt, input.timeZone);
    if (!opensAt)
      context.addIssue({
        code: "custom",
        path: ["opensAt"],
        message: "Enter the opening date and time.",
      });
    if (!dueAt)
      context.addIssue({
        code: "custom",
        path: ["dueAt"],
        message: "Enter the due date and time.",
      });
    if (opensAt && dueAt && dueAt <= opensAt)
      context.addIssue({
        code: "custom",
        path: ["dueAt"],
        message: "The due date must come after the opening date.",
      });
    const { passageFrom, passageTo } = input;
    if ((passageFrom === null) !== (passageTo === null))
      context.addIssue({
        code: "custom",
        path: [passageFrom === null ? "passageFrom" : "passageTo"],
        message: "Give both the first and the last turn of the passage, or neither.",
      });
    if (passageFrom !== null && passageTo !== null && passageFrom > passageTo)
      context.addIssue({
        code: "custom",
        path: ["passageTo"],
        message: "The passage must end at or after the turn where it starts.",
      });
    return { ...input, opensAt: opensAt!, dueAt: dueAt! };
  });

export type AssignmentFormInput = z.input<typeof assignmentFormSchema>;
export type AssignmentForm = z.output<typeof assignmentFormSchema>;

/** A quality mark 0-3 (or empty: not graded yet), completion override and a comment. */
export const gradeSchema = z.object({
  quality: z
    .union([z.literal(""), z.coerce.number().int().min(0).max(3)], {
      error: "Quality is a mark from 0 to 3.",
    })
    .transform((value) => (value === "" ? null : value)),
  completion: z
    .enum(["auto", "complete", "incomplete"], { error: "Choose how completion is counted." })
    .transform((value) => (value === "auto" ? null : value === "complete")),
  comment: z
    .string()
    .trim()
    .max(2000, "Keep the comment under 2,000 characters.")
    .transform((value) => value || null),
});

export const extensionSchema = z.object({
  dueAt: z.string({ error: "Enter the new due date." }),
  timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
});
