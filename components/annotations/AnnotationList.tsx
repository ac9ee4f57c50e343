"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { fullDateTime, relativeTime } from "@/lib/format/relative-time";
import type { Visibility } from "@/lib/annotations/types";
import { Thread } from "./Thread";
import { EndorseButton, HelpfulButton, LockButton, ResolveButton } from "./ThreadControls";
import type { PanelAnnotation, PanelIndexEntry } from "@/lib/reader/types";
import { useCards } from "./useCards";

/** Cards listed at once; "Show more" adds as many again. */
const PAGE = 50;

const VISIBILITY_LABELS: Record<Visibility, string> = {
  private: "Only me",
  group: "Group",
  course: "Course",
  public: "Everyone",
};

export function AnnotationList({
  documentSlug,
  index,
  activeIds,
  visible,
  deleted,
  onEdit,
  onDelete,
  onUndo,
  onHide,
  initialAuthor,
  focusId,
  onFocused,
}: {
  documentSlug: string;
  /** Every note the viewer may read; cards are loaded for those listed. */
  index: PanelIndexEntry[];
  /** Open filtered to one author, listing all their notes (not only the turns in view). */
  initialAuthor?: string;
  activeIds: string[];
  visible: Set<number>;
  deleted: PanelAnnotation[];
  onEdit: (annotation: PanelAnnotation) => void;
  onDelete: (annotation: PanelAnnotation) => void;
  onUndo: (annotation: PanelAnnotation) => void;
  onHide: (annotation: PanelAnnotation) => void;
  /** A note just saved: its card takes the focus when it has loaded. */
  focusId?: string | null;
  onFocused?: () => void;
}) {
  const [inView, setInView] = useState(!initialAuthor);
  const [author, setAuthor] = useState(initialAuthor ?? "");
  const [tag, setTag] = useState("");
  const [visibility, setVisibility] = useState("");
  const [mine, setMine] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const authors = useMemo(() => [...new Set(index.map((item) => item.authorName))].sort(), [index]);
  const tags = useMemo(() => [...new Set(index.flatMap((item) => item.tags))].sort(), [index]);

  const wholeDocument = index.filter((item) => item.documentLevel);
  const placed = index.filter((item) => !item.orphaned && !item.documentLevel);
  const orphans = index.filter((item) => item.orphaned && !item.documentLevel);
  const shown = placed.filter(
    (item) =>
      (!inView ||
        item.anchors.some((anchor) => visible.has(anchor)) ||
        activeIds.includes(item.id)) &&
      (!author || item.authorName === author) &&
      (!tag || item.tags.includes(tag)) &&
      (!visibility || item.visibility === visibility) &&
      (!mine || item.mine),
  );
  // Notes of the highlight the reader is on come first.
  shown.sort((a, b) => Number(activeIds.includes(b.id)) - Number(activeIds.includes(a.id)));
  const listed = shown.slice(0, limit);
  const { cards, error, retry } = useCards(
    documentSlug,
    [...wholeDocument, ...listed, ...orphans].map((item) => item.id),
    index,
  );
  const cardProps = { documentSlug, cards, onEdit, onDelete, onHide, focusId, onFocused };
  const activeFilters = [!inView, mine, author, tag, visibility].filter(Boolean).length;

  return (
    <section aria-label="Annotation list">
      <details className="panel-filter-box" open={Boolean(initialAuthor) || undefined}>
        <summary>Filter{activeFilters > 0 ? ` (${activeFilters} on)` : ""}</summary>
        <fieldset className="panel-filters">
          <legend className="visually-hidden">Filter the annotations</legend>
          <label>
            <input
              type="checkbox"
              checked={inView}
              onChange={(event) => setInView(event.target.checked)}
            />{" "}
            Only the turns in view
          </label>
          <label>
            <input
              type="checkbox"
              checked={mine}
              onChange={(event) => setMine(event.target.checked)}
            />{" "}
            Only mine
          </label>
          <label htmlFor="filter-author">Author</label>
          <select
            id="filter-author"
            value={author}
            onChange={(event) => setAuthor(event.target.value)}
          >
            <option value="">Anyone</option>
            {authors.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
          <label htmlFor="filter-tag">Tag</label>
          <select id="filter-tag" value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">Any</option>
            {tags.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
          <label htmlFor="filter-visibility">Shared with</label>
          <select
            id="filter-visibility"
            value={visibility}
            onChange={(event) => setVisibility(event.target.value)}
          >
            <option value="">Anyone</option>
            {Object.entries(VISIBILITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </fieldset>
      </details>

      {deleted.map((item) => (
        <p key={item.id} className="deleted-note">
          Deleted your note on “{item.quote.slice(0, 40)}”.{" "}
          <button type="button" className="link-button" onClick={() => onUndo(item)}>
            Undo
          </button>
        </p>
      ))}

      {wholeDocument.length > 0 && (
        <section aria-labelledby="document-discussions-heading">
          <h3 id="document-discussions-heading">On the whole document ({wholeDocument.length})</h3>
          <CardList items={wholeDocument} activeIds={[]} {...cardProps} />
        </section>
      )}

      <p className="meta">
        {shown.length} of {placed.length} annotation{placed.length === 1 ? "" : "s"} on passages
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={retry}>
            Try again
          </button>
        </p>
      )}
      <CardList items={listed} activeIds={activeIds} {...cardProps} />
      {shown.length > listed.length && (
        <button type="button" className="secondary" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - listed.length)} more of {shown.length - listed.length}
        </button>
      )}

      {orphans.length > 0 && (
        <section aria-labelledby="orphans-heading" className="orphans">
          <h3 id="orphans-heading">Could not be placed ({orphans.length})</h3>
          <p className="meta">The document was revised and these passages were not found again.</p>
          <CardList items={orphans} activeIds={[]} {...cardProps} />
        </section>
      )}
    </section>
  );
}

