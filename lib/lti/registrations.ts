import { z } from "zod";
import { canManageInstructors, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/outcome";

// Platform registrations, managed by site administrators (the people who decide who teaches).

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(2000, `${label} is too long.`)
    .refine((value) => {
      try {
        const parsed = new URL(value);
        return parsed.protocol === "https:" || parsed.protocol === "http:";
      } catch {
        return false;
      }
    }, `${label} must be a web address starting with https://.`);

const list = (label: string, item: z.ZodType<string, string>) =>
  z
    .string()
    .max(4000, `${label} is too long.`)
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, `${label}: at most 50.`));

const origin = z
  .string()
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (
        (parsed.protocol === "https:" || parsed.protocol === "http:") &&
        parsed.origin === value.replace(/\/$/, "")
      );
    } catch {
      return false;
    }
  }, "Frame origins are origins only, like https://school.instructure.com (no path).")
  .transform((value) => value.replace(/\/$/, ""));

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Give the platform a name.").max(200, "The name is too long."),
  issuer: httpUrl("The issuer"),
  clientId: z
    .string()
    .trim()
    .min(1, "The client id is required.")
    .max(255, "The client id is too long."),
  deploymentIds: list(
    "Deployment ids",
    z.string().min(1).max(255, "A deployment id is too long."),
  ).refine((ids) => ids.length > 0, "Give at least one deployment id."),
  authLoginUrl: httpUrl("The authentication request URL"),
  authTokenUrl: httpUrl("The access token URL"),
  jwksUrl: httpUrl("The key set URL"),
  frameOrigins: list("Frame origins", origin),
});
export type RegistrationInput = z.input<typeof registrationSchema>;

function requireAdmin(viewer: Viewer) {
  // Site administrators only; anyone else is told the page does not exist.
  if (!canManageInstructors(viewer)) throw new NotFoundError();
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

export async function listRegistrations(prisma: PrismaClient, viewer: Viewer) {
  requireAdmin(viewer);
  return prisma.ltiRegistration.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      issuer: true,
      clientId: true,
      deploymentIds: true,
      authLoginUrl: true,
      authTokenUrl: true,
      jwksUrl: true,
      frameOrigins: true,
      enabled: true,
      createdAt: true,
      _count: { select: { contexts: true } },
    },
  });
}

export async function saveRegistration(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string | null,
  input: Record<string, unknown>,
): Promise<Outcome<{ id: string }>> {
  requireAdmin(viewer);
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const data = parsed.data;
  const clash = await prisma.ltiRegistration.findUnique({
    where: { issuer_clientId: { issuer: data.issuer, clientId: data.clientId } },
    select: { id: true },
  });
  if (clash && clash.id !== id)
    return {
      ok: false,
      error: "This platform and client id are already registered.",
      fields: { clientId: "Already registered for this issuer." },
    };
  if (id) {
    // New endpoints: the cached platform keys are forgotten with the old ones.
    const updated = await prisma.ltiRegistration.updateMany({
      where: { id },
      data: { ...data, jwks: Prisma.DbNull, jwksFetchedAt: null },
    });
    if (updated.count === 0) throw new NotFoundError("Registration not found.");
    return { ok: true, value: { id } };
  }
  const created = await prisma.ltiRegistration.create({ data, select: { id: true } });
  return { ok: true, value: created };
}

export async function setRegistrationEnabled(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  enabled: boolean,
) {
  requireAdmin(viewer);
  const updated = await prisma.ltiRegistration.updateMany({ where: { id }, data: { enabled } });
  if (updated.count === 0) throw new NotFoundError("Registration not found.");
}

export async function deleteRegistration(prisma: PrismaClient, viewer: Viewer, id: string) {
  requireAdmin(viewer);
  const deleted = await prisma.ltiRegistration.deleteMany({ where: { id } });
  if (deleted.count === 0) throw new NotFoundError("Registration not found.");
}
