"use client";

import { useRouter } from "next/navigation";
import { useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import {
  createAnnotationAction,
  deleteAnnotationAction,
  hideAnnotationAction,
  restoreAnnotationAction,
  updateAnnotationAction,
} from "@/app/actions/annotations";
import { selectionToTurnRange, type TurnPoint } from "@/lib/annotations/dom-selection";
import type { Span } from "@/lib/annotations/segments";
import { repaintHighlights } from "@/components/reader/repaint-highlights";
import { AnnotationList } from "./AnnotationList";
import { EditorForm, type Draft } from "./EditorForm";
import { LiveUpdates } from "./LiveUpdates";
import type { Audience, PanelAnnotation, PanelIndexEntry } from "./types";
import { DraftScope, UnreachableError } from "./useLocalDraft";
import { useRestoredDraft } from "./useRestoredDraft";

interface Props {
  documentSlug: string;
  signedIn: boolean;
  /** Every note the viewer may read (the panel loads the cards it shows). */
  index: PanelIndexEntry[];
  audience: Audience;
  /** Pinned above the notes: the assignment the reader was opened for, or a notice. */
  pinned?: ReactNode;
  /** New notes start with this audience (an assignment's course); otherwise "only me". */
  defaultAudience?: string;
  /** Start the list filtered to one author (the dashboard's "open in context"). */
  initialAuthor?: string;
}

/**
 * The reader's annotation layer: turns a selection (mouse, touch or keyboard) into a new note,
 * lists the notes of the turns in view in a side panel (their cards loaded as they are shown), and lets authors edit, delete (with
 * undo) and instructors hide. Highlights themselves are rendered by the server.
 */
export function AnnotationWorkspace({
  documentSlug,
  signedIn,
  index: pageIndex,
  audience,
  pinned,
  defaultAudience,
  initialAuthor,
}: Props) {
  const router = useRouter();
  // The page's index, or a newer one fetched when a classmate's change was announced; a refresh
  // of the page (after the reader's own change) starts from the page's again.
  const [live, setLive] = useState<{ from: PanelIndexEntry[]; index: PanelIndexEntry[] } | null>(
    null,
  );
  const index = live?.from === pageIndex ? live.index : pageIndex;
  const onLiveChange = useCallback(async () => {
    try {
      const response = await fetch(`/api/documents/${encodeURIComponent(documentSlug)}/index`, {
        headers: { accept: "application/json" },
        cache: "no-store",
      });
      if (!response.ok) throw new Error(`index: ${response.status}`);
      const answer = (await response.json()) as {
        index: PanelIndexEntry[];
        spans: Record<string, Span[]>;
      };
      repaintHighlights(answer.spans);
      setLive({ from: pageIndex, index: answer.index });
    } catch {
      router.refresh(); // the index could not be fetched: the whole page then
    }
  }, [documentSlug, pageIndex, router]);
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
  // After a reload, reopen the editor on the note this device still keeps.
  useRestoredDraft(useContext(DraftScope), index, (restored) => {
    setDraft(restored);
    setMessage("Your unsaved note is back in the editor.");
  });

  // The turn a reader last focused or clicked: "Discuss a whole turn" starts there.
  const lastTurn = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (event: Event) => {
      const turn = (event.target as HTMLElement | null)?.closest<HTMLElement>(
        ".transcript > .turn",
      );
      if (turn) lastTurn.current = turn;
    };
    document.addEventListener("focusin", remember);
    document.addEventListener("click", remember);
    return () => {
      document.removeEventListener("focusin", remember);
      document.removeEventListener("click", remember);
    };
  }, []);

  function discussTurn() {
    const turns = [...document.querySelectorAll<HTMLElement>(".transcript > .turn")];
    const turn =
      lastTurn.current ??
      turns.find((element) => visible.has(Number(element.id.slice(2)))) ??
      turns[0];
    const text = turn?.querySelector(".utterance")?.textContent ?? "";
    if (!turn || !text)
      return setMessage("Choose a turn first: click it, or move to it with j and k.");
    const turnAnchor = Number(turn.id.slice(2));
    setDraft({
      mode: "new",
      range: { start: { turnAnchor, offset: 0 }, end: { turnAnchor, offset: text.length } },
      quote: text,
    });
  }

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
  }, [index]);

  return (
    <aside className="annotation-panel" aria-labelledby="panel-heading">
      <h2 id="panel-heading">Annotations</h2>
      {pinned}
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
      {signedIn && <LiveUpdates documentSlug={documentSlug} onChange={onLiveChange} />}
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
              : draft.mode === "document"
                ? "document"
                : `${draft.range.start.turnAnchor}:${draft.range.start.offset}:${draft.range.end.offset}`
          }
          draft={draft}
          audience={audience}
          defaultAudience={defaultAudience}
          onCancel={() => setDraft(null)}
          onSave={async (values) => {
            const outcome = await (
              draft.mode === "new"
                ? createAnnotationAction({ documentSlug, selection: draft.range, ...values })
                : draft.mode === "document"
                  ? createAnnotationAction({ documentSlug, scope: "document", ...values })
                  : updateAnnotationAction(documentSlug, draft.annotation.id, {
                      version: draft.annotation.version,
                      ...values,
                    })
            ).catch((error: unknown) => {
              throw new UnreachableError(String(error));
            });
            // No answer, or a failure on the server: the editor keeps the note and retries.
            if (!outcome.ok && outcome.code === "unavailable")
              throw new UnreachableError(outcome.error);
            if (!outcome.ok) return outcome.error;
            setDraft(null);
            setMessage(draft.mode === "edit" ? "Changes saved." : "Annotation saved.");
            window.getSelection()?.removeAllRanges();
            router.refresh();
            return null;
          }}
        />
      )}

      {signedIn && !draft && (
        <div className="discuss-actions">
          <button type="button" className="secondary" onClick={() => discussTurn()}>
            Discuss a whole turn
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setDraft({ mode: "document" })}
          >
            Discuss the whole document
          </button>
        </div>
      )}

      <AnnotationList
        documentSlug={documentSlug}
        index={index}
        initialAuthor={initialAuthor}
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
