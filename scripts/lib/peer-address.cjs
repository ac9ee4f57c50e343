// Preloaded into `next start` (node --require): stamps every request with the address of the
// TCP peer in the `x-memcon-peer` header, replacing any such header a client sent. Next.js hands
// route handlers and server actions the headers but not the socket, and it fills
// X-Forwarded-For with the peer only when the client sent none, so without this a forged
// X-Forwarded-For would be indistinguishable from a real one (lib/security/client-address.ts).
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const http = require("node:http");

const PEER_HEADER = "x-memcon-peer";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if ((event === "request" || event === "upgrade") && request && request.headers) {
    request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
  }
  return emit.call(this, event, request, ...rest);
};
