import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { LtiCourseLink } from "@/components/lti/LtiLinks";
import {
  addGroupMemberAction,
  regenerateCodeAction,
  removeGroupMemberAction,
  removeMemberAction,
} from "@/app/actions/courses";
import { ActionForm, CreateGroupForm } from "@/components/courses/CourseForms";
import { ExportMenu } from "@/components/reader/ExportMenu";
import { passageLabel } from "@/components/assignments/AssignmentFacts";
import { formatInZone } from "@/lib/format/zoned-time";
import { courseAssignments } from "@/lib/assignments/queries";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getViewer } from "@/lib/auth/viewer";
import { formatJoinCode } from "@/lib/courses/join-code";
import { getCourse } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { linkedPlatformName } from "@/lib/lti/linked-platform";
import { cleanDisplayName, nameWarnings } from "@/lib/text/display-names";
import { foundOr404, requirePageViewer } from "@/lib/http/page";
import { courseDocuments } from "@/lib/uploads/drafts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Course" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadCourse(id: string) {
  const viewer = await requirePageViewer(`/courses/${id}`);
  return foundOr404(getCourse(getPrisma(), viewer, id));
}

async function AssignmentsSection({
  courseId,
  canManage,
}: {
  courseId: string;
  canManage: boolean;
}) {
  const viewer = (await getViewer())!;
  const assignments = await courseAssignments(getPrisma(), viewer, courseId);
  const zone = await viewerTimeZone("UTC");
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      {assignments.length === 0 && <p>No assignments yet.</p>}
      <ul className="assignment-list">
        {assignments.map((assignment) => (
          <li key={assignment.id}>
            <Link href={`/assignments/${assignment.id}`}>{assignment.title}</Link>{" "}
            <span className="meta">
              {assignment.document.title}, {passageLabel(assignment)} · due{" "}
              {formatInZone(assignment.dueAt, zone)}
              {assignment.closedAt && " · closed"}
            </span>
          </li>
        ))}
      </ul>
      {canManage && (
        <p>
          <Link href={`/courses/${courseId}/assignments/new`} className="button-link">
            New assignment
          </Link>{" "}
          <Link href={`/courses/${courseId}/audit`}>Audit log</Link>
        </p>
      )}
    </section>
  );
}

