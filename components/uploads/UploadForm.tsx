"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

// Bring a document: a file, pasted text, or a FRUS / Wilson Center reference. Sent with
// XMLHttpRequest so the page shows the upload's progress, then "Reading…" while the server
// unpacks and imports it (a 300-page PDF takes a while); a FRUS volume asks which document.

type Mode = "file" | "text" | "reference";
type Choice = { id: string; title: string };
type Phase = { step: "idle" } | { step: "sending"; percent: number } | { step: "reading" };

export function UploadForm({
  courseId,
  reviewBase,
  revises,
  limitMb,
}: {
  /** null: the public library (site admins). */
  courseId: string | null;
  /** Where the review screen of a new draft lives: `${reviewBase}/<slug>`. */
  reviewBase: string;
  revises?: string;
  limitMb: number;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("file");
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const id = (name: string) => `${name}-${revises ?? "new"}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File && file.size > limitMb * 1024 * 1024) {
      setError(`${file.name} is larger than ${limitMb} MB, the limit per file.`);
      return;
    }
    setError(null);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/documents");
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setPhase({
          step: "sending",
          percent: Math.round((progress.loaded / progress.total) * 100),
        });
    };
    request.upload.onload = () => setPhase({ step: "reading" });
    request.onerror = () => {
      setPhase({ step: "idle" });
      setError("The upload did not reach Memcon. Check your connection and try again.");
    };
    request.onload = () => {
      let answer: {
        draft?: { slug: string };
        documents?: Choice[];
        error?: { message: string };
      } = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        // fall through to the generic message
      }
      if (request.status === 201 && answer.draft) {
        router.push(`${reviewBase}/${answer.draft.slug}`);
        return;
      }
      setPhase({ step: "idle" });
      if (answer.documents) setChoices(answer.documents);
      setError(answer.error?.message ?? "The document could not be read. Try again.");
    };
    setPhase({ step: "sending", percent: 0 });
    request.send(form);
  }

  const busy = phase.step !== "idle";
  return (
    <form className="upload-form" onSubmit={submit} aria-busy={busy}>
      {courseId && <input type="hidden" name="courseId" value={courseId} />}
      {revises && <input type="hidden" name="revises" value={revises} />}
      {!revises && (
        <fieldset className="upload-modes">
          <legend>Bring it as</legend>
          {(
            [
              ["file", "A file"],
              ["text", "Pasted text"],
              ["reference", "A FRUS or Wilson Center reference"],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setChoices(null);
                  setError(null);
                }}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {mode === "file" && (
        <p>
          <label htmlFor={id("file")}>File</label>
          <input
            id={id("file")}
            name="file"
            type="file"
            required
            accept=".txt,.md,.xml,.docx,.pdf,text/plain,text/markdown,application/xml,text/xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={() => setChoices(null)}
          />
          <span className="meta">
            Text (.txt), a Memcon content file (.md), FRUS TEI XML (one document or a whole volume),
            Word (.docx) or a PDF with a text layer; up to {limitMb} MB.
          </span>
        </p>
      )}
      {mode === "text" && (
        <p>
          <label htmlFor={id("text")}>Text of the document</label>
          <textarea id={id("text")} name="text" rows={10} required />
          <span className="meta">
            A transcript with speaker labels (“Liao: …”) after a bold title line, a memorandum or a
            cable, as copied from the archive.
          </span>
        </p>
      )}
      {mode === "reference" && (
        <p>
          <label htmlFor={id("reference")}>Reference</label>
          <input
            id={id("reference")}
            name="reference"
            type="text"
            required
            placeholder="frus1958-60v18/d143"
          />
          <span className="meta">
            A FRUS document id or history.state.gov address, or a Wilson Center Digital Archive
            document address.
          </span>
        </p>
      )}
      {choices && (
        <p>
          <label htmlFor={id("document")}>Which document of this volume?</label>
          <select id={id("document")} name="document" required>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.title}
              </option>
            ))}
          </select>
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="upload-actions">
        <button type="submit" disabled={busy}>
          {revises ? "Upload the corrected version" : choices ? "Read this document" : "Read it"}
        </button>
        <span role="status" aria-live="polite" className="upload-progress">
          {phase.step === "sending" && (
            <>
              Uploading… <progress max={100} value={phase.percent} /> {phase.percent}%
            </>
          )}
          {phase.step === "reading" && (
            <>
              Reading the document… <progress />
            </>
          )}
        </span>
      </p>
    </form>
  );
}
