"use server";

import { revalidatePath } from "next/cache";
import { asForm, formId as id, guarded, requireViewer } from "@/lib/http/form-action";
import { getPrisma } from "@/lib/db";
import type { FormState } from "@/lib/http/form-state";
import { LtiError } from "@/lib/lti/errors";
import { releaseGrades, retryScores } from "@/lib/lti/grades";
import { syncCourseRoster } from "@/lib/lti/roster";

// Instructors of a course linked to a learning platform: roster sync (NRPS) and grade release
// (AGS). Access is checked in lib/lti (the course's instructors only).

const platformTrouble = (error: unknown): FormState | null =>
  error instanceof LtiError ? { error: error.message } : null;

export async function syncRosterAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const courseId = id(formData.get("courseId"));
  const viewer = await requireViewer(`/courses/${courseId}/lti`);
  return guarded(async () => {
    try {
      const summary = await syncCourseRoster(getPrisma(), viewer, courseId);
      revalidatePath(`/courses/${courseId}/lti`);
      return {
        notice: `Roster synchronised: ${summary.active} on the platform's roster, ${summary.added} added, ${summary.dropped} marked dropped.`,
      };
    } catch (error) {
      const message = platformTrouble(error);
      if (message) return message;
      throw error;
    }
  });
}

export async function releaseGradesAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const assignmentId = id(formData.get("assignmentId"));
  const viewer = await requireViewer(`/assignments/${assignmentId}/lti`);
  return guarded(async () => {
    try {
      const result = await releaseGrades(getPrisma(), viewer, assignmentId);
      revalidatePath(`/assignments/${assignmentId}/lti`);
      const waiting = result.notGraded
        ? ` ${result.notGraded} not graded yet (no quality mark), not sent.`
        : "";
      return result.failed
        ? {
            error: `${result.sent} sent, ${result.failed} failed; see each student's status below.${waiting}`,
          }
        : {
            notice: `${result.sent} grade${result.sent === 1 ? "" : "s"} sent to the platform.${waiting}`,
          };
    } catch (error) {
      const message = platformTrouble(error);
      if (message) return message;
      throw error;
    }
  });
}

export async function retryScoresAction(_state: FormState, sent: unknown): Promise<FormState> {
  const formData = asForm(sent);
  const assignmentId = id(formData.get("assignmentId"));
  const viewer = await requireViewer(`/assignments/${assignmentId}/lti`);
  return guarded(async () => {
    const result = await retryScores(getPrisma(), viewer, assignmentId);
    revalidatePath(`/assignments/${assignmentId}/lti`);
    return result.failed
      ? { error: `${result.sent} sent, ${result.failed} still failing.` }
      : { notice: `${result.sent} grade${result.sent === 1 ? "" : "s"} sent.` };
  });
}
