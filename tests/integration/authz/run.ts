import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { fingerprint, visibleText, type Caller, type Result } from "./call";
import type { Case, Cell, Entry } from "./entry";
import { TABLE } from "./table";
import { buildWorld, ROLES, type World } from "./world";

// Runs the rows of table.ts for one surface (route handlers, server actions or pages: one test
// file each, so they run in parallel on their own databases). The test file must first swap in
// Next's request context:
//   vi.mock("next/headers", () => import("@/tests/support/next-request"));
//   vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

process.env.AUTH_SECRET ??= "authz-matrix-secret-0123456789abcdef";

export const key = (row: { surface: string; file: string; export: string }) =>
  `${row.surface} ${row.file} ${row.export}`;

let world: World;

/** Allowed or refused, as the answer reads; "error" for a crash or a 5xx (never acceptable). */
function verdict(entry: Entry, result: Result): "allow" | "deny" | "error" {
  switch (result.kind) {
    case "error":
      return "error";
    case "response":
      return result.status >= 500 ? "error" : result.status < 300 ? "allow" : "deny";
    case "notFound":
      return "deny";
    case "rendered":
      return "allow";
    case "redirect":
      return entry.surface === "page" || result.to.startsWith("/signin") ? "deny" : "allow";
    case "value": {
      const value = result.value as Record<string, unknown> | null | undefined;
      if (!value || typeof value !== "object") return "allow";
      if ("ok" in value) return value.ok ? "allow" : "deny";
      return "error" in value || "fields" in value ? "deny" : "allow";
    }
  }
}

/**
 * Every write to the database (content and rate-limit counters aside), as one line per table:
 * its row count and the transaction ids that wrote its rows (xmin), which any insert, update or
 * delete changes. API tokens are compared by value instead: each use stamps lastUsedAt.
 */
