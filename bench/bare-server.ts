// The bench's physical-limit anchor: `GET /api/annotations?document=<slug>&limit=<n>` served by
// a minimal node:http + pg handler over the same database, doing only what the request needs:
// the token lookup (with the caller's memberships, one statement, as the app's), the document
// by slug, and the page (the app's own statement from lib/annotations/readable-page.ts, one row
// more for `hasMore`), serialised as the API's JSON. No framework, no session, no "post first"
// gate, no rate limit, no per-row permission check in code: what the app does beyond this is
// its overhead (bench/README.md, "bare baseline").
//
// Run by bench/run.ts as its own process (its CPU is measured apart): DATABASE_URL, PORT.
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
import type { Viewer } from "@/lib/auth/permissions";
import { OPEN_GATE_SQL, readablePageIdsSql } from "./page-sql";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on("error", () => {});

const TOKEN_SQL = `SELECT u."id", u."siteRole"::text AS "siteRole",
  COALESCE((SELECT json_agg(json_build_object('courseId', m."courseId", 'role', m."role"))
    FROM "Membership" m WHERE m."userId" = u."id"), '[]'::json) AS "memberships",
  COALESCE((SELECT json_agg(json_build_object('groupId', gm."groupId", 'courseId', g."courseId"))
    FROM "GroupMember" gm JOIN "Group" g ON g."id" = gm."groupId"
    WHERE gm."userId" = u."id"), '[]'::json) AS "groups", t."revokedAt"
  FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = $1`;
const COLUMNS = `a."id", a."authorId", u."name" AS "authorName", a."visibility"::text AS "visibility",
  a."courseId", c."title" AS "courseTitle", a."groupId", g."name" AS "groupName", a."selector",
  a."orphaned", a."body", a."bodyHtml", a."bodyText", a."tags", a."createdAt", a."updatedAt"`;

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function page(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? "/", "http://bare");
  if (url.pathname !== "/api/annotations") return send(response, 404, { error: "not found" });
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return send(response, 401, { error: "sign in" });
  const [user] = (
    await pool.query({
      name: "bare-token",
      text: TOKEN_SQL,
      values: [createHash("sha256").update(token).digest("hex")],
    })
  ).rows as {
    id: string;
    siteRole: Viewer["siteRole"];
    memberships: { courseId: string; role: "student" | "instructor" }[];
    groups: { groupId: string; courseId: string }[];
    revokedAt: Date | null;
  }[];
  if (!user || user.revokedAt) return send(response, 401, { error: "sign in" });
  const viewer = {
    userId: user.id,
    siteRole: user.siteRole,
    courses: new Map(user.memberships.map((m) => [m.courseId, m.role])),
    groups: new Map(user.groups.map((g) => [g.groupId, g.courseId])),
  } as unknown as Viewer;
  const slug = url.searchParams.get("document") ?? "";
  const limit = Number(url.searchParams.get("limit") ?? 50);
  const offset = Number(url.searchParams.get("offset") ?? 0);
  const [document] = (
    await pool.query({
      name: "bare-document",
      text: `SELECT "id", "slug" FROM "Document" WHERE "slug" = $1`,
      values: [slug],
    })
  ).rows as { id: string; slug: string }[];
  if (!document) return send(response, 404, { error: "no such document" });
  const ids = readablePageIdsSql(viewer, OPEN_GATE_SQL, document.id, limit, offset)!;
  const rows = (
    await pool.query({
      name: `bare-page-${ids.values.length}`,
      text: `SELECT ${COLUMNS} FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
        LEFT JOIN "Course" c ON c."id" = a."courseId" LEFT JOIN "Group" g ON g."id" = a."groupId"
        WHERE a."id" = ANY(ARRAY(${ids.text})) ORDER BY a."createdAt" DESC, a."id" DESC`,
      values: ids.values,
    })
  ).rows as Record<string, unknown>[];
  send(response, 200, {
    limit,
    offset,
    hasMore: rows.length > limit,
    rows: rows.slice(0, limit).map((row) => ({
      id: row.id,
      document: document.slug,
      author: { id: row.authorId, name: row.authorName },
      visibility: row.visibility,
      course: row.courseId ? { id: row.courseId, title: row.courseTitle } : null,
      group: row.groupId ? { id: row.groupId, name: row.groupName } : null,
      target: row.selector,
      orphaned: row.orphaned,
      body: row.body,
      html: row.bodyHtml,
      text: row.bodyText,
      tags: row.tags,
      created: (row.createdAt as Date).toISOString(),
      updated: (row.updatedAt as Date).toISOString(),
    })),
  });
}

const server = http.createServer((request, response) => {
  page(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { error: "failed" });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare: listening"));
