"use client";

import { fetchIndex } from "@/lib/reader/fetch-answers";
import { useRouter } from "next/navigation";
import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createAnnotationAction } from "@/app/actions/annotations";
import { selectionToTurnRange } from "@/lib/browser/dom-selection";
import { repaintHighlights } from "@/components/reader/repaint-highlights";
import { AnnotationList } from "./AnnotationList";
import { DraftEditor } from "./DraftEditor";
import { LiveUpdates } from "./LiveUpdates";
import { foldChanges, patchIndex, type LiveChange } from "./live-change";
import type { CardsGeneration } from "./useCards";
import { patchHighlights } from "@/components/reader/patch-highlights";
import { fromJsonOf, type JsonOf } from "@/lib/format/json-of";
import type { Audience, Draft, PanelIndexEntry } from "@/lib/reader/types";
import { useCardActions } from "./useCardActions";
import { DraftScope } from "./useLocalDraft";
import { useRestoredDraft } from "./useRestoredDraft";
import { SelectionAdder, type TeachingCourse } from "./SelectionAdder";
import { isTyping, useKeyboardSelection } from "./useKeyboardSelection";
import {
  anchorOfTurn,
  TURN_SELECTOR,
  useHighlightActivation,
  useLastTurn,
  useVisibleTurns,
} from "./useReaderTracking";
import { useTextSelection } from "./useTextSelection";

interface Props {
  documentSlug: string;
  signedIn: boolean;
  /** Every note the viewer may read (the panel loads the cards it shows), as JSON (json-of.ts). */
  index: JsonOf<PanelIndexEntry[]>;
  audience: Audience;
  /** Pinned above the notes: the assignment the reader was opened for, or a notice. */
  pinned?: ReactNode;
  /** New notes start with this audience (an assignment's course); otherwise "only me". */
  defaultAudience?: string;
  /** Start the list filtered to one author (the dashboard's "open in context"). */
  initialAuthor?: string;
  /** Courses the viewer teaches: the adder offers to make an assignment on a passage. */
  teaching?: TeachingCourse[];
}

/**
 * The reader's annotation layer: turns a selection (mouse, touch or keyboard) into a new note,
 * lists the notes of the turns in view in a side panel (their cards loaded as they are shown), and lets authors edit, delete (with
 * undo) and instructors hide. Highlights themselves are rendered by the server.
 */
