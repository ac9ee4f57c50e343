import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import { createAssignment } from "@/lib/assignments/service";
import type { Viewer } from "@/lib/auth/permissions";
import { canManageCourse } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/outcome";
import { CLAIM, MESSAGE } from "./claims";
import { LtiError } from "./errors";
import { signingKey } from "./keys";
import { CUSTOM } from "./launch";
import { toolUrls } from "./tool";

// Deep Linking 2.0: the platform's "add content" launched Memcon (lib/lti/launch.ts kept the
// request); the instructor picks a reading, a passage, an assignment of the course, or makes a
// new assignment; Memcon answers with one signed LtiResourceLink content item (a line item too
// when the link is graded), which the browser posts back to the platform.

/** Memcon's score for an assignment: completion (0-1) plus quality (0-3), as in the gradebook. */
export const SCORE_MAXIMUM = 4;

async function requireRequest(prisma: PrismaClient, viewer: Viewer, id: string, now: Date) {
  const request = await prisma.ltiDeepLink.findUnique({
    where: { id },
    include: { registration: { select: { issuer: true, clientId: true, name: true } } },
  });
  // Someone else's request is not found, like one that does not exist.
  if (
    !request ||
    request.userId !== viewer.userId ||
    !canManageCourse(viewer, { id: request.courseId })
  )
    throw new NotFoundError("This content request was not found.");
  if (request.usedAt || request.expiresAt <= now)
    throw new LtiError(
      "This content request has expired. Start again from the course's “add content”.",
      410,
    );
  return request;
}

/** The origin the picker's answer posts to (the page's form-action allows it). */
export async function returnOrigin(prisma: PrismaClient, id: string): Promise<string | null> {
  const request = await prisma.ltiDeepLink.findUnique({
    where: { id },
    select: { returnUrl: true },
  });
  return request ? new URL(request.returnUrl).origin : null;
}

/** What the picker shows: the course, the library's readings, the course's assignments. */
export async function deepLinkChoices(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  now = new Date(),
) {
  const request = await requireRequest(prisma, viewer, id, now);
  const [course, documents, assignments] = await Promise.all([
    prisma.course.findUniqueOrThrow({
      where: { id: request.courseId },
      select: { id: true, title: true },
    }),
    prisma.document.findMany({
      select: { slug: true, title: true, date: true },
      orderBy: [{ sortDate: "asc" }, { title: "asc" }],
      take: 500,
    }),
    prisma.assignment.findMany({
      where: { courseId: request.courseId },
      select: { id: true, title: true, dueAt: true, document: { select: { title: true } } },
      orderBy: { dueAt: "asc" },
    }),
  ]);
  return { id: request.id, platform: request.registration.name, course, documents, assignments };
}

const passage = z
  .string()
  .trim()
  .max(10)
  .transform((value) => (value === "" ? null : Number(value)))
  .refine(
    (value) => value === null || (Number.isInteger(value) && value > 0),
    "Turn numbers are whole numbers from 1.",
  );

export const choiceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("reading"),
    documentSlug: z.string().min(1, "Choose a reading.").max(200),
    passageFrom: passage,
    passageTo: passage,
  }),
  z.object({
    kind: z.literal("assignment"),
    assignmentId: z.string().min(1, "Choose an assignment.").max(64),
  }),
  z.object({
    kind: z.literal("new"),
    title: z.string().max(200),
    documentSlug: z.string().max(200),
    passageFrom: z.string().max(10),
    passageTo: z.string().max(10),
    dueAt: z.string().max(40),
    timeZone: z.string().max(80),
  }),
]);

interface ContentItem {
  type: "ltiResourceLink";
  title: string;
  text?: string;
  url: string;
  custom: Record<string, string>;
  lineItem?: { scoreMaximum: number; label: string; resourceId: string; tag: string };
}

async function itemFor(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
  launchUrl: string,
  choice: z.output<typeof choiceSchema>,
  now: Date,
): Promise<Outcome<ContentItem>> {
  if (choice.kind === "reading") {
    const document = await prisma.document.findUnique({
      where: { slug: choice.documentSlug },
      select: { slug: true, title: true },
    });
    if (!document) return { ok: false, error: "Choose a reading from the list." };
    const { passageFrom: from, passageTo: to } = choice;
    if ((from === null) !== (to === null) || (from !== null && to !== null && from > to))
      return {
        ok: false,
        error: "Give the first and last turn of the passage (first ≤ last), or neither.",
      };
    const custom: Record<string, string> = { [CUSTOM.document]: document.slug };
    if (from !== null) custom[CUSTOM.passage] = `${from}-${to}`;
    return {
      ok: true,
      value: {
        type: "ltiResourceLink",
        title: from !== null ? `${document.title} (turns ${from}–${to})` : document.title,
        url: launchUrl,
        custom,
      },
    };
  }
  let assignmentId: string;
  if (choice.kind === "assignment") {
    assignmentId = choice.assignmentId;
  } else {
    const opens = now.toISOString().slice(0, 16);
    const created = await createAssignment(prisma, viewer, courseId, {
      title: choice.title,
      documentSlug: choice.documentSlug,
      passageFrom: choice.passageFrom,
      passageTo: choice.passageTo,
      timeZone: choice.timeZone || "UTC",
      opensAt: opens,
      dueAt: choice.dueAt,
      minAnnotations: "1",
      minReplies: "0",
      minWords: "0",
      hideUntilPosted: false,
      groupIds: [],
      instructions: { type: "doc", content: [{ type: "paragraph" }] },
    });
    // The picker shows one sentence: the first field's reason rather than "correct the fields".
    if (!created.ok)
      return { ok: false, error: Object.values(created.fields ?? {})[0] ?? created.error };
    assignmentId = created.value.id;
  }
  const assignment = await prisma.assignment.findFirst({
    where: { id: assignmentId, courseId },
    select: { id: true, title: true },
  });
  if (!assignment) return { ok: false, error: "Choose an assignment of this course." };
  return {
    ok: true,
    value: {
      type: "ltiResourceLink",
      title: assignment.title,
      text: "Annotate the reading in Memcon; the grade comes back to this course.",
      url: launchUrl,
      custom: { [CUSTOM.assignment]: assignment.id },
      lineItem: {
        scoreMaximum: SCORE_MAXIMUM,
        label: assignment.title,
        resourceId: assignment.id,
        tag: "memcon",
      },
    },
  };
}

/** The signed LtiDeepLinkingResponse for the instructor's choice, and where to post it. */
export async function respondToDeepLink(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  input: Record<string, unknown>,
  toolOrigin: string,
  now = new Date(),
): Promise<Outcome<{ returnUrl: string; jwt: string; title: string }>> {
  const request = await requireRequest(prisma, viewer, id, now);
  const parsed = choiceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const item = await itemFor(
    prisma,
    viewer,
    request.courseId,
    toolUrls(toolOrigin).launch,
    parsed.data,
    now,
  );
  if (!item.ok) return item;
  const claimed = await prisma.ltiDeepLink.updateMany({
    where: { id, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) throw new LtiError("This content request was already answered.", 410);
  const { kid, key } = await signingKey(prisma);
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.messageType]: MESSAGE.deepLinkingResponse,
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: request.deploymentId,
    [CLAIM.contentItems]: [item.value],
    ...(request.data ? { [CLAIM.deepLinkingData]: request.data } : {}),
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(request.registration.clientId)
    .setAudience(request.registration.issuer)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 300)
    .sign(key);
  return { ok: true, value: { returnUrl: request.returnUrl, jwt, title: item.value.title } };
}
