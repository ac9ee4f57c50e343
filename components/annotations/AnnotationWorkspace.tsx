"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  createAnnotationAction,
  deleteAnnotationAction,
  hideAnnotationAction,
  restoreAnnotationAction,
  updateAnnotationAction,
} from "@/app/actions/annotations";
import { selectionToTurnRange, type TurnPoint } from "@/lib/annotations/dom-selection";
import type { Visibility } from "@/lib/annotations/types";
import { NoteEditor } from "./NoteEditor";
import type { Audience, PanelAnnotation } from "./types";

interface Props {
  documentSlug: string;
  signedIn: boolean;
  annotations: PanelAnnotation[];
  audience: Audience;
}

type Draft =
  | { mode: "new"; range: { start: TurnPoint; end: TurnPoint }; quote: string }
  | { mode: "edit"; annotation: PanelAnnotation };

/**
 * The reader's annotation layer: turns a selection (mouse, touch or keyboard) into a new note,
 * lists the notes of the turns in view in a side panel, and lets authors edit, delete (with
 * undo) and instructors hide. Highlights themselves are rendered by the server.
 */
export function AnnotationWorkspace({ documentSlug, signedIn, annotations, audience }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<{
    range: { start: TurnPoint; end: TurnPoint };
    quote: string;
    rect: DOMRect;
  } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [activeIds, setActiveIds] = useState<string[]>([]);
  const [visible, setVisible] = useState<Set<number>>(new Set());
  const [keyboardMode, setKeyboardMode] = useState(false);
  const [deleted, setDeleted] = useState<PanelAnnotation[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const captureSelection = useCallback(() => {
    const selection = window.getSelection();
    const range = selectionToTurnRange(selection);
    if (!range || !selection) return setPending(null);
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    setPending({ range, quote: selection.toString(), rect });
  }, []);

  const openEditorForSelection = useCallback(() => {
    const range = selectionToTurnRange(window.getSelection());
    if (!range) {
      setMessage("Select some words of the transcript first.");
      return;
    }
    setDraft({ mode: "new", range, quote: window.getSelection()?.toString() ?? "" });
    setPending(null);
    setKeyboardMode(false);
  }, []);

  // Selections made with the mouse or by touch.
  useEffect(() => {
    if (!signedIn) return;
    const onUp = () => setTimeout(captureSelection, 0);
    document.addEventListener("mouseup", onUp);
    document.addEventListener("touchend", onUp);
    document.addEventListener("keyup", onUp);
    return () => {
      document.removeEventListener("mouseup", onUp);
      document.removeEventListener("touchend", onUp);
      document.removeEventListener("keyup", onUp);
    };
  }, [signedIn, captureSelection]);

  // Keyboard: "v" on a focused turn starts a caret there; Shift+arrows extend (Ctrl: by word);
  // Enter or "a" annotates; Escape leaves. "a" also annotates any selection outside that mode.
  useEffect(() => {
    if (!signedIn) return;
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true'], .note-editor"))
        return;
      const selection = window.getSelection();
      if (keyboardMode && selection) {
        const granularity = event.ctrlKey || event.altKey ? "word" : "character";
        const moves: Record<string, [string, string]> = {
          ArrowRight: ["forward", granularity],
          ArrowLeft: ["backward", granularity],
          ArrowDown: ["forward", "line"],
          ArrowUp: ["backward", "line"],
        };
        const move = moves[event.key];
        if (move) {
          event.preventDefault();
          selection.modify(event.shiftKey ? "extend" : "move", move[0], move[1]);
          return;
        }
        if (event.key === "Escape") {
          setKeyboardMode(false);
          return;
        }
        if (event.key === "Enter") {
          event.preventDefault();
          openEditorForSelection();
          return;
        }
      }
      if (event.key === "v" && !event.ctrlKey && !event.metaKey) {
        const turn = (document.activeElement as HTMLElement | null)?.closest(".transcript > .turn");
        const utterance = turn?.querySelector(".utterance");
        if (utterance && selection) {
          event.preventDefault();
          const walker = document.createTreeWalker(utterance, NodeFilter.SHOW_TEXT);
          const first = walker.nextNode();
          if (first) selection.collapse(first, 0);
          setKeyboardMode(true);
        }
        return;
      }
      if (
        event.key === "a" &&
        !event.ctrlKey &&
        !event.metaKey &&
        selection &&
        !selection.isCollapsed
      ) {
        event.preventDefault();
        openEditorForSelection();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [signedIn, keyboardMode, openEditorForSelection]);

  // Highlights: hovering, focusing or clicking one brings its notes forward in the panel.
  useEffect(() => {
    function activate(event: Event) {
      const mark = (event.target as HTMLElement | null)?.closest<HTMLElement>("mark.hl");
      if (mark?.dataset.ids) setActiveIds(mark.dataset.ids.split(" "));
    }
    document.addEventListener("mouseover", activate);
    document.addEventListener("focusin", activate);
    document.addEventListener("click", activate);
    return () => {
      document.removeEventListener("mouseover", activate);
      document.removeEventListener("focusin", activate);
      document.removeEventListener("click", activate);
    };
  }, []);

  // Which turns are on screen, so the panel follows the reading.
  useEffect(() => {
    const seen = new Set<number>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const anchor = Number((entry.target as HTMLElement).id.slice(2));
        if (entry.isIntersecting) seen.add(anchor);
        else seen.delete(anchor);
      }
      setVisible(new Set(seen));
    });
    document.querySelectorAll(".transcript > .turn").forEach((turn) => observer.observe(turn));
    return () => observer.disconnect();
  }, [annotations]);

  return (
    <aside className="annotation-panel" aria-labelledby="panel-heading">
      <h2 id="panel-heading">Annotations</h2>
      {!signedIn && (
        <p>
          <a href={`/signin?callbackUrl=${encodeURIComponent(`/documents/${documentSlug}`)}`}>
            Sign in
          </a>{" "}
          to annotate and to see your class&apos;s notes.
        </p>
      )}
      {signedIn && (
        <p className="hint">
          Select words, then press <kbd>a</kbd> or the Annotate button. Keyboard: focus a turn (
          <kbd>j</kbd>/<kbd>k</kbd>), press <kbd>v</kbd>, extend with <kbd>Shift</kbd>+arrows, then{" "}
          <kbd>Enter</kbd>.
        </p>
      )}
      <p role="status" className="panel-status">
        {keyboardMode
          ? "Keyboard selection: Shift+arrows to extend, Enter to annotate, Escape to leave."
          : message}
      </p>

      {pending && !draft && (
        <button
          type="button"
          className="annotate-button"
          style={{
            top: pending.rect.bottom + window.scrollY + 6,
            left: pending.rect.left + window.scrollX,
          }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={openEditorForSelection}
        >
          Annotate
        </button>
      )}

      {draft && (
        <EditorForm
          key={
            draft.mode === "edit"
              ? draft.annotation.id
              : `${draft.range.start.turnAnchor}:${draft.range.start.offset}`
          }
          draft={draft}
          audience={audience}
          onCancel={() => setDraft(null)}
          onSave={async (values) => {
            const outcome =
              draft.mode === "new"
                ? await createAnnotationAction({ documentSlug, selection: draft.range, ...values })
                : await updateAnnotationAction(documentSlug, draft.annotation.id, {
                    version: draft.annotation.version,
                    ...values,
                  });
            if (!outcome.ok) return outcome.error;
            setDraft(null);
            setMessage(draft.mode === "new" ? "Annotation saved." : "Changes saved.");
            window.getSelection()?.removeAllRanges();
            router.refresh();
            return null;
          }}
        />
      )}

      <AnnotationList
        annotations={annotations}
        activeIds={activeIds}
        visible={visible}
        deleted={deleted}
        onEdit={(annotation) => setDraft({ mode: "edit", annotation })}
        onDelete={async (annotation) => {
          const outcome = await deleteAnnotationAction(documentSlug, annotation.id);
          if (!outcome.ok) return setMessage(outcome.error);
          setDeleted((list) => [...list, annotation]);
          setMessage("Annotation deleted. You can undo this for 10 minutes.");
          router.refresh();
        }}
        onUndo={async (annotation) => {
          const outcome = await restoreAnnotationAction(documentSlug, annotation.id);
          if (!outcome.ok) return setMessage(outcome.error);
          setDeleted((list) => list.filter((item) => item.id !== annotation.id));
          setMessage("Annotation restored.");
          router.refresh();
        }}
        onHide={async (annotation) => {
          const outcome = await hideAnnotationAction(
            documentSlug,
            annotation.id,
            !annotation.hidden,
          );
          setMessage(
            outcome.ok
              ? annotation.hidden
                ? "Shown to the class again."
                : "Hidden from the class."
              : outcome.error,
          );
          router.refresh();
        }}
      />
    </aside>
  );
}

interface EditorValues {
  body: unknown;
  tags: string[];
  visibility: Visibility;
  courseId: string | null;
  groupId: string | null;
}

function EditorForm({
  draft,
  audience,
  onSave,
  onCancel,
}: {
  draft: Draft;
  audience: Audience;
  onSave: (values: EditorValues) => Promise<string | null>;
  onCancel: () => void;
}) {
  const existing = draft.mode === "edit" ? draft.annotation : null;
  // New notes start private; assignments (when they exist) will preset their course.
  const defaultAudience = existing
    ? audienceKey(existing.visibility, existing.courseId, existing.groupId)
    : "private";
  const [body, setBody] = useState<unknown>(existing?.body);
  const [tags, setTags] = useState(existing?.tags.join(", ") ?? "");
  const [choice, setChoice] = useState(defaultAudience);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit() {
    setSaving(true);
    setError(null);
    const [visibility, id] = choice.split(":") as [Visibility, string | undefined];
    const group =
      visibility === "group" ? audience.groups.find((item) => item.id === id) : undefined;
    const message = await onSave({
      body,
      tags: tags
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
      visibility,
      courseId: visibility === "course" ? (id ?? null) : null,
      groupId: group?.id ?? null,
    }).catch(() => "The server could not be reached. Your note is kept here; try again.");
    setSaving(false);
    if (message) setError(message);
  }

  return (
    <form
      ref={formRef}
      className="editor-form"
      aria-label={existing ? "Edit annotation" : "New annotation"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{existing ? "Edit annotation" : "New annotation"}</h3>
      <blockquote className="quote">
        {existing?.quote ?? (draft.mode === "new" ? draft.quote : "")}
      </blockquote>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <NoteEditor
        label="Your note"
        initialContent={existing?.body}
        onChange={setBody}
        onSubmitShortcut={() => void submit()}
      />
      <div className="form-field">
        <label htmlFor="annotation-tags">Tags</label>
        <p id="annotation-tags-hint" className="field-hint">
          Separate tags with commas.
        </p>
        <input
          id="annotation-tags"
          aria-describedby="annotation-tags-hint"
          value={tags}
          onChange={(event) => setTags(event.target.value)}
          placeholder="bluff, security treaty"
        />
      </div>
      <div className="form-field">
        <label htmlFor="annotation-audience">Who can see it</label>
        <select
          id="annotation-audience"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          <option value="private">Only me</option>
          {audience.groups.map((group) => (
            <option key={group.id} value={`group:${group.id}`}>
              Group: {group.name} ({group.courseTitle})
            </option>
          ))}
          {audience.courses.map((course) => (
            <option key={course.id} value={`course:${course.id}`}>
              Course: {course.title}
            </option>
          ))}
          <option value="public">Everyone signed in</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function audienceKey(
  visibility: Visibility,
  courseId: string | null,
  groupId: string | null,
): string {
  if (visibility === "course" && courseId) return `course:${courseId}`;
  if (visibility === "group" && groupId) return `group:${groupId}`;
  return visibility;
}

const VISIBILITY_LABELS: Record<Visibility, string> = {
  private: "Only me",
  group: "Group",
  course: "Course",
  public: "Everyone",
};

function AnnotationList({
  annotations,
  activeIds,
  visible,
  deleted,
  onEdit,
  onDelete,
  onUndo,
  onHide,
}: {
  annotations: PanelAnnotation[];
  activeIds: string[];
  visible: Set<number>;
  deleted: PanelAnnotation[];
  onEdit: (annotation: PanelAnnotation) => void;
  onDelete: (annotation: PanelAnnotation) => void;
  onUndo: (annotation: PanelAnnotation) => void;
  onHide: (annotation: PanelAnnotation) => void;
}) {
  const [inView, setInView] = useState(true);
  const [author, setAuthor] = useState("");
  const [tag, setTag] = useState("");
  const [visibility, setVisibility] = useState("");
  const [mine, setMine] = useState(false);
  const authors = useMemo(
    () => [...new Set(annotations.map((item) => item.authorName))].sort(),
    [annotations],
  );
  const tags = useMemo(
    () => [...new Set(annotations.flatMap((item) => item.tags))].sort(),
    [annotations],
  );

  const placed = annotations.filter((item) => !item.orphaned);
  const orphans = annotations.filter((item) => item.orphaned);
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

  return (
    <section aria-label="Annotation list">
      <fieldset className="panel-filters">
        <legend>Filter</legend>
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

      {deleted.map((item) => (
        <p key={item.id} className="deleted-note">
          Deleted your note on “{item.quote.slice(0, 40)}”.{" "}
          <button type="button" className="link-button" onClick={() => onUndo(item)}>
            Undo
          </button>
        </p>
      ))}

      <p className="meta">
        {shown.length} of {placed.length} annotation{placed.length === 1 ? "" : "s"}
      </p>
      <ol className="annotation-list">
        {shown.map((item) => (
          <AnnotationCard
            key={item.id}
            annotation={item}
            active={activeIds.includes(item.id)}
            onEdit={onEdit}
            onDelete={onDelete}
            onHide={onHide}
          />
        ))}
      </ol>

      {orphans.length > 0 && (
        <section aria-labelledby="orphans-heading" className="orphans">
          <h3 id="orphans-heading">Could not be placed ({orphans.length})</h3>
          <p className="meta">The document was revised and these passages were not found again.</p>
          <ol className="annotation-list">
            {orphans.map((item) => (
              <AnnotationCard
                key={item.id}
                annotation={item}
                active={false}
                onEdit={onEdit}
                onDelete={onDelete}
                onHide={onHide}
              />
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

function AnnotationCard({
  annotation,
  active,
  onEdit,
  onDelete,
  onHide,
}: {
  annotation: PanelAnnotation;
  active: boolean;
  onEdit: (annotation: PanelAnnotation) => void;
  onDelete: (annotation: PanelAnnotation) => void;
  onHide: (annotation: PanelAnnotation) => void;
}) {
  const audience =
    annotation.visibility === "course"
      ? `Course: ${annotation.courseTitle}`
      : annotation.visibility === "group"
        ? `Group: ${annotation.groupName}`
        : VISIBILITY_LABELS[annotation.visibility];
  return (
    <li
      className={`annotation-card${active ? " annotation-card--active" : ""}`}
      data-annotation={annotation.id}
    >
      <p className="card-meta">
        <strong>{annotation.authorName}</strong> · {audience}
        {annotation.hidden && <span className="badge badge--reference"> Hidden by instructor</span>}
        {annotation.anchors[0] !== undefined && (
          <>
            {" "}
            · <a href={`#t-${annotation.anchors[0]}`}>¶{annotation.anchors[0]}</a>
          </>
        )}
      </p>
      <blockquote className="quote">{annotation.quote}</blockquote>
      <div className="note-body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
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
        {annotation.mine && (
          <>
            <button type="button" className="link-button" onClick={() => onEdit(annotation)}>
              Edit
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
      </div>
    </li>
  );
}