/**
 * Annotation cards in a list; those in `activeIds` are emphasised. A card still loading shows
 * its author; one that is no longer readable is left out.
 */
function CardList({
  items,
  activeIds,
  cards,
  ...props
}: {
  items: PanelIndexEntry[];
  activeIds: string[];
  cards: ReadonlyMap<string, PanelAnnotation | null>;
  documentSlug: string;
  onEdit: (annotation: PanelAnnotation) => void;
  onDelete: (annotation: PanelAnnotation) => void;
  onHide: (annotation: PanelAnnotation) => void;
  focusId?: string | null;
  onFocused?: () => void;
}) {
  return (
    <ol className="annotation-list">
      {items.map((item) => {
        const card = cards.get(item.id);
        if (card === null) return null;
        return card ? (
          <AnnotationCard
            key={item.id}
            annotation={card}
            active={activeIds.includes(item.id)}
            {...props}
          />
        ) : (
          <li
            key={item.id}
            className="annotation-card annotation-card--loading"
            data-annotation={item.id}
            aria-busy="true"
          >
            <p className="card-meta">
              <strong>{item.authorName}</strong> · loading the note…
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function AnnotationCard({
  documentSlug,
  annotation,
  active,
  onEdit,
  onDelete,
  onHide,
  focusId,
  onFocused,
}: {
  documentSlug: string;
  annotation: PanelAnnotation;
  active: boolean;
  onEdit: (annotation: PanelAnnotation) => void;
  onDelete: (annotation: PanelAnnotation) => void;
  onHide: (annotation: PanelAnnotation) => void;
  focusId?: string | null;
  onFocused?: () => void;
}) {
  const card = useRef<HTMLLIElement>(null);
  const focusMe = focusId === annotation.id;
  useEffect(() => {
    if (!focusMe || !card.current) return;
    card.current.focus({ preventScroll: true });
    card.current.scrollIntoView({ block: "nearest" });
    onFocused?.();
  }, [focusMe, onFocused]);
  const audience =
    annotation.visibility === "course"
      ? `Course: ${annotation.courseTitle}`
      : annotation.visibility === "group"
        ? `Group: ${annotation.groupName}`
        : VISIBILITY_LABELS[annotation.visibility];
  return (
    <li
      ref={card}
      tabIndex={-1}
      className={`annotation-card${active ? " annotation-card--active" : ""}`}
      data-annotation={annotation.id}
      aria-label={`${annotation.highlight ? "Highlight" : "Note"} by ${annotation.authorName}`}
    >
      <p className="card-meta">
        <strong>{annotation.authorName}</strong> · {audience} ·{" "}
        <CardTime iso={annotation.createdAt} />
        {annotation.hidden && <span className="badge badge--reference"> Hidden by instructor</span>}
        {annotation.endorsed && <span className="badge"> Endorsed by instructor</span>}
        {annotation.resolved && <span className="badge badge--reference"> Resolved</span>}
        {annotation.locked && <span className="badge badge--reference"> Locked</span>}
        {annotation.originallyCreatedAt && (
          <span className="badge badge--reference">
            {" "}
            Imported · originally written {annotation.originallyCreatedAt.slice(0, 10)}
          </span>
        )}
        {annotation.anchors[0] !== undefined && (
          <>
            {" "}
            · <a href={`#t-${annotation.anchors[0]}`}>¶{annotation.anchors[0]}</a>
          </>
        )}
      </p>
      {annotation.quote && <blockquote className="quote">{annotation.quote}</blockquote>}
      {annotation.deleted ? (
        <p className="meta">Annotation deleted by its author; the discussion remains.</p>
      ) : annotation.highlight ? (
        <p className="meta">Highlight (no note). Only you can see it.</p>
      ) : (
        <div className="note-body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
      )}
      {annotation.tags.length > 0 && (
        <p className="tags">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <div className="card-actions">
        <HelpfulButton
          documentSlug={documentSlug}
          target={{ annotationId: annotation.id }}
          votes={annotation.votes}
          voted={annotation.voted}
          canVote={annotation.canVote}
        />
        {annotation.mine && (
          <>
            <button type="button" className="link-button" onClick={() => onEdit(annotation)}>
              {annotation.highlight ? "Add a note" : "Edit"}
            </button>
            <button type="button" className="link-button" onClick={() => onDelete(annotation)}>
              Delete
            </button>
          </>
        )}
        {annotation.canHide && (
          <button type="button" className="link-button" onClick={() => onHide(annotation)}>
            {annotation.hidden ? "Show to class" : "Hide from class"}
          </button>
        )}
        {annotation.canModerate && (
          <>
            <EndorseButton
              documentSlug={documentSlug}
              target={{ annotationId: annotation.id }}
              endorsed={annotation.endorsed}
            />
            <LockButton
              documentSlug={documentSlug}
              annotationId={annotation.id}
              locked={annotation.locked}
            />
          </>
        )}
        {annotation.canResolve && !annotation.highlight && (
          <ResolveButton
            documentSlug={documentSlug}
            annotationId={annotation.id}
            resolved={annotation.resolved}
          />
        )}
      </div>
      {/* A highlight is the reader's own mark: nothing to discuss until it has a note. */}
      {!annotation.highlight && (
        <Thread
          documentSlug={documentSlug}
          annotationId={annotation.id}
          replies={annotation.replies}
          locked={annotation.locked}
          canModerate={annotation.canModerate}
        />
      )}
    </li>
  );
}

/** "2 hours ago", with the full date on hover and for screen readers' "more" reading. */
function CardTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={fullDateTime(date)}>
      {relativeTime(date)}
    </time>
  );
}
