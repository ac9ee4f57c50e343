import { assignmentResults } from "@/lib/assignments/activity";
import { getAssignment } from "@/lib/assignments/service";
import type { Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { WorkStatus } from "@/lib/assignments/rules";
import { SCOPE } from "./claims";
import { SCORE_MAXIMUM } from "./deep-linking";
import { LtiError } from "./errors";
import { fetchJson } from "./fetch";
import { forgetServiceTokens, serviceToken } from "./service-token";

// Assignment and Grade Services 2.0: when an instructor releases an assignment's grades, each
// graded student's score (Memcon's rubric: completion + quality, out of 4) goes to the
// platform's line item with its progress. Every send is recorded per student (pending, sent,
// failed with the platform's answer); a failed send is tried again with growing pauses
// (RETRY_DELAYS_MS), when the instructor presses "Retry", and at the next release.

export const RETRY_DELAYS_MS = [0, 500, 2000];
/** After the quick retries, a failed score waits at least this long before the next automatic try. */
export const LATER_RETRY_MS = 5 * 60 * 1000;

const PROGRESS: Record<WorkStatus, string> = {
  complete: "Completed",
  late: "Completed",
  "in-progress": "InProgress",
  "not-started": "Initialized",
  missing: "Initialized",
};

async function requireManagedLink(prisma: PrismaClient, viewer: Viewer, assignmentId: string) {
  const assignment = await getAssignment(prisma, viewer, assignmentId);
  if (!assignment.canManage)
    throw new ForbiddenError("Only the course's instructors can release grades.");
  const context = await prisma.ltiContext.findUnique({
    where: { courseId: assignment.courseId },
    include: { registration: true },
  });
  if (!context) throw new NotFoundError("This course is not linked to a learning platform.");
  return { assignment, context };
}

/** The platform's column for the assignment: the one its launches named, or a new one. */
async function lineItemFor(
  prisma: PrismaClient,
  assignment: { id: string; title: string },
  context: {
    id: string;
    lineItemsUrl: string | null;
    agsScopes: string[];
    registration: Parameters<typeof serviceToken>[1];
  },
) {
  const existing = await prisma.ltiLineItem.findUnique({ where: { assignmentId: assignment.id } });
  if (existing) return existing;
  if (!context.lineItemsUrl || !context.agsScopes.includes(SCOPE.lineItem))
    throw new LtiError(
      "The platform has not given Memcon a gradebook column for this assignment. Add it to the course through “add content” first.",
      409,
    );
  const token = await serviceToken(prisma, context.registration, [SCOPE.lineItem]);
  const answer = await fetchJson(context.lineItemsUrl, {
    what: "line items service",
    method: "POST",
    accept: "application/vnd.ims.lis.v2.lineitem+json",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/vnd.ims.lis.v2.lineitem+json",
    },
    body: JSON.stringify({
      scoreMaximum: SCORE_MAXIMUM,
      label: assignment.title,
      resourceId: assignment.id,
      tag: "memcon",
    }),
  });
  const id = (answer.body as { id?: unknown } | null)?.id;
  if (answer.status >= 300 || typeof id !== "string")
    throw new LtiError(
      `The platform did not create the gradebook column (HTTP ${answer.status}).`,
      502,
    );
  return prisma.ltiLineItem.create({
    data: { assignmentId: assignment.id, contextId: context.id, url: id },
  });
}

/** Release: record every graded student's score as pending, then send them. */
export async function releaseGrades(
  prisma: PrismaClient,
  viewer: Viewer,
  assignmentId: string,
  now = new Date(),
) {
  const { assignment, context } = await requireManagedLink(prisma, viewer, assignmentId);
  const lineItem = await lineItemFor(prisma, assignment, context);
  const rows = await assignmentResults(prisma, viewer, assignment, now);
  const links = await prisma.ltiUserLink.findMany({
    where: {
      issuer: context.registration.issuer,
      userId: { in: rows.map((row) => row.student.id) },
    },
  });
  const subjectOf = new Map(links.map((link) => [link.userId, link.subject]));
  let queued = 0;
  for (const row of rows) {
    if (row.score === null || !subjectOf.has(row.student.id)) continue;
    await prisma.ltiScoreSync.upsert({
      where: {
        assignmentId_userId: { assignmentId: lineItem.assignmentId, userId: row.student.id },
      },
      create: {
        assignmentId: lineItem.assignmentId,
        userId: row.student.id,
        status: "pending",
        scoreGiven: row.score,
        scoreMaximum: SCORE_MAXIMUM,
        progress: PROGRESS[row.assessment.status],
        comment: row.grade?.comment ?? null,
      },
      update: {
        status: "pending",
        scoreGiven: row.score,
        progress: PROGRESS[row.assessment.status],
        comment: row.grade?.comment ?? null,
        attempts: 0,
        lastError: null,
        nextAttemptAt: null,
      },
    });
    queued++;
  }
  const result = await sendScores(prisma, assignmentId, { now, includeWaiting: true });
  return { queued, ...result, notGraded: rows.filter((row) => row.score === null).length };
}

