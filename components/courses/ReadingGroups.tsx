import { addGroupMemberAction, removeGroupMemberAction } from "@/app/actions/courses";
import type { CourseView } from "@/lib/courses/service";
import { cleanDisplayName } from "@/lib/text/display-names";
import { ActionForm, CreateGroupForm } from "./CourseForms";

/** The course's reading groups: all of them for instructors (who change them), one's own else. */
export function ReadingGroups({ course }: { course: CourseView }) {
  return (
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
                  .filter((member) => !group.members.some(({ user }) => user.id === member.user.id))
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
  );
}