let snapshotSql: string | undefined;
export async function databaseSnapshot(): Promise<string> {
  const prisma = getPrisma();
  if (!snapshotSql) {
    const tables = await prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('_prisma_migrations', 'RateLimit', 'Document', 'Participant', 'Turn',
                               'Collection', 'CollectionEntry')
      ORDER BY 1`;
    snapshotSql = tables
      .map(({ name }) =>
        name === "ApiToken"
          ? `SELECT '${name}' AS name, md5(coalesce(string_agg(j, ',' ORDER BY j), '')) AS hash
             FROM (SELECT (to_jsonb(t) - 'lastUsedAt')::text AS j FROM "${name}" t) s`
          : `SELECT '${name}' AS name,
               count(*) || ':' || md5(coalesce(string_agg(xmin::text, ',' ORDER BY xmin::text), ''))
               AS hash
             FROM "${name}"`,
      )
      .join(" UNION ALL ");
  }
  const rows = await prisma.$queryRawUnsafe<{ name: string; hash: string }[]>(snapshotSql);
  return rows.map((row) => `${row.name}:${row.hash}`).join("\n");
}

const VIAS = ["session", "token"] as const;
const SESSION_ONLY = ["session"] as const;
const callers = (entry: Entry): Caller[] =>
  ROLES.flatMap((role): Caller[] =>
    role === "anonymous"
      ? [{ role, via: "none" }]
      : (entry.surface === "route" ? (entry.vias ?? VIAS) : SESSION_ONLY).map((via) => ({
          role,
          via,
        })),
  );

async function makeCell(c: Case<unknown>, caller: Caller): Promise<Cell<unknown>> {
  await getPrisma().rateLimit.deleteMany(); // limits have their own tests; here they would only add noise
  return {
    world,
    caller,
    user: caller.role === "anonymous" ? undefined : world.users[caller.role],
    fresh: c.setup ? await c.setup(world, caller) : undefined,
    secrets: [],
  };
}

const probes = new Map<string, Promise<Result>>();
/** What the entry answers this caller for an id that names nothing (once per probe and caller). */
function probeFor(entry: Entry, c: Case<unknown>, caller: Caller): Promise<Result> {
  const probe = entry.cases.find((other) => (c.sameAs ? other.probe === c.sameAs : other.probe));
  if (!probe) throw new Error(`${key(entry)}: "${c.name}" has visibleTo but no probe case`);
  const id = `${key(entry)} ${probe.name} ${caller.role} ${caller.via}`;
  if (!probes.has(id))
    probes.set(
      id,
      makeCell(probe, caller).then((cell) => probe.run(cell)),
    );
  return probes.get(id)!;
}

const cellName = (caller: Caller, allowed: boolean) =>
  `${caller.role}${caller.via === "token" ? " (API token)" : ""}: ${allowed ? "allow" : "deny"}`;

let cells = 0;

/** One cell: call as this caller, then check the verdict, the database, leaks and existence. */
async function checkCell(entry: Entry, c: Case<unknown>, caller: Caller, allowed: boolean) {
  cells++;
  const cell = await makeCell(c, caller);
  const before = entry.state ? JSON.stringify(await entry.state(cell)) : undefined;
  const database = entry.state && entry.global !== false ? await databaseSnapshot() : undefined;
  const result = await c.run(cell);
  const shown = visibleText(result);
  const judged = c.judge ? c.judge(result, cell) : verdict(entry, result);
  expect(judged, `crashed or 5xx: ${shown.slice(0, 500)}`).not.toBe("error");

  if (entry.state) {
    const changed = JSON.stringify(await entry.state(cell)) !== before;
    const said = shown.slice(0, 300);
    expect(changed, `the write ${allowed ? "did not happen" : "happened"}: ${said}`).toBe(allowed);
    if (allowed) expect(judged, `answered as refused: ${said}`).toBe("allow");
    else if (database) {
      const after = (await databaseSnapshot()).split("\n");
      const touched = after.filter((line) => !database.split("\n").includes(line));
      expect(
        touched.map((line) => line.split(":")[0]),
        "a refused write changed tables",
      ).toEqual([]);
    }
  } else {
    expect(judged, `answer: ${shown.slice(0, 300)}`).toBe(allowed ? "allow" : "deny");
  }

  // Nothing the role may not read, whatever the answer.
  const echoes = c.echoes?.(world) ?? [];
  const leaked = [...world.secrets, ...cell.secrets]
    .filter((s) => !s.readers.includes(caller.role) && !echoes.includes(s.text))
    .filter((s) => shown.includes(s.text))
    .map((s) => s.label);
  expect(leaked, "leaked to this role").toEqual([]);

  if (allowed && c.shows) {
    const missing = world.secrets
      .filter((s) => c.shows!(s) && s.readers.includes(caller.role))
      .filter((s) => !shown.includes(s.text))
      .map((s) => s.label);
    expect(missing, "readable but not shown").toEqual([]);
  }

  // Existence: a target this role may not know of answers exactly like one that does not exist
  // (a sign-in redirect happens before any lookup, so it cannot tell either).
  if (c.visibleTo && !c.visibleTo.includes(caller.role)) {
    const reference = await probeFor(entry, c, caller);
    const beforeLookup = [result, reference].every(
      (r) => r.kind === "redirect" && r.to.startsWith("/signin"),
    );
    if (!beforeLookup)
      expect(fingerprint(result), "differs from a missing target's answer").toBe(
        fingerprint(reference),
      );
  }
  return cell;
}

/** Every cell of every row of this surface, then the database-wide invariants. */
export function runMatrix(surface: Entry["surface"]) {
  beforeAll(async () => {
    world = await buildWorld();
  }, 120_000);

  // MATRIX_ONLY=voteAction runs the rows whose name contains that text (while writing rows).
  const only = process.env.MATRIX_ONLY;
  const rows = TABLE.filter(
    (entry) => entry.surface === surface && (!only || key(entry).includes(only)),
  );

  describe.each(rows.map((entry) => ({ entry, name: key(entry) })))("$name", ({ entry }) => {
    describe.each(entry.cases.map((c) => ({ c, name: c.name })))("$name", ({ c }) => {
      it.each(
        callers(entry).map((caller) => ({
          caller,
          allowed: c.allow.includes(caller.role),
          name: cellName(caller, c.allow.includes(caller.role)),
        })),
      )("$name", async ({ caller, allowed }) => {
        try {
          await checkCell(entry, c, caller, allowed);
        } finally {
          if (entry.after && caller.role !== "anonymous") await entry.after(world, caller.role);
        }
      });
    });
  });

  describe("after the matrix", () => {
    it("no note belongs to a course its author is not in, or a group its author neither is in nor teaches", async () => {
      const stray = await getPrisma().$queryRaw<{ id: string }[]>`
      SELECT a.id FROM "Annotation" a
      WHERE (a."courseId" IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM "Membership" m WHERE m."courseId" = a."courseId" AND m."userId" = a."authorId"))
         OR (a."groupId" IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM "GroupMember" g WHERE g."groupId" = a."groupId" AND g."userId" = a."authorId")
             AND NOT EXISTS (
               SELECT 1 FROM "Membership" m WHERE m."courseId" = a."courseId" AND m."userId" = a."authorId"
                 AND m.role = 'instructor'))`;
      expect(stray).toEqual([]);
      expect(cells).toBeGreaterThan(0);
      // The figure docs/security.md quotes (not console.log: next/server patches it in tests).
      process.stdout.write(`[authz] ${surface}: ${cells} cells checked\n`);
    });
  });
}
