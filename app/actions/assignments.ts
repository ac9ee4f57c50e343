"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formId, guarded, requireViewer, asForm } from "@/lib/http/form-action";
import * as assignments from "@/lib/assignments/service";
import { extendForStudent, setGrade } from "@/lib/assignments/students";
import { getPrisma } from "@/lib/db";
import { failure, keptValues, type FormState } from "@/lib/http/form-state";
import type { AssignmentFormInput } from "@/lib/validations/assignment";

const FORM_FIELDS = [
  "title",
  "documentSlug",
  "passageFrom",
  "passageTo",
  "timeZone",
  "opensAt",
  "dueAt",
  "minAnnotations",
  "minReplies",
  "minWords",
  "instructions",
] as const;

/** The form's fields as the service reads them (it validates everything). */
function readForm(formData: FormData): AssignmentFormInput {
  const text = (name: string) => String(formData.get(name) ?? "");
  let instructions: unknown = null;
  try {
    instructions = JSON.parse(text("instructions") || "null");
  } catch {
    instructions = "unreadable";
  }
  return {
    title: text("title"),
    documentSlug: text("documentSlug"),
    passageFrom: text("passageFrom"),
    passageTo: text("passageTo"),
    timeZone: text("timeZone"),
    opensAt: text("opensAt"),
    dueAt: text("dueAt"),
    minAnnotations: text("minAnnotations"),
    minReplies: text("minReplies"),
    minWords: text("minWords"),
    hideUntilPosted: formData.get("hideUntilPosted") === "on",
    groupIds: formData.getAll("groupIds").map(String),
    instructions,
  };
}

function kept(formData: FormData) {
  return {
    ...keptValues(formData, ...FORM_FIELDS),
    hideUntilPosted: formData.get("hideUntilPosted") === "on" ? "on" : "",
    groupIds: formData.getAll("groupIds").map(String).join(","),
  };
}

export async function createAssignmentAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const courseId = formId(formData.get("courseId"));
  const viewer = await requireViewer(`/courses/${courseId}/assignments/new`);
  let createdId: string | undefined;
  const state = await guarded(async () => {
    const outcome = await assignments.createAssignment(
      getPrisma(),
      viewer,
      courseId,
      readForm(formData),
    );
    if (!outcome.ok) return failure(outcome, kept(formData));
    createdId = outcome.value.id;
  });
  if (createdId) {
    revalidatePath(`/courses/${courseId}`);
    redirect(`/assignments/${createdId}?created=1`);
  }
  return state;
}

export async function updateAssignmentAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const id = formId(formData.get("assignmentId"));
  const viewer = await requireViewer(`/assignments/${id}/edit`);
  let saved = false;
  const state = await guarded(async () => {
    const outcome = await assignments.updateAssignment(getPrisma(), viewer, id, readForm(formData));
    if (!outcome.ok) return failure(outcome, kept(formData));
    saved = true;
  });
  if (saved) {
    revalidatePath(`/assignments/${id}`);
    redirect(`/assignments/${id}?saved=1`);
  }
  return state;
}

export async function duplicateAssignmentAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const id = formId(formData.get("assignmentId"));
  const viewer = await requireViewer(`/assignments/${id}`);
  let copyId: string | undefined;
  const state = await guarded(async () => {
    const target = formData.get("courseId");
    if (typeof target !== "string" || !target) return { error: "Choose a course to copy it to." };
    const outcome = await assignments.duplicateAssignment(getPrisma(), viewer, id, formId(target));
    if (!outcome.ok) return failure(outcome);
    copyId = outcome.value.id;
  });
  if (copyId) redirect(`/assignments/${copyId}/edit?copied=1`);
  return state;
}

export async function setAssignmentClosedAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const id = formId(formData.get("assignmentId"));
  const viewer = await requireViewer(`/assignments/${id}`);
  const closed = formData.get("closed") === "1";
  return guarded(async () => {
    await assignments.setAssignmentClosed(getPrisma(), viewer, id, closed);
    revalidatePath(`/assignments/${id}`);
    return {
      notice: closed
        ? "Closed: work posted from now on is marked late."
        : "Reopened: the due date applies again.",
    };
  });
}

export async function extendAssignmentAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const id = formId(formData.get("assignmentId"));
  const userId = formId(formData.get("userId"));
  const viewer = await requireViewer(`/assignments/${id}/students/${userId}`);
  return guarded(async () => {
    const outcome = await extendForStudent(getPrisma(), viewer, id, userId, {
      dueAt: formData.get("dueAt") ?? "",
      timeZone: formData.get("timeZone"),
    });
    if (!outcome.ok) return failure(outcome, keptValues(formData, "dueAt"));
    revalidatePath(`/assignments/${id}`);
    return {
      notice: outcome.value.dueAt ? "Extension saved." : "Extension removed: the due date applies.",
    };
  });
}

export async function gradeAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const id = formId(formData.get("assignmentId"));
  const userId = formId(formData.get("userId"));
  const viewer = await requireViewer(`/assignments/${id}/students/${userId}`);
  return guarded(async () => {
    const outcome = await setGrade(getPrisma(), viewer, id, userId, {
      quality: formData.get("quality") ?? "",
      completion: formData.get("completion") ?? "auto",
      comment: formData.get("comment") ?? "",
    });
    if (!outcome.ok) return failure(outcome, keptValues(formData, "quality", "comment"));
    revalidatePath(`/assignments/${id}`);
    return { notice: "Grade saved." };
  });
}
