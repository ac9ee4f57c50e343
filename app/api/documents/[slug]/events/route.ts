import { jsonError } from "@/lib/http/respond";
import { requireApiViewer } from "@/lib/http/api-viewer";
import { getPrisma } from "@/lib/db";
import { documentBySlug } from "@/lib/library/lookup";
import { forBrowsers } from "@/lib/live/channel";
import { subscribe } from "@/lib/live/listener";
import { isChangeVisible } from "@/lib/annotations/live-visibility";

export const dynamic = "force-dynamic";

/**
 * Server-sent events for one document: "changed" when an annotation or reply appears, changes or
 * goes; "reconnected" after the server lost and regained the database. Events carry no ids and
 * no text; the browser reloads the discussion through the permission-checked page. Signed-in
 * readers only: nobody else is shown any annotation.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requireApiViewer(request);
  if (viewer instanceof Response) return viewer;
  const { slug } = await params;
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
      try {
        stop = await subscribe(document.id, (event) => {
          if ("reconnected" in event) return send("reconnected", {});
          // Only changes to notes this reader may read: the timing of others is theirs.
          void isChangeVisible(getPrisma(), viewer, event)
            .then((visible) => visible && send("changed", forBrowsers(event)))
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
}
