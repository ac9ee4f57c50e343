"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** A site admin's "Move to the public library" for one course document. */
export function PromoteButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  async function promote() {
    if (!window.confirm("Move this document to the public library, where everyone reads it?"))
      return;
    const response = await fetch(`/api/documents/${encodeURIComponent(slug)}/promote`, {
      method: "POST",
    }).catch(() => null);
    const answer = await response?.json().catch(() => ({}));
    if (response?.ok) router.refresh();
    else setMessage(answer?.error?.message ?? "It could not be moved. Try again.");
  }
  return (
    <p className="upload-promote">
      <button type="button" className="secondary small" onClick={promote}>
        Move to the public library
      </button>{" "}
      <span role="status">{message}</span>
    </p>
  );
}
