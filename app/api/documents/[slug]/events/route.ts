import { jsonError } from "@/lib/http/respond";
import { withApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { documentBySlug } from "@/lib/library/lookup";
import { changeFacts, changeFor, gateKeeper } from "@/lib/reader/live-changes";
import { subscribe } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

/**
 * Server-sent events for one document: "changed" when an annotation or reply appears, changes or
 * goes, with what changed for this reader (lib/reader/live-changes.ts: a readable note's index entry and
 * highlights, or the id of a note they could read that is gone; nothing at all about notes they
 * may not read); "reconnected" after the server lost and regained the database, when the browser
 * reloads its whole index. No note's words are sent: cards load through the checked cards route.
 * Signed-in readers only: nobody else is shown any annotation.
 */
export const GET = withApiViewer<{ slug: string }>(async ({ request, viewer, params }) => {
  const { slug } = params;
  const document = await documentBySlug(getPrisma(), slug, viewer);
  if (!document) return jsonError(404, "No document has that slug.");

  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) =>
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      // Browsers reconnect after 2 s when the stream drops.
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      const gate = gateKeeper(getPrisma(), viewer, document.id);
      try {
        stop = await subscribe(document.id, (event) => {
          if ("reconnected" in event) return send("reconnected", {});
          // Only changes to notes this reader may read: the timing of others is theirs. The
          // change is read once for every reader of the document; each check is in memory.
          void Promise.all([changeFacts(getPrisma(), event), gate()])
            .then(([facts, held]) => {
              const change = changeFor(viewer, held, facts);
              if (change) send("changed", change);
            })
            .catch(() => {});
        });
      } catch {
        send("unavailable", { message: "Live updates are unavailable; reload to see new notes." });
        controller.close();
        return;
      }
      send("ready", {});
      // Keeps proxies from closing an idle stream.
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(": keep-alive\n\n")), 25_000);
      request.signal.addEventListener("abort", () => {
        clearInterval(heartbeat);
        stop?.();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      clearInterval(heartbeat);
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
