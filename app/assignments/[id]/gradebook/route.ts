import { assignmentResults } from "@/lib/assignments/activity";
import { gradebookCsv, gradebookFileName } from "@/lib/assignments/gradebook";
import { getAssignment } from "@/lib/assignments/service";
import { canManageAssignment } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

// GET /assignments/<id>/gradebook: the CSV gradebook, for the course's instructors only.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in first.\n", { status: 401 });
  const { id } = await params;
  try {
    const prisma = getPrisma();
    const assignment = await getAssignment(prisma, viewer, id);
    if (!canManageAssignment(viewer, assignment)) throw new NotFoundError();
    const csv = gradebookCsv(assignment.title, await assignmentResults(prisma, viewer, assignment));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${gradebookFileName(assignment.title)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError)
      return new Response("Assignment not found.\n", { status: 404 });
    throw error;
  }
}
