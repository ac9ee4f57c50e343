"use client";

import dynamic from "next/dynamic";

// Tiptap and ProseMirror are about 130 kB of gzipped JavaScript, two thirds of what the reader
// would otherwise download before anyone opens an editor. They load when an editor first opens
// (the editor renders nothing on the server anyway: `immediatelyRender: false`).
export const NoteEditor = dynamic(
  () => import("./NoteEditor").then((module) => module.NoteEditor),
  {
    ssr: false,
    loading: () => <div className="note-editor" aria-busy="true" />,
  },
);
