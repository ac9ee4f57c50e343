import { z } from "zod";
import { cleanDisplayName } from "@/lib/text/display-names";
import { singleLine } from "./text";

// One source of truth for what the account forms accept; the forms show these messages as is.

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@university.edu." }));

// Common passwords that pass a length rule but fall to the first guesses of any attacker.
const COMMON = new Set([
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "iloveyou123",
  "letmein1234",
  "welcome1234",
  "administrator",
  "passw0rd123",
  "memcon12345",
  "abcdefghij",
]);

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.")
  .refine(
    (value) => !COMMON.has(value.toLowerCase()),
    "That password is too common: choose another.",
  )
  .refine(
    (value) => new Set(value).size >= 5,
    "That password repeats too few characters: choose another.",
  );

export const nameSchema = z
  .string({ error: "Enter your name." })
  .overwrite((value) => cleanDisplayName(singleLine(value)))
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters for your name.");

export const signUpSchema = z
  .object({ name: nameSchema, email: emailSchema, password: passwordSchema })
  .refine((data) => !containsEmailName(data.password, data.email), {
    message: "Your password must not contain your email address.",
    path: ["password"],
  });

function containsEmailName(password: string, email: string): boolean {
  const local = email.split("@")[0] ?? "";
  return local.length >= 4 && password.toLowerCase().includes(local);
}

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-in never reveals the policy: any non-empty password is checked against the hash.
  password: z.string().min(1, "Enter your password.").max(200, "Enter your password."),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((data) => data.newPassword === data.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

/** Field errors in the shape the forms render: { field: first message }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    result[key] ??= issue.message;
  }
  return result;
}
