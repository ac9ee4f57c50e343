// What the live channel heard, for replica reads (lib/db/read.ts). lib/live/listener.ts registers
// itself here when it starts listening for good (instrumentation.ts, with a replica configured):
// lib/db sits below lib/live and does not import it.

/** The primary's WAL position at the newest change announced to this process; undefined while
 * not listening (then nobody can tell what a replica lacks). */
type ChangeWatch = () => bigint | undefined;
const globalForWatch = globalThis as unknown as { memconChangeWatch?: ChangeWatch };

export function setChangeWatch(watch: ChangeWatch): void {
  globalForWatch.memconChangeWatch = watch;
}

export function heardLsn(): bigint | undefined {
  return globalForWatch.memconChangeWatch?.();
}
