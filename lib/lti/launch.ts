import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newJoinCode } from "@/lib/courses/join-code";
import { linkedUser } from "./accounts";
import { CLAIM, courseRoleFor, MESSAGE, type LaunchClaims } from "./claims";
import { LtiError } from "./errors";
import type { VerifiedLaunch } from "./verify";

// Step three: a verified launch becomes Memcon state, all in one transaction so that a launch
// refused half-way (a learner before any instructor, an assignment of another course) leaves
// nothing behind: the platform user is linked to an account, the platform course (context) to a
// Memcon course, the LTI role to a course role, and the page to open is chosen.

export const LAUNCH_TICKET_LIFETIME_MS = 5 * 60 * 1000;
const DEEP_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** Custom parameters Memcon puts on the links it creates by deep linking. */
export const CUSTOM = {
  assignment: "memcon_assignment",
  document: "memcon_document",
  passage: "memcon_passage",
} as const;

export interface LaunchResult {
  userId: string;
  courseId: string;
  role: "instructor" | "student";
  targetPath: string;
  /** One-time ticket for opening the launch in a new window (see lib/lti/open.ts). */
  ticket: string;
}

export const ticketHash = (ticket: string) => createHash("sha256").update(ticket).digest("hex");

function displayName(claims: LaunchClaims): string | null {
  const name = claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return name?.trim() || null;
}

function customValue(claims: LaunchClaims, key: string): string | undefined {
  const value = claims[CLAIM.custom]?.[key];
  // Platforms send unresolved substitution variables ("$Canvas.user.id") when they lack them.
  return typeof value === "string" && value && !value.startsWith("$") ? value : undefined;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function linkUser(tx: Tx, launch: VerifiedLaunch): Promise<string> {
  const { claims } = launch;
  return linkedUser(tx, launch.registration.issuer, claims.sub, {
    name: displayName(claims),
    email: claims.email,
  });
}

async function linkCourse(
  tx: Tx,
  launch: VerifiedLaunch,
  userId: string,
  role: "instructor" | "student",
  now: Date,
) {
  const { claims, registration } = launch;
  const context = claims[CLAIM.context];
  if (!context)
    throw new LtiError(
      "The platform did not say which course this launch comes from (no context claim).",
    );
  const deploymentId = claims[CLAIM.deploymentId];
  const services = {
    membershipsUrl: claims[CLAIM.namesRoleService]?.context_memberships_url ?? undefined,
    lineItemsUrl: claims[CLAIM.agsEndpoint]?.lineitems ?? undefined,
    agsScopes: claims[CLAIM.agsEndpoint]?.scope ?? undefined,
  };
  const key = { registrationId: registration.id, deploymentId, contextId: context.id };
  let linked = await tx.ltiContext.findUnique({
    where: { registrationId_deploymentId_contextId: key },
    select: { id: true, courseId: true },
  });
  if (!linked) {
    if (role !== "instructor")
      throw new LtiError(
        "Memcon is not set up for this course yet: your instructor opens it once from the course first.",
        409,
      );
    const title = (context.title || context.label || "Course from the learning platform").slice(
      0,
      200,
    );
    const course = await tx.course.create({
      data: {
        title,
        term: (context.label ?? "").slice(0, 100),
        joinCode: newJoinCode(),
        createdById: userId,
      },
      select: { id: true },
    });
    linked = await tx.ltiContext.create({
      data: { ...key, title, courseId: course.id, ...services },
      select: { id: true, courseId: true },
    });
  } else {
    await tx.ltiContext.update({ where: { id: linked.id }, data: services });
  }
  await tx.membership.upsert({
    where: { courseId_userId: { courseId: linked.courseId, userId } },
    create: { courseId: linked.courseId, userId, role },
    update: { role },
  });
  await tx.ltiRosterEntry.upsert({
    where: { contextId_userId: { contextId: linked.id, userId } },
    create: { contextId: linked.id, userId, status: "active", lastSeenAt: now },
    update: { status: "active", lastSeenAt: now, droppedAt: null },
  });
  return linked;
}

async function chooseTarget(
  tx: Tx,
  launch: VerifiedLaunch,
  context: { id: string; courseId: string },
  userId: string,
  now: Date,
): Promise<string> {
  const { claims, registration } = launch;
  if (claims[CLAIM.messageType] === MESSAGE.deepLinking) {
    const settings = claims[CLAIM.deepLinkingSettings];
    if (!settings)
      throw new LtiError("The platform asked to add content but sent no deep linking settings.");
    const request = await tx.ltiDeepLink.create({
      data: {
        registrationId: registration.id,
        deploymentId: claims[CLAIM.deploymentId],
        userId,
        courseId: context.courseId,
        returnUrl: settings.deep_link_return_url,
        data: settings.data ?? null,
        acceptTypes: settings.accept_types,
        expiresAt: new Date(now.getTime() + DEEP_LINK_LIFETIME_MS),
      },
      select: { id: true },
    });
    return `/lti/deep-link/${request.id}`;
  }
  const assignmentId = customValue(claims, CUSTOM.assignment);
  if (assignmentId) {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, courseId: context.courseId },
      select: { id: true },
    });
    if (!assignment)
      throw new LtiError(
        "This link names a Memcon assignment that is not part of this course.",
        404,
      );
    const lineItem = claims[CLAIM.agsEndpoint]?.lineitem;
    if (lineItem)
      await tx.ltiLineItem.upsert({
        where: { assignmentId },
        create: { assignmentId, contextId: context.id, url: lineItem },
        update: { url: lineItem, contextId: context.id },
      });
    return `/assignments/${assignment.id}`;
  }
  const slug = customValue(claims, CUSTOM.document);
  if (slug) {
    const document = await tx.document.findUnique({ where: { slug }, select: { slug: true } });
    if (!document) throw new LtiError("This link names a Memcon reading that does not exist.", 404);
    const first = Number(customValue(claims, CUSTOM.passage)?.split("-")[0]);
    return `/documents/${encodeURIComponent(document.slug)}${Number.isInteger(first) && first > 0 ? `#t-${first}` : ""}`;
  }
  return `/courses/${context.courseId}`;
}

export async function completeLaunch(
  prisma: PrismaClient,
  launch: VerifiedLaunch,
  now = new Date(),
): Promise<LaunchResult> {
  const role = courseRoleFor(launch.claims[CLAIM.roles]);
  if (!role)
    throw new LtiError(
      "Memcon opens for a course's instructors, teaching assistants and learners; the platform gave you none of these roles here.",
      403,
    );
  if (launch.claims[CLAIM.messageType] === MESSAGE.deepLinking && role !== "instructor")
    throw new LtiError("Only instructors can add Memcon content to a course.", 403);
  const ticket = randomBytes(32).toString("base64url");
  // Spent and stale one-time rows go as new ones come.
  const stale = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await prisma.ltiLaunch.deleteMany({ where: { expiresAt: { lt: stale } } });
  await prisma.ltiDeepLink.deleteMany({ where: { expiresAt: { lt: stale } } });
  return prisma.$transaction(async (tx) => {
    const userId = await linkUser(tx, launch);
    const context = await linkCourse(tx, launch, userId, role, now);
    const targetPath = await chooseTarget(tx, launch, context, userId, now);
    await tx.ltiLaunch.create({
      data: {
        ticketHash: ticketHash(ticket),
        userId,
        registrationId: launch.registration.id,
        targetPath,
        expiresAt: new Date(now.getTime() + LAUNCH_TICKET_LIFETIME_MS),
      },
    });
    return { userId, courseId: context.courseId, role, targetPath, ticket };
  });
}
