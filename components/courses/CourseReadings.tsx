import Link from "next/link";

/** The course's own documents (brought by its instructors), beside the public library. */
export function CourseReadings({
  courseId,
  canManage,
  documents,
}: {
  courseId: string;
  canManage: boolean;
  documents: { slug: string; title: string }[];
}) {
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
