/**
 * A body read whole, or null once it passes `limitBytes`. Counted while streaming, so a sender
 * that lies about (or omits) Content-Length cannot make the server buffer more than the limit.
 * Used for API bodies, uploads and fetched references alike.
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
): Promise<Buffer<ArrayBuffer> | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      // Not awaited: when the body is a branch of a copied (tee'd) stream, as when the proxy has
      // read it too, cancelling settles only once every copy is cancelled, which may be never.
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
