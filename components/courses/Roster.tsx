import { removeMemberAction } from "@/app/actions/courses";
import type { CourseView } from "@/lib/courses/service";
import { cleanDisplayName } from "@/lib/text/display-names";
import { ActionForm } from "./CourseForms";

type RosterMember = NonNullable<CourseView["roster"]>[number];

/** The course's members, for its instructors; `warnings` flags names that could pass for another's. */
export function Roster({
  courseId,
  roster,
  warnings,
}: {
  courseId: string;
  roster: RosterMember[];
  warnings: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">Roster ({roster.length})</h2>
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
          {roster.map((member) => (
            <tr key={member.user.id}>
              <td>
                {cleanDisplayName(member.user.name ?? "")}
                {warnings.has(member.user.id) && (
                  <span className="name-warning" role="note">
                    {warnings.get(member.user.id)}
                  </span>
                )}
              </td>
              <td>{member.user.email}</td>
              <td>{member.role}</td>
              <td>{member.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                {member.role === "student" && (
                  <ActionForm action={removeMemberAction}>
                    <input type="hidden" name="courseId" value={courseId} />
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
  );
}
