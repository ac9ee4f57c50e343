"use client";

import { autoUpdate, computePosition, flip, hide, offset, shift } from "@floating-ui/dom";
import { useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { TranscriptSelection } from "./useTextSelection";

export interface TeachingCourse {
  id: string;
  title: string;
}

/** Room kept between the adder and the selection, and between the adder and the window's edges. */
const GAP = 8;

/**
 * The small toolbar that appears beside a selection of transcript words (as in Hypothesis):
 * Annotate, Highlight, and for instructors "Make an assignment on this passage". It is placed by
 * floating-ui in the window's coordinates, above the selection with a mouse and below it on a
 * touch screen (where the system's own selection menu sits above), flipped or shifted to stay in
 * the window, and follows the selection as the page scrolls.
 */
export function SelectionAdder({
  selection,
  onAnnotate,
  onHighlight,
  teaching,
  assignmentHref,
}: {
  selection: TranscriptSelection;
  onAnnotate: () => void;
  onHighlight: () => void;
  teaching: TeachingCourse[];
  assignmentHref: (courseId: string) => string;
}) {
  const floating = useRef<HTMLDivElement>(null);
  const [choosingCourse, setChoosingCourse] = useState(false);

  useLayoutEffect(() => {
    const element = floating.current;
    if (!element) return;
    const { domRange } = selection;
    const reference = {
      getBoundingClientRect: () => domRange.getBoundingClientRect(),
      getClientRects: () => domRange.getClientRects(),
      contextElement:
        domRange.startContainer instanceof Element
          ? domRange.startContainer
          : (domRange.startContainer.parentElement ?? undefined),
    };
    const coarse = window.matchMedia("(pointer: coarse)").matches;
    return autoUpdate(reference, element, () => {
      void computePosition(reference, element, {
        strategy: "fixed",
        placement: coarse ? "bottom" : "top",
        middleware: [offset(GAP), flip({ padding: GAP }), shift({ padding: GAP }), hide()],
      }).then(({ x, y, middlewareData }) => {
        Object.assign(element.style, {
          left: `${x}px`,
          top: `${y}px`,
          // Scrolled out of sight with its selection: hidden until it comes back.
          visibility: middlewareData.hide?.referenceHidden ? "hidden" : "visible",
        });
      });
    });
  }, [selection]);

  // Rendered only once a reader has selected words, so always in the browser.
  return createPortal(
    <div
      ref={floating}
      className="selection-adder"
      role="toolbar"
      aria-label="Selected words"
      style={{ position: "fixed", left: 0, top: 0 }}
      // Keep the selection: a press on the adder must not collapse it before the click.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" onClick={onAnnotate}>
        Annotate
      </button>
      <button type="button" className="secondary" onClick={onHighlight}>
        Highlight
      </button>
      {teaching.length === 1 && teaching[0] && (
        <a className="button-link secondary" href={assignmentHref(teaching[0].id)}>
          Make an assignment on this passage
        </a>
      )}
      {teaching.length > 1 && (
        <button
          type="button"
          className="secondary"
          aria-expanded={choosingCourse}
          onClick={() => setChoosingCourse((open) => !open)}
        >
          Make an assignment on this passage
        </button>
      )}
      {choosingCourse && (
        <ul className="adder-courses" aria-label="Course for the assignment">
          {teaching.map((course) => (
            <li key={course.id}>
              <a href={assignmentHref(course.id)}>{course.title}</a>
            </li>
          ))}
        </ul>
      )}
    </div>,
    document.body,
  );
}
