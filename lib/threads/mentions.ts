import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toRef } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import { canReadAnnotation } from "@/lib/auth/permissions";

// @mentions in replies: "@Ada", "@ada", "@Ada Brooks" or "@ada.brooks" (the email's name). A
// mention resolves only to a member of the annotation's course who can read the thread; anyone
// else is silently not told (a mention must never reveal a private discussion).

const MENTION = /(?:^|[^\p{L}\p{N}_@.])@([\p{L}][\p{L}\p{N}'’.-]*(?: [\p{Lu}][\p{L}'’-]*)?)/gu;

/** The names written after "@" in a text, as typed (a second capitalised word is kept). */
export function mentionedNames(text: string): string[] {
  return [...text.matchAll(MENTION)].map((match) => match[1]!.replace(/[.'’-]+$/, ""));
}

interface Candidate {
  id: string;
  name: string | null;
  email: string | null;
}

/** Does `written` ("Ada", "Ada Brooks", "ada.brooks") name this person? */
export function namesPerson(written: string, person: Candidate): boolean {
  const said = written.toLowerCase();
  const name = (person.name ?? "").toLowerCase();
  const handle = (person.email ?? "").split("@")[0]!.toLowerCase();
  return (
    said === name || said === name.split(" ")[0] || said === handle || said.split(" ")[0] === handle
  );
}

/** User ids mentioned in `text` who may read the thread rooted at `annotationId`. */
export async function resolveMentions(
  prisma: PrismaClient,
  annotationId: string,
  text: string,
): Promise<string[]> {
  const written = mentionedNames(text);
  if (written.length === 0) return [];
  const root = await prisma.annotation.findUnique({
    where: { id: annotationId },
    select: { authorId: true, visibility: true, courseId: true, groupId: true, hiddenAt: true },
  });
  if (!root?.courseId) return [];
  const members = await prisma.membership.findMany({
    where: { courseId: root.courseId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const named = members
    .map((member) => member.user)
    .filter((user) => written.some((said) => namesPerson(said, user)));
  const allowed: string[] = [];
  for (const user of named) {
    const viewer = await loadViewer(prisma, user.id);
    if (canReadAnnotation(viewer, toRef(root))) allowed.push(user.id);
  }
  return allowed;
}
