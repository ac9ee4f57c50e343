import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { BODY_MESSAGES, emptyBody, parseBody } from "@/lib/richtext/body";
import { canManageCourse, canViewCourse, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { fieldErrors } from "@/lib/validations/auth";
import { assignmentFormSchema, type AssignmentFormInput } from "@/lib/validations/assignment";

// The assignment form: the choices it offers an instructor and the validation of what they sent.

export function requireCourseManager(viewer: Viewer, courseId: string) {
  if (!canViewCourse(viewer, { id: courseId })) throw new NotFoundError("Course not found.");
  if (!canManageCourse(viewer, { id: courseId }))
    throw new ForbiddenError("Only the course's instructors can set assignments.");
}

export async function assignmentFormOptions(
  prisma: PrismaClient,
  viewer: Viewer,
  courseId: string,
) {
  requireCourseManager(viewer, courseId);
  const [course, documents, groups] = await Promise.all([
    prisma.course.findUnique({ where: { id: courseId }, select: { id: true, title: true } }),
    prisma.document.findMany({
      // The public library and this course's own documents.
      where: { OR: [{ courseId: null }, { courseId }] },
      orderBy: [{ sortDate: "asc" }, { title: "asc" }],
      select: {
        slug: true,
        title: true,
        date: true,
        turns: {
          select: { anchor: true },
          orderBy: { position: "asc" },
        },
      },
    }),
    prisma.group.findMany({
      where: { courseId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  if (!course) throw new NotFoundError("Course not found.");
  return {
    course,
    groups,
    documents: documents.map(({ turns, ...document }) => ({
      ...document,
      firstAnchor: turns[0]?.anchor ?? 1,
      lastAnchor: turns.at(-1)?.anchor ?? 1,
    })),
  };
}

type ValidForm = {
  data: Omit<Prisma.AssignmentUncheckedCreateInput, "createdById">;
  groupIds: string[];
};

/** Check the form against the database: the document, its passage and the course's groups. */
export async function validateForm(
  prisma: PrismaClient,
  courseId: string,
  input: AssignmentFormInput,
): Promise<Outcome<ValidForm>> {
  const parsed = assignmentFormSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fields: fieldErrors(parsed.error),
    };
  const form = parsed.data;
  const refuse = (field: string, message: string): Outcome<ValidForm> => ({
    ok: false,
    error: "Please correct the highlighted fields.",
    fields: { [field]: message },
  });

  const document = await prisma.document.findUnique({
    where: { slug: form.documentSlug },
    select: { id: true, courseId: true },
  });
  // Another course's document is not one this course can be set.
  if (!document || (document.courseId !== null && document.courseId !== courseId))
    return refuse("documentSlug", "Choose a document from the library.");
  if (form.passageFrom !== null && form.passageTo !== null) {
    const found = await prisma.turn.count({
      where: { documentId: document.id, anchor: { in: [form.passageFrom, form.passageTo] } },
    });
    const expected = form.passageFrom === form.passageTo ? 1 : 2;
    if (found !== expected)
      return refuse("passageFrom", "That passage is not in the document: check the turn numbers.");
  }
  const groupIds = [...new Set(form.groupIds)];
  if (groupIds.length) {
    const groups = await prisma.group.count({ where: { id: { in: groupIds }, courseId } });
    if (groups !== groupIds.length) return refuse("groupIds", "Choose groups of this course.");
  }
  let instructions = parseBody(form.instructions);
  if (!instructions.ok && instructions.error === BODY_MESSAGES.empty)
    instructions = { ok: true, doc: emptyBody(), html: "", text: "" };
  if (!instructions.ok) return refuse("instructions", instructions.error);

  return {
    ok: true,
    value: {
      groupIds,
      data: {
        courseId,
        documentId: document.id,
        title: form.title,
        firstAnchor: form.passageFrom,
        lastAnchor: form.passageTo,
        instructions: instructions.doc as Prisma.InputJsonValue,
        instructionsHtml: instructions.html,
        opensAt: form.opensAt,
        dueAt: form.dueAt,
        timeZone: form.timeZone,
        minAnnotations: form.minAnnotations,
        minReplies: form.minReplies,
        minWords: form.minWords,
        hideUntilPosted: form.hideUntilPosted,
      },
    },
  };
}
