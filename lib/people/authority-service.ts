import "server-only";
import { canEditPeople, type MaybeViewer } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { authorityInput } from "./authority";
import { readablePerson } from "./queries";
import type { Person } from "./people";

// Reading and writing people's authority links (PersonAuthority, keyed by the person's slug).

/** The person's authority URI: stored under their slug, or under any of their names' slugs. */
export async function authorityOf(
  prisma: PrismaClient,
  person: Pick<Person, "slug" | "slugs">,
): Promise<string | null> {
  const rows = await prisma.personAuthority.findMany({
    where: { slug: { in: person.slugs } },
    select: { slug: true, uri: true },
  });
  return (rows.find((row) => row.slug === person.slug) ?? rows[0])?.uri ?? null;
}

/**
 * Set (or, with an empty value, remove) the authority link of the person at `slug`. Editors
 * only; the person must be one the editor can read (a person unknown to them is "not found").
 */
export async function setPersonAuthority(
  prisma: PrismaClient,
  viewer: MaybeViewer,
  slug: string,
  value: unknown,
): Promise<Outcome<{ slug: string; uri: string | null }>> {
  if (!canEditPeople(viewer))
    throw new ForbiddenError(
      "Only the library's editors (instructors and admins) can link people to authority records.",
    );
  const person = await readablePerson(prisma, viewer, slug);
  if (!person) throw new NotFoundError("No person of the library has that address.");
  if (typeof value === "string" && value.trim() === "") {
    await prisma.personAuthority.deleteMany({ where: { slug: { in: person.slugs } } });
    return { ok: true, value: { slug: person.slug, uri: null } };
  }
  const parsed = authorityInput.safeParse(value);
  if (!parsed.success) {
    const error = parsed.error.issues[0]?.message ?? "That authority id is not valid.";
    return { ok: false, error, fields: { authority: error } };
  }
  // One record per person: an older one under another of their names gives way.
  await prisma.$transaction([
    prisma.personAuthority.deleteMany({
      where: { slug: { in: person.slugs.filter((other) => other !== person.slug) } },
    }),
    prisma.personAuthority.upsert({
      where: { slug: person.slug },
      create: { slug: person.slug, uri: parsed.data, createdById: viewer!.userId },
      update: { uri: parsed.data, createdById: viewer!.userId },
    }),
  ]);
  return { ok: true, value: { slug: person.slug, uri: parsed.data } };
}