export function AnnotationWorkspace({
  documentSlug,
  signedIn,
  index: pageIndexJson,
  audience,
  pinned,
  defaultAudience,
  initialAuthor,
  teaching = [],
}: Props) {
  const router = useRouter();
  const pageIndex = useMemo(() => fromJsonOf(pageIndexJson), [pageIndexJson]);
  // The page's index, or a newer one patched by classmates' changes heard live; a refresh of the
  // page (after the reader's own change) starts from the page's again. `stale`: the notes whose
  // cards must load again (null: all of them).
  const [live, setLive] = useState<{
    from: PanelIndexEntry[];
    index: PanelIndexEntry[];
    stale: CardsGeneration;
  } | null>(null);
  const index = live?.from === pageIndex ? live.index : pageIndex;
  const cardsGeneration = live?.from === pageIndex ? live.stale : pageIndex;
  const onLiveChange = useCallback(
    async (changes: LiveChange[] | null) => {
      if (changes) {
        // What changed, for this reader only: patch the index and repaint the turns concerned.
        const folded = foldChanges(changes);
        patchHighlights(folded.upserts, folded.removed);
        setLive((previous) => ({
          from: pageIndex,
          index: patchIndex(previous?.from === pageIndex ? previous.index : pageIndex, folded),
          stale: { stale: new Set([...folded.upserts.keys(), ...folded.removed, ...folded.cards]) },
        }));
        return;
      }
      try {
        const answer = await fetchIndex(documentSlug);
        repaintHighlights(answer.spans);
        setLive({ from: pageIndex, index: answer.index, stale: {} });
      } catch {
        router.refresh(); // the index could not be fetched: the whole page then
      }
    },
    [documentSlug, pageIndex, router],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cardActions = useCardActions(documentSlug, setMessage);
  // On a narrow screen the panel is a sheet over the page, opened by its button, by tapping a
  // highlight and by the editor; on a wide one it is always beside the text.
  const [sheetOpen, setSheetOpen] = useState(false);
  // After a save, the new note's card takes the focus once it has loaded.
  const [focusId, setFocusId] = useState<string | null>(null);
  // After a reload, reopen the editor on the note this device still keeps.
  useRestoredDraft(useContext(DraftScope), index, (restored) => {
    setDraft(restored);
    setSheetOpen(true);
    setMessage("Your unsaved note is back in the editor.");
  });

  const lastTurn = useLastTurn();
  const visible = useVisibleTurns(index);
  const activeIds = useHighlightActivation(useCallback(() => setSheetOpen(true), []));
  const [selection, clearSelection] = useTextSelection(signedIn);

  function openEditor(next: Draft) {
    setDraft(next);
    setSheetOpen(true);
    setMessage(null);
  }

  function discussTurn() {
    const turns = [...document.querySelectorAll<HTMLElement>(TURN_SELECTOR)];
    const turn =
      lastTurn.current ?? turns.find((element) => visible.has(anchorOfTurn(element))) ?? turns[0];
    const text = turn?.querySelector(".utterance")?.textContent ?? "";
    if (!turn || !text)
      return setMessage("Choose a turn first: click it, or move to it with j and k.");
    const turnAnchor = anchorOfTurn(turn);
    openEditor({
      mode: "new",
      range: { start: { turnAnchor, offset: 0 }, end: { turnAnchor, offset: text.length } },
      quote: text,
    });
  }

  // The adder's buttons act on the selection as it was when it appeared: a tap on a phone may
  // already have collapsed the live one.
  const annotateSelection = useCallback(() => {
    const chosen = selection ?? currentSelection();
    if (!chosen) return setMessage("Select some words of the transcript first.");
    setDraft({ mode: "new", range: chosen.range, quote: chosen.quote });
    setSheetOpen(true);
    setMessage(null);
    clearSelection();
    window.getSelection()?.removeAllRanges();
  }, [selection, clearSelection]);

  const highlightSelection = useCallback(async () => {
    const chosen = selection ?? currentSelection();
    if (!chosen) return setMessage("Select some words of the transcript first.");
    clearSelection();
    window.getSelection()?.removeAllRanges();
    const outcome = await createAnnotationAction({
      documentSlug,
      selection: chosen.range,
      motivation: "highlighting",
      visibility: "private",
    }).catch(() => ({
      ok: false as const,
      error: "The highlight could not be saved: no answer from Memcon. Try again.",
    }));
    if (!outcome.ok) return setMessage(outcome.error);
    setMessage("Highlighted. Only you can see your highlights.");
    router.refresh();
  }, [selection, clearSelection, documentSlug, router]);

  const keyboardMode = useKeyboardSelection(signedIn && !draft, {
    annotate: annotateSelection,
    highlight: () => void highlightSelection(),
  });

  // Escape closes the sheet (the editor handles its own keys).
  useEffect(() => {
    if (!sheetOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !isTyping(event.target) && !draft) setSheetOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [sheetOpen, draft]);

  const assignmentHref = (courseId: string) => {
    const range = selection?.range;
    const query = new URLSearchParams({ document: documentSlug });
    if (range) {
      query.set("from", String(range.start.turnAnchor));
      query.set("to", String(range.end.turnAnchor));
    }
    return `/courses/${encodeURIComponent(courseId)}/assignments/new?${query}`;
  };

  return (
    <>
      {selection && !draft && (
        <SelectionAdder
          selection={selection}
          onAnnotate={annotateSelection}
          onHighlight={() => void highlightSelection()}
          teaching={teaching}
          assignmentHref={assignmentHref}
        />
      )}
      <button
        type="button"
        className="panel-toggle"
        aria-expanded={sheetOpen}
        aria-controls="annotation-panel"
        onClick={() => setSheetOpen(true)}
      >
        Annotations ({index.length})
      </button>
      <aside
        id="annotation-panel"
        className="annotation-panel"
        data-open={sheetOpen ? "true" : undefined}
        aria-labelledby="panel-heading"
      >
        <div className="panel-head">
          <h2 id="panel-heading">Annotations</h2>
          <button
            type="button"
            className="panel-close secondary"
            onClick={() => setSheetOpen(false)}
          >
            Close
          </button>
        </div>
        {pinned}
        {!signedIn && (
          <p>
            <a href={`/signin?callbackUrl=${encodeURIComponent(`/documents/${documentSlug}`)}`}>
              Sign in
            </a>{" "}
            to annotate and to see your class&apos;s notes.
          </p>
        )}
        {signedIn && <LiveUpdates documentSlug={documentSlug} onChange={onLiveChange} />}
        <p role="status" className="panel-status">
          {keyboardMode
            ? "Keyboard selection: Shift+arrows to extend, Enter to annotate, Escape to leave."
            : message}
        </p>

        {draft && (
          <DraftEditor
            draft={draft}
            documentSlug={documentSlug}
            audience={audience}
            defaultAudience={defaultAudience}
            onCancel={() => setDraft(null)}
            onSaved={(saved, savedFocus) => {
              setDraft(null);
              setMessage(saved);
              setFocusId(savedFocus);
              window.getSelection()?.removeAllRanges();
              router.refresh();
            }}
          />
        )}

        {signedIn && !draft && (
          <>
            <div className="discuss-actions">
              <button type="button" className="secondary" onClick={() => discussTurn()}>
                Discuss a whole turn
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => openEditor({ mode: "document" })}
              >
                Discuss the whole document
              </button>
            </div>
            <details className="panel-help">
              <summary>How to annotate</summary>
              <p className="hint">
                Select words in the text: <strong>Annotate</strong> and <strong>Highlight</strong>{" "}
                appear beside them. Keyboard: focus a turn (<kbd>j</kbd>/<kbd>k</kbd>), press{" "}
                <kbd>v</kbd>, extend with <kbd>Shift</kbd>
                +arrows, then <kbd>Enter</kbd> (or <kbd>a</kbd> to annotate, <kbd>h</kbd> to
                highlight).
              </p>
            </details>
          </>
        )}

        <AnnotationList
          documentSlug={documentSlug}
          index={index}
          cardsGeneration={cardsGeneration}
          initialAuthor={initialAuthor}
          activeIds={activeIds}
          visible={visible}
          deleted={cardActions.deleted}
          focusId={focusId}
          onFocused={() => setFocusId(null)}
          onEdit={(annotation) => openEditor({ mode: "edit", annotation })}
          onDelete={cardActions.onDelete}
          onUndo={cardActions.onUndo}
          onHide={cardActions.onHide}
        />
      </aside>
    </>
  );
}

/** The selection as it is now (a keyboard selection made without the adder's help). */
function currentSelection() {
  const live = window.getSelection();
  const range = selectionToTurnRange(live);
  return range && live ? { range, quote: live.toString() } : null;
}