/** The course's own documents (brought by its instructors), beside the public library. */
async function CourseReadings({ courseId, canManage }: { courseId: string; canManage: boolean }) {
  const documents = await courseDocuments(getPrisma(), await getViewer(), courseId);
  if (documents.length === 0 && !canManage) return null;
  return (
    <section aria-labelledby="readings-heading">
      <h2 id="readings-heading">Course documents</h2>
      {documents.length === 0 ? (
        <p>None yet: the course reads the public library.</p>
      ) : (
        <ul className="upload-list">
          {documents.map((document) => (
            <li key={document.slug}>
              <Link href={`/documents/${document.slug}`}>{document.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <p>
          <Link href={`/courses/${courseId}/documents`} className="button-link">
            Add or review documents
          </Link>
        </p>
      )}
    </section>
  );
}

export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const course = await loadCourse((await params).id);
  const joined = (await searchParams).joined;
  const host = (await headers()).get("host") ?? "localhost:3000";
  const protocol = process.env.AUTH_URL?.startsWith("https") ? "https" : "http";
  // Names that could pass for someone else's (look-alike letters, mixed scripts) are flagged.
  const rosterWarnings = nameWarnings(
    (course.roster ?? []).map((member) => ({ id: member.user.id, name: member.user.name })),
  );
  return (
    <div className="course">
      <p className="eyebrow">
        {course.term} · you are{" "}
        {course.role === "instructor"
          ? "an instructor"
          : course.role === "student"
            ? "a student"
            : "an administrator"}
      </p>
      <h1>{course.title}</h1>
      {course.canManage && (
        <ExportMenu
          href={`/api/courses/${course.id}/annotations`}
          label="Export the course's notes"
          scope="Every note shared in this course, on every document, with its replies. Private notes stay private."
        />
      )}
      {joined && (
        <p role="status" className="form-notice">
          {joined === "already"
            ? "You are already a member of this course."
            : "Welcome: you have joined this course."}
        </p>
      )}

      <AssignmentsSection courseId={course.id} canManage={course.canManage} />
      {course.canManage && (
        <LtiCourseLink
          courseId={course.id}
          platform={await linkedPlatformName(getPrisma(), course.id)}
        />
      )}

      <CourseReadings courseId={course.id} canManage={course.canManage} />

      {course.canManage && course.joinCode && (
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">Invite students</h2>
          <p>
            Join code: <strong className="join-code">{formatJoinCode(course.joinCode)}</strong>
            {course.joinCodeExpiresAt && (
              <span className="meta">
                {" "}
                (valid until {course.joinCodeExpiresAt.toISOString().slice(0, 10)})
              </span>
            )}
          </p>
          <p>
            Invite link:{" "}
            <code className="invite-link">{`${protocol}://${host}/join/${course.joinCode}`}</code>
          </p>
          <ActionForm action={regenerateCodeAction}>
            <input type="hidden" name="courseId" value={course.id} />
            <label htmlFor="expiresInDays">New code valid for</label>
            <select id="expiresInDays" name="expiresInDays" defaultValue="0">
              <option value="0">no limit</option>
              <option value="7">7 days</option>
              <option value="30">30 days</option>
            </select>
            <button type="submit" className="secondary">
              Make a new code
            </button>
          </ActionForm>
        </section>
      )}

      {course.roster && (
        <section aria-labelledby="roster-heading">
          <h2 id="roster-heading">Roster ({course.roster.length})</h2>
          <table className="roster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {course.roster.map((member) => (
                <tr key={member.user.id}>
                  <td>
                    {cleanDisplayName(member.user.name ?? "")}
                    {rosterWarnings.has(member.user.id) && (
                      <span className="name-warning" role="note">
                        {rosterWarnings.get(member.user.id)}
                      </span>
                    )}
                  </td>
                  <td>{member.user.email}</td>
                  <td>{member.role}</td>
                  <td>{member.createdAt.toISOString().slice(0, 10)}</td>
                  <td>
                    {member.role === "student" && (
                      <ActionForm action={removeMemberAction}>
                        <input type="hidden" name="courseId" value={course.id} />
                        <input type="hidden" name="userId" value={member.user.id} />
                        <button
                          type="submit"
                          className="danger"
                          aria-label={`Remove ${member.user.name ?? member.user.email} from the course`}
                        >
                          Remove
                        </button>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{course.canManage ? "Reading groups" : "Your reading groups"}</h2>
        {course.groups.length === 0 && <p>No groups yet.</p>}
        {course.groups.map((group) => (
          <div key={group.id} className="group panel">
            <h3>{group.name}</h3>
            <ul>
              {group.members.map(({ user }) => (
                <li key={user.id}>
                  {cleanDisplayName(user.name ?? "")}
                  {course.canManage && (
                    <ActionForm action={removeGroupMemberAction}>
                      <input type="hidden" name="courseId" value={course.id} />
                      <input type="hidden" name="groupId" value={group.id} />
                      <input type="hidden" name="userId" value={user.id} />
                      <button
                        type="submit"
                        className="link-button"
                        aria-label={`Remove ${user.name} from ${group.name}`}
                      >
                        remove
                      </button>
                    </ActionForm>
                  )}
                </li>
              ))}
            </ul>
            {course.canManage && course.roster && (
              <ActionForm action={addGroupMemberAction}>
                <input type="hidden" name="courseId" value={course.id} />
                <input type="hidden" name="groupId" value={group.id} />
                <label htmlFor={`add-${group.id}`}>Add a student</label>
                <select id={`add-${group.id}`} name="userId" required>
                  {course.roster
                    .filter(
                      (member) => !group.members.some(({ user }) => user.id === member.user.id),
                    )
                    .map((member) => (
                      <option key={member.user.id} value={member.user.id}>
                        {member.user.name
                          ? `${cleanDisplayName(member.user.name)} (${member.user.email})`
                          : member.user.email}
                      </option>
                    ))}
                </select>
                <button type="submit" className="secondary">
                  Add
                </button>
              </ActionForm>
            )}
          </div>
        ))}
        {course.canManage && <CreateGroupForm courseId={course.id} />}
      </section>
    </div>
  );
}
