"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formId as id, guarded, requireViewer, asForm } from "@/lib/http/form-action";
import * as courses from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { failure, keptValues, type FormState } from "@/lib/http/form-state";

export async function createCourseAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/courses");
  let courseId: string | undefined;
  const state = await guarded(async () => {
    const outcome = await courses.createCourse(getPrisma(), viewer, {
      title: formData.get("title"),
      term: formData.get("term"),
    });
    if (!outcome.ok) return failure(outcome, keptValues(formData, "title", "term"));
    courseId = outcome.value.courseId;
  });
  if (courseId) redirect(`/courses/${courseId}`);
  return state;
}

export async function joinCourseAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/courses");
  const outcome = await courses.joinCourse(getPrisma(), viewer, formData.get("code"));
  if (!outcome.ok) return failure(outcome, keptValues(formData, "code"));
  redirect(
    `/courses/${outcome.value.courseId}?joined=${outcome.value.alreadyMember ? "already" : "1"}`,
  );
}

export async function removeMemberAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const courseId = id(formData.get("courseId"));
  const viewer = await requireViewer(`/courses/${courseId}`);
  return guarded(async () => {
    await courses.removeMember(getPrisma(), viewer, courseId, id(formData.get("userId")));
    revalidatePath(`/courses/${courseId}`);
    return { notice: "Removed from the course." };
  });
}

export async function regenerateCodeAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const courseId = id(formData.get("courseId"));
  const viewer = await requireViewer(`/courses/${courseId}`);
  const days = Number(formData.get("expiresInDays") ?? 0);
  const expiresAt =
    Number.isFinite(days) && days > 0
      ? new Date(Date.now() + Math.min(days, 365) * 86_400_000)
      : null;
  return guarded(async () => {
    await courses.regenerateJoinCode(getPrisma(), viewer, courseId, expiresAt);
    revalidatePath(`/courses/${courseId}`);
    return { notice: "A new join code is ready; the old one no longer works." };
  });
}

export async function createGroupAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const courseId = id(formData.get("courseId"));
  const viewer = await requireViewer(`/courses/${courseId}`);
  return guarded(async () => {
    const outcome = await courses.createGroup(getPrisma(), viewer, courseId, {
      name: formData.get("name"),
    });
    if (!outcome.ok) return failure(outcome, keptValues(formData, "name"));
    revalidatePath(`/courses/${courseId}`);
    return { notice: "Group created." };
  });
}

export async function addGroupMemberAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/courses");
  return guarded(async () => {
    await courses.addGroupMember(
      getPrisma(),
      viewer,
      id(formData.get("groupId")),
      id(formData.get("userId")),
    );
    revalidatePath(`/courses/${id(formData.get("courseId"))}`);
    return { notice: "Added to the group." };
  });
}

export async function removeGroupMemberAction(
  _state: FormState,
  sent: unknown,
): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/courses");
  return guarded(async () => {
    await courses.removeGroupMember(
      getPrisma(),
      viewer,
      id(formData.get("groupId")),
      id(formData.get("userId")),
    );
    revalidatePath(`/courses/${id(formData.get("courseId"))}`);
    return { notice: "Removed from the group." };
  });
}

export async function setSiteRoleAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const viewer = await requireViewer("/admin");
  const role = formData.get("role");
  if (role !== "user" && role !== "instructor" && role !== "admin")
    return { error: "Choose a role." };
  return guarded(async () => {
    await courses.setSiteRole(getPrisma(), viewer, id(formData.get("userId")), role);
    revalidatePath("/admin");
    return { notice: "Role updated." };
  });
}