/** Send the assignment's pending (and due failed) scores, each with quick retries. */
export async function sendScores(
  prisma: PrismaClient,
  assignmentId: string,
  {
    now = new Date(),
    includeWaiting = false,
    sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
  } = {},
) {
  const lineItem = await prisma.ltiLineItem.findUnique({
    where: { assignmentId },
    include: { context: { include: { registration: true } } },
  });
  if (!lineItem) return { sent: 0, failed: 0 };
  const due = await prisma.ltiScoreSync.findMany({
    where: {
      assignmentId,
      OR: [
        { status: "pending" },
        { status: "failed", ...(includeWaiting ? {} : { nextAttemptAt: { lte: now } }) },
      ],
    },
  });
  const links = await prisma.ltiUserLink.findMany({
    where: {
      issuer: lineItem.context.registration.issuer,
      userId: { in: due.map((row) => row.userId) },
    },
  });
  const subjectOf = new Map(links.map((link) => [link.userId, link.subject]));
  const scoresUrl = new URL(lineItem.url);
  scoresUrl.pathname = `${scoresUrl.pathname.replace(/\/$/, "")}/scores`;
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const subject = subjectOf.get(row.userId);
    let error: string | null = subject ? null : "The student is no longer linked to the platform.";
    let attempts = row.attempts;
    for (const delay of subject ? RETRY_DELAYS_MS : []) {
      if (delay) await sleep(delay);
      attempts++;
      try {
        const token = await serviceToken(prisma, lineItem.context.registration, [SCOPE.score]);
        const answer = await fetchJson(scoresUrl.toString(), {
          what: "score service",
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/vnd.ims.lis.v1.score+json",
          },
          body: JSON.stringify({
            userId: subject,
            scoreGiven: row.scoreGiven,
            scoreMaximum: row.scoreMaximum,
            activityProgress: row.progress,
            gradingProgress: "FullyGraded",
            timestamp: new Date().toISOString(),
            ...(row.comment ? { comment: row.comment } : {}),
          }),
        });
        if (answer.status < 300) {
          error = null;
          break;
        }
        if (answer.status === 401) forgetServiceTokens(lineItem.context.registrationId);
        error = `The platform answered HTTP ${answer.status}.`;
      } catch (caught) {
        error = caught instanceof LtiError ? caught.message : "The platform could not be reached.";
      }
    }
    await prisma.ltiScoreSync.update({
      where: { assignmentId_userId: { assignmentId, userId: row.userId } },
      data: error
        ? {
            status: "failed",
            attempts,
            lastError: error,
            nextAttemptAt: new Date(now.getTime() + LATER_RETRY_MS),
          }
        : { status: "sent", attempts, lastError: null, nextAttemptAt: null, sentAt: new Date() },
    });
    if (error) failed++;
    else sent++;
  }
  return { sent, failed };
}

/** "Retry" on the grades page: the failed scores, now. */
export async function retryScores(prisma: PrismaClient, viewer: Viewer, assignmentId: string) {
  await requireManagedLink(prisma, viewer, assignmentId);
  return sendScores(prisma, assignmentId, { includeWaiting: true });
}

/** Per student: what was sent to the platform and how it went. */
export async function gradeSyncStatus(prisma: PrismaClient, viewer: Viewer, assignmentId: string) {
  const { assignment, context } = await requireManagedLink(prisma, viewer, assignmentId);
  const [lineItem, rows] = await Promise.all([
    prisma.ltiLineItem.findUnique({ where: { assignmentId } }),
    prisma.ltiScoreSync.findMany({ where: { assignmentId } }),
  ]);
  const results = await assignmentResults(prisma, viewer, assignment);
  const syncOf = new Map(rows.map((row) => [row.userId, row]));
  return {
    assignment: { id: assignment.id, title: assignment.title, courseId: assignment.courseId },
    platform: context.registration.name,
    lineItem: lineItem?.url ?? null,
    students: results.map((row) => ({
      id: row.student.id,
      name: row.student.name,
      score: row.score,
      standing: row.assessment.status,
      sync: syncOf.get(row.student.id) ?? null,
    })),
  };
}
