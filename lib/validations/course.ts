import { z } from "zod";
import { singleLine } from "./text";

export const courseSchema = z.object({
  title: z
    .string()
    .overwrite(singleLine)
    .trim()
    .min(3, "Give the course a title of at least 3 characters.")
    .max(120, "Use at most 120 characters for the title."),
  term: z
    .string()
    .overwrite(singleLine)
    .trim()
    .min(2, "Say which term the course runs in, e.g. Spring 2027.")
    .max(60, "Use at most 60 characters for the term."),
});

/** Join codes are typed by people: ignore case, spaces and dashes. */
export const joinCodeSchema = z
  .string({ error: "Enter the join code your instructor gave you." })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(
    z.string().regex(/^[A-Z0-9]{6,12}$/, "A join code has 8 letters and digits, like KQ7M-3XPD."),
  );

export const groupSchema = z.object({
  name: z
    .string()
    .overwrite(singleLine)
    .trim()
    .min(1, "Name the group.")
    .max(60, "Use at most 60 characters for the group name."),
});

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i, "Malformed id.");
