import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuthorityForm } from "@/components/people/AuthorityForm";
import { Marked, shortened } from "@/components/people/Marked";
import { canEditPeople } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { formatIsoDate } from "@/lib/library/dates";
import { authorityLabel } from "@/lib/people/authority";
import { authorityOf } from "@/lib/people/authority-service";
import { personTurns, readablePerson, turnSearchSchema, TURN_LIMIT } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const person = await readablePerson(getPrisma(), await getViewer(), (await params).slug);
  return { title: person?.name ?? "Person not found" };
}

function When({ from, to }: { from: string | null; to: string | null }) {
  if (!from) return <span>undated</span>;
  return (
    <>
      <time dateTime={from}>{formatIsoDate(from)}</time>
      {to && to !== from && (
        <>
          {" – "}
          <time dateTime={to}>{formatIsoDate(to)}</time>
        </>
      )}
    </>
  );
}

/**
 * A person across the library: the names the documents use and why they are one person, offices
 * by date, documents on a timeline and everything they said (searchable with ?q=).
 */
export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const viewer = await getViewer();
  const prisma = getPrisma();
  const slug = (await params).slug;
  const person = await readablePerson(prisma, viewer, slug);
  if (!person) notFound();
  const raw = (await searchParams).q;
  const q = turnSearchSchema.parse(Array.isArray(raw) ? raw[0] : raw) || undefined;
  // An address made from another of their names: the page lives at the fullest name's.
  if (person.slug !== slug)
    redirect(`/people/${person.slug}${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  const [authority, said] = await Promise.all([
    authorityOf(prisma, person),
    personTurns(prisma, viewer, person, q),
  ]);
  // Two editions of one document share a title: the edition tells them apart.
  const shared = (title: string) =>
    person.documents.filter((document) => document.title === title).length > 1;
  const titles = new Map(
    person.documents.map((document) => [
      document.slug,
      shared(document.title) && document.edition
        ? `${document.title} (${document.edition})`
        : document.title,
    ]),
  );

  return (
    <article className="person-page">
      <p className="eyebrow">
        <Link href="/people">People</Link>
      </p>
      <h1>{person.name}</h1>
      <p className="meta">
        {person.documents.length} {person.documents.length === 1 ? "document" : "documents"} ·{" "}
        {person.turns} {person.turns === 1 ? "turn" : "turns"}
        {person.first && (
          <>
            {" · "}
            <When from={person.first} to={person.last} />
          </>
        )}
      </p>
      <p className="person-links">
        {authority ? (
          <a href={authority} rel="external">
            {authorityLabel(authority)}
          </a>
        ) : (
          <span>No authority record linked yet.</span>
        )}
        {" · "}
        <a href={`/api/people/${person.slug}`} download={`${person.slug}.json`}>
          Export as JSON
        </a>
      </p>
      {canEditPeople(viewer) && <AuthorityForm slug={person.slug} current={authority} />}

      <section aria-labelledby="names-title">
        <h2 id="names-title">Names in the documents</h2>
        <ul className="person-names">
          {person.names.map((name) => (
            <li key={name.form}>
              <strong>{name.form}</strong>
              {name.because && <span className="because"> — {name.because}</span>}
              {name.documents.length > 0 && (
                <span className="name-sources">
                  {" "}
                  (in <DocumentList slugs={name.documents} titles={titles} />)
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {person.offices.length > 0 && (
        <section aria-labelledby="offices-title">
          <h2 id="offices-title">Offices</h2>
          <ul className="person-offices">
            {person.offices.map((office) => (
              <li key={office.office}>
                <strong>{office.office}</strong>: <When from={office.from} to={office.to} />{" "}
                <span className="role">
                  (the participants list of <DocumentList slugs={office.slugs} titles={titles} />)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Documents</h2>
        <ol className="person-timeline">
          {person.documents.map((document) => (
            <li key={document.slug}>
              <span className="when">
                {document.date ? (
                  <time dateTime={document.date}>{formatIsoDate(document.date)}</time>
                ) : (
                  "Undated"
                )}
              </span>
              <Link href={`/documents/${document.slug}`}>{titles.get(document.slug)}</Link>
              <span className="meta">
                {document.office && <> · {document.office}</>} · {document.turns}{" "}
                {document.turns === 1 ? "turn" : "turns"}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="said-title">
        <h2 id="said-title">Everything {person.name} said</h2>
        <form
          method="get"
          action={`/people/${person.slug}`}
          role="search"
          className="person-search"
        >
          <label htmlFor="person-q">Search within {person.name}’s turns</label>
          <div className="person-search-row">
            <input id="person-q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
            <button type="submit">Search</button>
          </div>
        </form>
        <p className="meta" role="status">
          {q
            ? `${said.total} ${said.total === 1 ? "turn contains" : "turns contain"} “${q}”.`
            : `${said.total} ${said.total === 1 ? "turn" : "turns"}, in date order.`}
          {q && (
            <>
              {" "}
              <Link href={`/people/${person.slug}`}>Show all turns</Link>
            </>
          )}
          {said.total > TURN_LIMIT && ` The first ${TURN_LIMIT} are shown.`}
        </p>
        <ol className="person-turns">
          {said.turns.map((turn) => (
            <li key={`${turn.document.slug}#${turn.anchor}`} className="person-turn">
              <p className="turn-where">
                <Link href={`/documents/${turn.document.slug}`}>
                  {titles.get(turn.document.slug) ?? turn.document.title}
                </Link>
                {turn.document.date && (
                  <>
                    {", "}
                    <time dateTime={turn.document.date}>{formatIsoDate(turn.document.date)}</time>
                  </>
                )}
                {turn.pages.length > 0 && <>, p. {turn.pages.join("–")}</>}
              </p>
              {turn.before && (
                <p className="turn-before">
                  <span className="visually-hidden">The turn before: </span>
                  {turn.before.speaker && (
                    <span className="speaker-label">{turn.before.speaker}: </span>
                  )}
                  {shortened(turn.before.text)}
                </p>
              )}
              <blockquote className="turn-said">
                <p>
                  <Marked text={turn.text} query={q} />
                </p>
              </blockquote>
              <p className="turn-link">
                {/* A real navigation (not the client router), so the turn becomes the page's
                    :target, marked as the reader marks any permalink. */}
                <a href={`/documents/${turn.document.slug}#t-${turn.anchor}`}>
                  Turn {turn.anchor}
                  <span className="visually-hidden"> of {turn.document.title}</span>
                </a>
              </p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** Documents as links separated by semicolons, each under its title (with its edition if shared). */
function DocumentList({
  slugs,
  titles,
}: {
  slugs: readonly string[];
  titles: ReadonlyMap<string, string>;
}) {
  return slugs.map((slug, index) => (
    <span key={slug}>
      {index > 0 && "; "}
      <Link href={`/documents/${slug}`}>{titles.get(slug) ?? slug}</Link>
    </span>
  ));
}
