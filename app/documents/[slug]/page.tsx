import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CiteTurn } from "@/components/reader/CiteTurn";
import { DocumentHeader } from "@/components/reader/DocumentHeader";
import { DocumentJsonLd } from "@/components/reader/DocumentJsonLd";
import { ExportMenu } from "@/components/reader/ExportMenu";
import { OtherEditions } from "@/components/reader/OtherEditions";
import { ShareOfTalk } from "@/components/reader/ShareOfTalk";
import { Transcript, type Footnote } from "@/components/reader/Transcript";
import { TurnNavigator } from "@/components/reader/TurnNavigator";
import { LinkPassage } from "@/components/links/LinkPassage";
import { PassageLinks } from "@/components/links/PassageLinks";
import { AnnotationWorkspace } from "@/components/annotations/AnnotationWorkspace";
import { DraftScopeProvider } from "@/components/annotations/DraftScopeProvider";
import { audienceFor, toPanelIndex } from "@/lib/reader/panel";
import { listDocumentIndex } from "@/lib/annotations/service";
import { ReaderAssignment } from "@/components/assignments/ReaderAssignment";
import { postingGate, type PostingGate } from "@/lib/assignments/gate";
import { readerAssignment } from "@/lib/assignments/queries";
import { viewerTimeZone } from "@/lib/assignments/viewer-zone";
import type { Viewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { highwireTags } from "@/lib/citations/embedded";
import { pageSite } from "@/lib/citations/page-site";
import { byTurn, notesFromOtherEditions } from "@/lib/reader/edition-notes";
import { otherEditions } from "@/lib/editions/other-editions";
import { getPrisma } from "@/lib/db";
import { toJsonOf } from "@/lib/format/json-of";
import { getReadPrisma } from "@/lib/db/read";
import { readerLinks } from "@/lib/links/reader";
import { getReadableDocument } from "@/lib/library/document";
import { speakerColour } from "@/lib/library/speaker-colours";
import { shareOfTalkOnce } from "@/lib/library/share-of-talk";
import { filterBySpeaker } from "@/lib/library/speaker-filter";
import { peopleByParticipant } from "@/lib/people/queries";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const document = await getReadableDocument((await params).slug, await getViewer());
  if (!document) return { title: "Document not found" };
  // Highwire citation_* tags: what Zotero and Google Scholar read from the page.
  return { title: document.title, other: highwireTags(document, await pageSite()) };
}

/**
 * `?assignment=<id>`: the assignment pinned in the panel, its passage marked, new notes shared
 * with its course. `&author=<userId>`: the panel opens on that author's notes. Also explains
 * when an assignment holds classmates' notes back until the viewer has posted.
 */
async function assignmentContext(
  viewer: Viewer | null,
  documentId: string,
  query: Record<string, string | string[] | undefined>,
  gate: PostingGate,
) {
  if (!viewer) return { data: null, pinned: null, authorName: undefined };
  const prisma = getPrisma();
  const data =
    typeof query.assignment === "string"
      ? await readerAssignment(prisma, viewer, query.assignment, documentId)
      : null;
  const zone = await viewerTimeZone(data?.assignment.timeZone ?? "UTC");
  const author =
    data?.assignment.canManage && typeof query.author === "string"
      ? await prisma.user.findUnique({ where: { id: query.author }, select: { name: true } })
      : null;
  const pinned = (
    <>
      {data && <ReaderAssignment data={data} zone={zone} />}
      {gate.gated.has(documentId) && (
        <p className="gate-notice" role="note">
          Your classmates’ annotations on this document appear once you have shared one of your own
          with the course (an assignment rule).
        </p>
      )}
    </>
  );
  return { data, pinned, authorName: author?.name ?? undefined };
}

