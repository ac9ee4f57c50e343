import type { Caller, Result } from "./call";
import type { Role, Secret, SignedIn, World } from "./world";

// The shape of one row of the authorization matrix (see table.ts for the rows).

export interface Cell<F> {
  world: World;
  caller: Caller;
  /** The role's user (absent for anonymous). */
  user?: { id: string; email: string };
  /** Whatever the case's setup() made for this one cell. */
  fresh: F;
  /** Secrets of this cell only (records the call itself creates); checked like the world's. */
  secrets: Secret[];
}

export interface Case<F> {
  /** What is tried, in words: "Ada's private note", "courseId of course B in the body". */
  name: string;
  /** The roles that must be allowed; every other role must be denied. */
  allow: readonly Role[];
  /** Fresh records for this one cell (writes), so no cell sees another's effect. */
  setup?: (world: World, caller: Caller) => Promise<F>;
  /** Performs the call for this case. */
  run: (cell: Cell<F>) => Promise<Result>;
  /** Overrides the usual reading of the answer (2xx, { ok: true }, a rendered page = allowed). */
  judge?: (result: Result, cell: Cell<F>) => "allow" | "deny";
  /** Values the request sends that the answer may repeat (an email typed into a form). */
  echoes?: (world: World) => string[];
  /**
   * Roles that may know the target exists. Any other role must get exactly the answer the
   * entry's probe case (an id that names nothing) gets: same status, same words.
   */
  visibleTo?: readonly Role[];
  /**
   * This case names nothing that exists: the reference answer for `visibleTo`. Entries whose
   * cases take different kinds of id have a probe per kind ("reply") and cases pick one with
   * `sameAs`; otherwise the entry's first probe is used.
   */
  probe?: true | string;
  sameAs?: string;
  /** For allowed cells: these secrets (those the role may read) must all be in the answer. */
  shows?: (secret: Secret) => boolean;
}

export interface Entry<F = unknown> {
  surface: "route" | "action" | "page";
  /** The file and export under test, as the completeness check finds them. */
  file: string;
  export: string;
  /** Route handlers run once with the session cookie and once with an API token. */
  vias?: readonly ("session" | "token")[];
  /**
   * For writes: the records the call may change. Allowed means it changed, denied means it did
   * not (and, unless `global` is false, nothing else in the database changed either).
   */
  state?: (cell: Cell<F>) => Promise<unknown>;
  /** false when a denied call legitimately changes the caller's own rows (say why). */
  global?: false;
  /** Runs after each signed-in cell: put back what it removed that other cells need. */
  after?: (world: World, role: SignedIn) => Promise<void>;
  cases: Case<F>[];
}

/** Typed row builder: `entry<{ id: string }>({ ... })`. */
export const entry = <F = undefined>(row: Entry<F>) => row as unknown as Entry;

export type { Role, SignedIn };
