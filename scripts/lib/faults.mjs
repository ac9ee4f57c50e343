// The pieces of the fault test (scripts/test-faults.mjs): API tokens made directly in the
// database, a load of annotators that records what each request was told, probes, and the check
// of the database against those records.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { chromium } from "@playwright/test";

/** Internals that must never reach a user: stack frames, file paths, driver messages. */
const STACK_LIKE =
  /\n\s+at\s|node_modules|\.(ts|js|mjs|tsx):\d+|PrismaClient|invocation|ECONNREFUSED|DriverAdapterError|Connection terminated/i;

export function looksLikeStackTrace(text) {
  return STACK_LIKE.test(text);
}

/**
 * `count` users, each with a personal API token (as lib/auth/api-tokens.ts makes them: "mcn_" and
 * 32 random bytes, stored as a SHA-256 hash). Returns the tokens.
 */
export async function createTokens(pool, count) {
  const tokens = [];
  const run = randomBytes(3).toString("hex");
  for (let i = 0; i < count; i++) {
    const userId = `fault_${run}_${i}`;
    await pool.query(
      `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ($1, $2, $3, now())`,
      [userId, `Annotator ${i}`, `annotator-${run}-${i}@fault.test`],
    );
    const token = `mcn_${randomBytes(32).toString("base64url")}`;
    await pool.query(
      `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash") VALUES ($1, $2, $3, $4)`,
      [`${userId}_token`, userId, "fault test", createHash("sha256").update(token).digest("hex")],
    );
    tokens.push(token);
  }
  return tokens;
}

/** The first 20 characters of the document's first long turn. */
export async function findSelection(pool, slug) {
  const { rows } = await pool.query(
    `SELECT t."anchor" FROM "Turn" t JOIN "Document" d ON d."id" = t."documentId"
      WHERE d."slug" = $1 AND length(t."text") > 40 ORDER BY t."position" LIMIT 1`,
    [slug],
  );
  if (!rows[0]) throw new Error(`Document ${slug} has no turn to annotate.`);
  const turnAnchor = rows[0].anchor;
  return { start: { turnAnchor, offset: 0 }, end: { turnAnchor, offset: 20 } };
}

/**
 * `clients` loops posting annotations, each with a unique marker as its text. Every request is
 * recorded with what the client was told: acknowledged (201 and an id), refused (an error status),
 * network (the connection failed: ambiguous), timeout (no answer within the bound: ambiguous).
 */
export function createLoad({ base, slug, selection, tokens, clients, requestBoundMs }) {
  const runId = `fault${randomBytes(4).toString("hex")}`;
  const records = [];
  let stopping = false;
  let loops = [];
  let sequence = 0;

  async function post(token, label) {
    const marker = `${runId}-${label}-${sequence++}`;
    const record = { marker, startedAt: Date.now(), outcome: "pending" };
    records.push(record);
    try {
      const response = await fetch(`${base}/api/annotations`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          documentSlug: slug,
          selection,
          body: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: `${marker} note` }] }],
          },
          tags: ["fault-test"],
          visibility: "private",
        }),
        signal: AbortSignal.timeout(requestBoundMs),
      });
      record.status = response.status;
      record.body = await response.text();
      record.endedAt = Date.now();
      classify(record, marker);
    } catch (error) {
      record.endedAt = Date.now();
      record.outcome = error?.name === "TimeoutError" ? "timeout" : "network";
      record.error = String(error?.cause?.code ?? error?.message ?? error);
    }
    return record;
  }

  async function loop(index) {
    const token = tokens[index % tokens.length];
    while (!stopping) {
      const record = await post(token, `c${index}`);
      // A real client waits a little before trying again after a failure.
      if (record.outcome !== "acknowledged") await new Promise((r) => setTimeout(r, 200));
    }
  }

  return {
    runId,
    records,
    start() {
      loops = Array.from({ length: clients }, (_, index) => loop(index));
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
    postOne: (label) => post(tokens[0], label),
    statusCounts() {
      const counts = {};
      for (const r of records) {
        const key = r.status ?? r.outcome;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
  };
}

function classify(record, marker) {
  let json;
  try {
    json = JSON.parse(record.body);
  } catch {
    json = undefined;
  }
  if (record.status === 201) {
    if (json?.id && String(json.text ?? "").includes(marker)) {
      record.outcome = "acknowledged";
      record.id = json.id;
    } else record.outcome = "rejected";
    return;
  }
  record.outcome = record.status >= 400 ? "refused" : "rejected";
  record.clearError =
    typeof json?.error?.message === "string" &&
    json.error.message.length > 10 &&
    !looksLikeStackTrace(record.body);
}

/** Compare the records with the rows carrying this run's markers. */
export async function verify(pool, records, runId) {
  const { rows } = await pool.query(
    `SELECT "id", "bodyText" FROM "Annotation" WHERE "bodyText" LIKE $1`,
    [`${runId}-%`],
  );
  const saved = new Map();
  const duplicates = [];
  for (const row of rows) {
    const marker = row.bodyText.split(/\s/)[0];
    if (saved.has(marker)) duplicates.push(marker);
    saved.set(marker, row.id);
  }
  const byMarker = new Map(records.map((r) => [r.marker, r]));
  const ambiguous = (r) => r.outcome === "network" || r.outcome === "timeout";
  return {
    found: rows.length,
    duplicates,
    missingAcknowledged: records
      .filter((r) => r.outcome === "acknowledged" && saved.get(r.marker) !== r.id)
      .map((r) => r.marker),
    savedButRefused: records
      .filter((r) => (r.outcome === "refused" || r.outcome === "rejected") && saved.has(r.marker))
      .map((r) => ({ marker: r.marker, status: r.status, body: r.body?.slice(0, 200) })),
    unexplained: [...saved.keys()].filter((marker) => {
      const record = byMarker.get(marker);
      return !record || !(record.outcome === "acknowledged" || ambiguous(record));
    }),
    ambiguousSaved: records.filter((r) => ambiguous(r) && saved.has(r.marker)).length,
  };
}

/** Follow a server-sent event stream (as a signed-in reader); collects the event names. */
export function openEventStream(url, { token } = {}) {
  const controller = new AbortController();
  // Events carry no ids (only the kind of change): count them instead.
  const state = { events: [], close: () => controller.abort() };
  (async () => {
    // The stream is for signed-in readers: a personal API token stands in for a session.
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const response = await fetch(url, { signal: controller.signal, headers });
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = block.match(/^event: (.+)$/m)?.[1];
        if (!event) continue;
        state.events.push(event);
      }
    }
  })().catch(() => {});
  return state;
}

/**
 * A browser for page requests: Next renders a failed page's error boundary in the browser (the
 * server sends an empty shell), so only a browser shows what a reader would see.
 */
export async function openBrowser() {
  const executablePath = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ]
    .filter(Boolean)
    .find((candidate) => fs.existsSync(candidate));
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext();
  return {
    /** The page's visible text once loaded; `expect` is the text that must appear. */
    async probe(url, expect) {
      const page = await context.newPage();
      try {
        const response = await page.goto(url, { waitUntil: "load", timeout: 15_000 });
        const found = await page
          .getByText(expect)
          .first()
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        const text = await page.locator("body").innerText();
        const leaks = looksLikeStackTrace(text);
        return {
          status: response?.status() ?? 0,
          ok: found && !leaks,
          text,
          note: `status ${response?.status()}, ${found ? "shows" : "does not show"} "${expect}"${leaks ? ", leaks internals" : ""}`,
        };
      } catch (error) {
        return { status: 0, ok: false, text: "", note: `no answer: ${error?.message ?? error}` };
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
