"use client";

import { useEffect, useId, useRef, useState } from "react";

// "Export notes": a disclosure button that opens a short list of download links, one per format.
// A disclosure rather than an ARIA menu: the choices are ordinary links (the browser downloads
// them: the server answers with Content-Disposition and a file name that says what the file
// holds), reachable with Tab, and Escape or a click elsewhere closes the list.

const FORMATS = [
  { format: "md", label: "Notes as Markdown", hint: "reading notes, for a paper or a wiki" },
  { format: "csv", label: "Spreadsheet (CSV)", hint: "one row per note and reply" },
  {
    format: "jsonld",
    label: "W3C Web Annotation (JSON-LD)",
    hint: "the open standard, for other annotation tools",
  },
] as const;

export function ExportMenu({
  href,
  label = "Export notes",
  scope = "The notes you can read here, with their replies.",
}: {
  /** The export route; each link adds ?format=… */
  href: string;
  label?: string;
  /** One sentence saying what the files hold. */
  scope?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    // On a phone the button can sit at the bottom of the screen: bring the choices into view.
    panel.current?.scrollIntoView({ block: "nearest" });
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="secondary export-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        <span aria-hidden="true" className="export-menu__caret">
          {open ? "▴" : "▾"}
        </span>
      </button>
      <div id={panelId} ref={panel} className="export-menu__panel" hidden={!open}>
        <p className="export-menu__scope">{scope}</p>
        <ul>
          {FORMATS.map(({ format, label: name, hint }) => (
            <li key={format}>
              {/* The link is named by the format alone; the hint is its description. */}
              <a
                href={`${href}?format=${format}`}
                download
                aria-describedby={`${panelId}-${format}`}
                onClick={() => setOpen(false)}
              >
                <span className="export-menu__name">{name}</span>
                <span className="export-menu__hint" id={`${panelId}-${format}`} aria-hidden="true">
                  {hint}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
