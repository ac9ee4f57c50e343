import net from "node:net";

/** Resolve true when nothing listens on `port` (we can bind it ourselves). */
export function isPortFree(port, host = "0.0.0.0") {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

/** First free port at or above `start` (free on every interface and on loopback). */
export async function findFreePort(start = 3100) {
  for (let port = start; port < start + 500; port++) {
    if ((await isPortFree(port)) && (await isPortFree(port, "127.0.0.1"))) return port;
  }
  throw new Error(`No free port between ${start} and ${start + 499}.`);
}