export default async function ReaderPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const viewer = await getViewer();
  const document = await getReadableDocument((await params).slug, viewer);
  if (!document) notFound();
  const query = await searchParams;
  const requested = query.speaker;
  const speaker = document.participants.find((participant) => participant.key === requested);
  const byId = new Map(document.participants.map((participant) => [participant.id, participant]));
  const speaking = document.participants.filter((participant) =>
    document.turns.some((turn) => turn.speakerId === participant.id),
  );
  const shares = shareOfTalkOnce(document.turns, document.participants);
  const turnsOf = new Map(shares.map((share) => [share.speakerId, share.turns]));
  const shown = filterBySpeaker(document.turns, speaker?.id);
  // Asked once: it filters the panel and explains itself in the pinned notice.
  // The notes from the read replica when there is one (lib/db/read.ts).
  const reads = await getReadPrisma();
  const gate = await postingGate(reads, viewer, [document]);
  // The page's loads depend on nothing but the document, the viewer and the gate: asked together,
  // so a render waits for the slowest of them rather than for their sum.
  const [people, rows, audience, reading, linked, { editions, fromEditions }] = await Promise.all([
    // Each participant's person page and authority record (names link to /people/<slug>).
    peopleByParticipant(getPrisma(), viewer),
    // Every readable note's place and filters; the panel loads the cards it shows.
    listDocumentIndex(reads, viewer, document.id, { gate }),
    audienceFor(reads, viewer),
    assignmentContext(viewer, document.id, query, gate),
    readerLinks(viewer, document.id),
    otherEditions(document, viewer).then(async (editions) => ({
      editions,
      fromEditions: byTurn(await notesFromOtherEditions(getPrisma(), viewer, document, editions)),
    })),
  ]);
  const { index, spansByTurn } = toPanelIndex(rows, viewer);
  const passage = reading.data?.assignment;
  const inPassage = (anchor: number) =>
    passage?.firstAnchor != null &&
    passage.lastAnchor != null &&
    anchor >= passage.firstAnchor &&
    anchor <= passage.lastAnchor;

  return (
    <div className="reader-layout">
      <article className="reader">
        <DocumentHeader
          document={document}
          people={new Map([...people].map(([id, person]) => [id, person.slug]))}
        />
        {viewer && <ExportMenu href={`/api/documents/${document.slug}/annotations`} />}
        <DocumentJsonLd
          document={document}
          site={await pageSite()}
          people={
            new Map(
              document.participants.flatMap((participant) => {
                const person = people.get(participant.id);
                return person ? [[participant.name, person] as const] : [];
              }),
            )
          }
        />
        <ShareOfTalk
          shares={shares}
          speakers={document.participants}
          dialogue={document.shape === "dialogue"}
        />
        <OtherEditions slug={document.slug} editions={editions} />
        <PassageLinks slug={document.slug} links={linked.links} />
        {speaking.length > 0 && (
          <nav className="speaker-filter" aria-label="Show the turns of one speaker">
            <span>Speakers:</span>
            <Link href={`/documents/${document.slug}`} aria-current={speaker ? undefined : "page"}>
              All turns
            </Link>
            {speaking.map((participant) => (
              <Link
                key={participant.id}
                href={`/documents/${document.slug}?speaker=${encodeURIComponent(participant.key)}`}
                aria-current={participant.id === speaker?.id ? "page" : undefined}
                style={{ "--speaker": speakerColour(participant.position) } as React.CSSProperties}
                className="speaker-chip"
              >
                {document.shape === "dialogue"
                  ? (participant.label ?? participant.name)
                  : participant.name}{" "}
                <span className="chip-count">
                  {turnsOf.get(participant.id)}
                  <span className="visually-hidden"> turns</span>
                </span>
              </Link>
            ))}
          </nav>
        )}
        <p className="hint reader-keys">
          Press <kbd>j</kbd> and <kbd>k</kbd> to move between turns; each number is a permalink.
        </p>
        <Transcript
          footnotes={document.footnotes as unknown as Footnote[]}
          items={shown.map((item) =>
            item.type === "turn"
              ? {
                  ...item,
                  speaker: item.turn.speakerId ? byId.get(item.turn.speakerId) : undefined,
                  spans: spansByTurn.get(item.turn.anchor),
                  inPassage: inPassage(item.turn.anchor),
                  links: linked.refs.get(item.turn.anchor),
                  editionNotes: fromEditions.get(item.turn.anchor),
                }
              : { ...item, href: `/documents/${document.slug}#t-${item.from}` },
          )}
        />
        <TurnNavigator />
        <CiteTurn slug={document.slug} />
        {linked.targets && (
          <LinkPassage slug={document.slug} documents={linked.documents} targets={linked.targets} />
        )}
      </article>
      <DraftScopeProvider userId={viewer?.userId ?? null} documentSlug={document.slug}>
        <AnnotationWorkspace
          documentSlug={document.slug}
          signedIn={viewer !== null}
          index={toJsonOf(index)}
          audience={audience}
          pinned={reading.pinned}
          defaultAudience={passage ? `course:${passage.courseId}` : undefined}
          initialAuthor={reading.authorName}
          teaching={audience.courses.filter(
            (course) => viewer?.courses.get(course.id) === "instructor",
          )}
        />
      </DraftScopeProvider>
    </div>
  );
}
