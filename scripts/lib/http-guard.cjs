// Preloaded into `next start` (node --require), it sees every request before Next.js does:
//  - it stamps the request with the TCP peer's address in `x-memcon-peer`, replacing any such
//    header a client sent. Next.js hands route handlers and server actions the headers but not
//    the socket, and fills X-Forwarded-For with the peer only when the client sent none, so
//    without this a forged X-Forwarded-For could not be told from a real one
//    (lib/security/client-address.ts);
//  - it answers TRACE, TRACK and CONNECT with 405: Next.js builds a fetch Request for its proxy,
//    and fetch cannot represent those methods, so they were a 500 before any of our code ran.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload
const http = require("node:http");

const PEER_HEADER = "x-memcon-peer";
const UNREPRESENTABLE = new Set(["TRACE", "TRACK", "CONNECT"]);

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitGuarded(event, request, response, ...rest) {
  if ((event === "request" || event === "upgrade") && request && request.headers) {
    request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
    if (event === "request" && UNREPRESENTABLE.has(String(request.method).toUpperCase())) {
      response.writeHead(405, {
        Allow: "GET, HEAD, POST",
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
      });
      response.end(`${request.method} is not supported here.\n`);
      return true;
    }
  }
  return emit.call(this, event, request, response, ...rest);
};
