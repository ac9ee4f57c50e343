import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { setSiteRoleAction } from "@/app/actions/courses";
import { ActionForm } from "@/components/courses/CourseForms";
import { canManageInstructors } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { listUsers } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";

export const metadata: Metadata = { title: "Administration" };
export const dynamic = "force-dynamic";

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin");
  if (!canManageInstructors(viewer)) notFound();
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, 100_000) : 1;
  const { users, total, pages } = await listUsers(getPrisma(), viewer, page);
  return (
    <section>
      <h1>People</h1>
      <p>Instructors may create courses; administrators also manage who is an instructor.</p>
      <p>
        <a href="/admin/lti">Learning platforms (LTI)</a>: Canvas, Moodle and others that launch
        Memcon.
      </p>
      {pages > 1 && (
        <nav aria-label="Pages of people" className="pager">
          Page {page} of {pages} ({total} people){" "}
          {page > 1 && <a href={`/admin?page=${page - 1}`}>Previous</a>}{" "}
          {page < pages && <a href={`/admin?page=${page + 1}`}>Next</a>}
        </nav>
      )}
      <table className="roster">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Site role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>
                {user.id === viewer.userId ? (
                  user.siteRole
                ) : (
                  <ActionForm action={setSiteRoleAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <label htmlFor={`role-${user.id}`} className="visually-hidden">
                      Site role of {user.name ?? user.email}
                    </label>
                    <select id={`role-${user.id}`} name="role" defaultValue={user.siteRole}>
                      <option value="user">user</option>
                      <option value="instructor">instructor</option>
                      <option value="admin">admin</option>
                    </select>
                    <button type="submit" className="secondary">
                      Save
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
