import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { deepLinkChoices, returnOrigin } from "@/lib/lti/deep-linking";
import { LtiError } from "@/lib/lti/errors";
import { DEEP_LINK_RESPONSE_PATH, RETURN_ORIGIN_PARAM } from "@/lib/lti/frame";

export const metadata: Metadata = { title: "Add Memcon to your course" };
export const dynamic = "force-dynamic";

/** The deep-linking picker: what the platform's "add content" puts in the course. */
export default async function DeepLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/lti/deep-link/${id}`)}`);
  let choices;
  try {
    choices = await deepLinkChoices(getPrisma(), viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof LtiError)
      return (
        <section>
          <h1>Add Memcon to your course</h1>
          <p role="alert">{error.message}</p>
        </section>
      );
    throw error;
  }
  const { error } = await searchParams;
  const zone = await viewerTimeZone("UTC");
  const action = `${DEEP_LINK_RESPONSE_PATH}?${RETURN_ORIGIN_PARAM}=${encodeURIComponent((await returnOrigin(getPrisma(), id)) ?? "")}`;
  const readings = choices.documents.map((document) => (
    <option key={document.slug} value={document.slug}>
      {document.date ? `${document.date} — ` : ""}
      {document.title}
    </option>
  ));
  return (
    <section className="lti-picker">
      <h1>Add Memcon to {choices.course.title}</h1>
      <p>
        Choose what {choices.platform} links to. Graded assignments send their scores (out of 4)
        back to the course&apos;s gradebook.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}

      <form method="post" action={action} className="panel stack-form">
        <h2>A new assignment</h2>
        <input type="hidden" name="request" value={choices.id} />
        <input type="hidden" name="kind" value="new" />
        <input type="hidden" name="timeZone" value={zone} />
        <div className="form-field">
          <label htmlFor="new-title">Title</label>
          <input id="new-title" name="title" required minLength={3} maxLength={120} />
        </div>
        <div className="form-field">
          <label htmlFor="new-reading">Reading</label>
          <select id="new-reading" name="documentSlug" required>
            {readings}
          </select>
        </div>
        <fieldset className="form-field">
          <legend>Passage (optional, turn numbers as shown in the reader)</legend>
          <label htmlFor="new-from">From turn</label>{" "}
          <input id="new-from" name="passageFrom" inputMode="numeric" size={5} />{" "}
          <label htmlFor="new-to">to turn</label>{" "}
          <input id="new-to" name="passageTo" inputMode="numeric" size={5} />
        </fieldset>
        <div className="form-field">
          <label htmlFor="new-due">Due ({zone})</label>
          <input id="new-due" name="dueAt" type="datetime-local" required />
        </div>
        <button type="submit">Create and add the assignment</button>
      </form>

      {choices.assignments.length > 0 && (
        <form method="post" action={action} className="panel stack-form">
          <h2>An assignment of this course</h2>
          <input type="hidden" name="request" value={choices.id} />
          <input type="hidden" name="kind" value="assignment" />
          <div className="form-field">
            <label htmlFor="existing-assignment">Assignment</label>
            <select id="existing-assignment" name="assignmentId" required>
              {choices.assignments.map((assignment) => (
                <option key={assignment.id} value={assignment.id}>
                  {assignment.title} ({assignment.document.title})
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Add the assignment</button>
        </form>
      )}

      <form method="post" action={action} className="panel stack-form">
        <h2>A reading or a passage, without a grade</h2>
        <input type="hidden" name="request" value={choices.id} />
        <input type="hidden" name="kind" value="reading" />
        <div className="form-field">
          <label htmlFor="reading-document">Reading</label>
          <select id="reading-document" name="documentSlug" required>
            {readings}
          </select>
        </div>
        <fieldset className="form-field">
          <legend>Passage (optional)</legend>
          <label htmlFor="reading-from">From turn</label>{" "}
          <input id="reading-from" name="passageFrom" inputMode="numeric" size={5} />{" "}
          <label htmlFor="reading-to">to turn</label>{" "}
          <input id="reading-to" name="passageTo" inputMode="numeric" size={5} />
        </fieldset>
        <button type="submit">Add the reading</button>
      </form>
    </section>
  );
}
