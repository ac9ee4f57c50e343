import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { formatIsoDate } from "@/lib/library/dates";
import { readablePeople } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "People" };

/** Everyone who takes part in the documents the viewer may read, with how much and when. */
export default async function PeoplePage() {
  const people = await readablePeople(getPrisma(), await getViewer());
  return (
    <article className="people-index">
      <h1>People</h1>
      <p className="meta">
        {people.length} {people.length === 1 ? "person takes" : "people take"} part in the documents
        of the library. Each is listed once under the fullest name the documents use; open one to
        read everything they said.
      </p>
      <ol className="people-list">
        {people.map((person) => {
          const aliases = person.names
            .map((name) => name.form)
            .filter((form) => form !== person.name);
          return (
            <li key={person.slug} className="person-card">
              <h2>
                <Link href={`/people/${person.slug}`}>{person.name}</Link>
              </h2>
              {aliases.length > 0 && (
                <p className="person-aliases">
                  <span className="visually-hidden">Also named: </span>
                  {aliases.join(" · ")}
                </p>
              )}
              <p className="meta">
                {person.documents.length} {person.documents.length === 1 ? "document" : "documents"}
                {" · "}
                {person.turns} {person.turns === 1 ? "turn" : "turns"}
                {person.first && (
                  <>
                    {" · "}
                    <time dateTime={person.first}>{formatIsoDate(person.first)}</time>
                    {person.last && person.last !== person.first && (
                      <>
                        {" – "}
                        <time dateTime={person.last}>{formatIsoDate(person.last)}</time>
                      </>
                    )}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
