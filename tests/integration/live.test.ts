import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { ensureDemoData } from "@/lib/demo/accounts";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { LIVE_CHANNEL } from "@/lib/live/channel";
import { subscribe } from "@/lib/live/listener";
import { createReply } from "@/lib/threads/service";

// Live updates through PostgreSQL LISTEN/NOTIFY: writes announce themselves, listeners recover
// from a lost connection by themselves.
const prisma = getPrisma();
const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
let ada: Viewer;
let documentId = "";
let otherDocumentId = "";
let selection: {
  start: { turnAnchor: number; offset: number };
  end: { turnAnchor: number; offset: number };
};
const stops: (() => void)[] = [];

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

function nextEvent(forDocument: string, timeoutMs = 3000) {
  return new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no event")), timeoutMs);
    void subscribe(forDocument, (event) => {
      clearTimeout(timer);
      resolve(event);
    }).then((stop) => stops.push(stop));
  });
}

beforeAll(async () => {
  await loadContentFiles(prisma, listContentFiles("content"));
  await ensureDemoData(prisma);
  ada = (await loadViewer(
    prisma,
    (await prisma.user.findUniqueOrThrow({ where: { email: "ada@memcon.test" } })).id,
  ))!;
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: true },
  });
  documentId = document.id;
  otherDocumentId = (await prisma.document.findFirstOrThrow({ where: { slug: { not: SLUG } } })).id;
  const turn = document.turns.find((row) => row.text.startsWith("If the prerequisite"))!;
  selection = {
    start: { turnAnchor: turn.anchor, offset: 0 },
    end: { turnAnchor: turn.anchor, offset: 16 },
  };
});

afterAll(() => stops.forEach((stop) => stop()));

describe("live updates", () => {
  it("announces a new annotation and a new reply to listeners of that document only", async () => {
    const heard = nextEvent(documentId);
    const elsewhere = nextEvent(otherDocumentId, 1500).catch((error: Error) => error.message);
    const created = await createAnnotation(prisma, ada, {
      documentSlug: SLUG,
      selection,
      body: note("live?"),
      visibility: "private",
    });
    if (!created.ok) throw new Error(created.error);
    expect(await heard).toEqual({ documentId, kind: "annotation", id: created.value.id });

    const heardReply = nextEvent(documentId);
    const reply = await createReply(prisma, ada, {
      annotationId: created.value.id,
      body: note("and a reply"),
    });
    if (!reply.ok) throw new Error(reply.error);
    expect(await heardReply).toEqual({ documentId, kind: "reply", id: reply.value.id });
    expect(await elsewhere).toBe("no event");
  });

  it("carries ids (and a WAL position) only, never the text of a note", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    const payload = new Promise<string>((resolve) =>
      client.on("notification", (message) => resolve(message.payload ?? "")),
    );
    await createAnnotation(prisma, ada, {
      documentSlug: SLUG,
      selection,
      body: note("a private thought"),
      visibility: "private",
    });
    const text = await payload;
    await client.end();
    expect(text).not.toContain("private thought");
    // Ids, and the primary's WAL position after the commit (for servers reading from a replica;
    // never passed to browsers).
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed).sort()).toEqual(["documentId", "id", "kind", "lsn"]);
    expect(parsed.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  });

  it("reconnects after the database drops its connection, and says so", async () => {
    await nextEvent(documentId, 100).catch(() => undefined); // make sure the shared listener exists
    const reconnected = nextEvent(documentId, 8000);
    // Cut every LISTEN connection of this database, as a restart would.
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`;
    expect(await reconnected).toEqual({ reconnected: true });
    const heard = nextEvent(documentId);
    await createAnnotation(prisma, ada, {
      documentSlug: SLUG,
      selection,
      body: note("after the outage"),
      visibility: "private",
    });
    expect(await heard).toMatchObject({ documentId, kind: "annotation" });
  });
});
