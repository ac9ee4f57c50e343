// Simulated readers for the bench's live phase: each holds the reader's event stream open
// (`GET /api/documents/<slug>/events`, as the browser's EventSource does) and notes when each
// change arrives. A browser applies a change it is sent without asking the server anything
// more (components/annotations/live-change.ts), so the readers send no other request.

export interface Arrival {
  reader: number;
  id: string;
  kind: "upsert" | "remove";
  at: number;
}

/** Open `tokens.length` streams; resolves once every one has said "ready". */
export async function openReaders(url: string, tokens: string[]) {
  const arrivals: Arrival[] = [];
  const controllers: AbortController[] = [];
  let failures = 0;
  await Promise.all(
    tokens.map(async (token, reader) => {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        failures += 1;
        return;
      }
      const stream = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let ready: () => void = () => {};
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await stream.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = block.match(/^event: (.*)$/m)?.[1];
              const data = block.match(/^data: (.*)$/m)?.[1];
              if (event === "ready") ready();
              if (event !== "changed" || !data) continue;
              const change = JSON.parse(data) as {
                upsert?: { entry: { id: string } };
                remove?: string;
              };
              const at = Date.now();
              if (change.upsert)
                arrivals.push({ reader, id: change.upsert.entry.id, kind: "upsert", at });
              else if (change.remove)
                arrivals.push({ reader, id: change.remove, kind: "remove", at });
            }
          }
        } catch {
          // closed by the bench
        }
        ready();
      })();
      await isReady;
    }),
  );
  return {
    arrivals,
    failures,
    close: () => controllers.forEach((controller) => controller.abort()),
  };
}
