import { vi } from "vitest";
import { runMatrix } from "./authz/run";

// The authorization matrix of issue #9 (rows in authz/table.ts): every server action in app/actions x every role, each cell
// asserting allow or deny, with guessed and swapped ids.

// Next's request context (headers, cookies, cache revalidation) comes from a test seam; the
// session lookup, the permission checks and the database are the app's own.
vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

runMatrix("action");
