"use client";

import { useActionState } from "react";
import { decideEditionsAction } from "@/app/actions/editions";
import type { FormState } from "@/lib/http/form-state";

/** An editor's buttons on a pair of editions: confirm, reject, or withdraw the decision. */
export function EditionDecision({
  slug,
  other,
  status,
}: {
  slug: string;
  other: string;
  status: "confirmed" | "suggested" | "rejected";
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(decideEditionsAction, {});
  return (
    <form action={action} className="edition-decision">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="other" value={other} />
      {status === "suggested" ? (
        <>
          <button type="submit" name="decision" value="confirmed" disabled={pending}>
            Confirm editions
          </button>
          <button
            type="submit"
            name="decision"
            value="rejected"
            className="secondary"
            disabled={pending}
          >
            Not an edition
          </button>
        </>
      ) : (
        <button
          type="submit"
          name="decision"
          value="undecided"
          className="secondary"
          disabled={pending}
        >
          Withdraw the decision
        </button>
      )}
      {state.error && <span role="alert">{state.error}</span>}
      {state.notice && <span role="status">{state.notice}</span>}
    </form>
  );
}
