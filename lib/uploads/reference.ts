import sanitizeHtml from "sanitize-html";
import { readAtMost } from "@/lib/http/read-at-most";
import { UPLOAD_LIMITS, type SourceFile } from "@/lib/importer/sources";

// Documents brought by reference: a FRUS document by its id or URL, fetched as TEI from the
// Office of the Historian, or a Wilson Center Digital Archive page by its URL, fetched as HTML
// and reduced to its text (the importer then drops the web debris, as for seeds 000 and 004).
// Only the configured sites are ever fetched, so a reference cannot make the server call
// anything else (its own network, cloud metadata addresses...).

/** Settings are read from the environment (or, in tests, any such map). */
type Env = Readonly<Record<string, string | undefined>>;

export const referenceSettings = (env: Env = process.env) => ({
  frus: (env.MEMCON_FRUS_BASE_URL ?? "https://history.state.gov/historicaldocuments").replace(
    /\/+$/,
    "",
  ),
  wilson: (env.MEMCON_WILSON_BASE_URL ?? "https://digitalarchive.wilsoncenter.org").replace(
    /\/+$/,
    "",
  ),
  timeoutMs: Number(env.MEMCON_FETCH_TIMEOUT_MS ?? 15_000),
});

export type Reference =
  { site: "frus"; volume: string; document: string; url: string } | { site: "wilson"; url: string };

const FRUS_ID = /^(frus[a-z0-9-]+)\/(d\d+)$/i;

/** What a reference names, or null when it is neither a FRUS id/URL nor a Wilson Center page. */
export function parseReference(reference: string, env: Env = process.env): Reference | null {
  const settings = referenceSettings(env);
  const text = reference.trim();
  const frusUrl =
    /^https?:\/\/history\.state\.gov\/historicaldocuments\/(frus[a-z0-9-]+)\/(d\d+)\/?$/i.exec(
      text,
    );
  const frusId = FRUS_ID.exec(text) ?? frusUrl;
  if (frusId) {
    const [, volume, document] = frusId;
    return {
      site: "frus",
      volume: volume!,
      document: document!,
      url: `${settings.frus}/${volume}/${document}.xml`,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const wilson = new URL(settings.wilson);
  const known = url.hostname === wilson.hostname || /(^|\.)wilsoncenter\.org$/i.test(url.hostname);
  if (!known || !/^\/document\/[\w-]+\/?$/.test(url.pathname)) return null;
  // Whatever host the link names, the page is asked of the configured site.
  return { site: "wilson", url: `${settings.wilson}${url.pathname}` };
}

/** A page's text: block elements become paragraphs, scripts, styles and tags go. */
export function htmlToText(html: string): string {
  const blocks = sanitizeHtml(html, {
    allowedTags: [
      "p",
      "div",
      "br",
      "li",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "tr",
      "blockquote",
      "section",
      "article",
    ],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "noscript", "template", "svg", "head", "title"],
  });
  return blocks
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(p|div|li|h[1-6]|tr|blockquote|section|article)>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_, name: string) =>
        ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[name]!,
    )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const HOSTS = {
  frus: "the Office of the Historian (history.state.gov)",
  wilson: "the Wilson Center Digital Archive",
};

async function fetchLimited(url: string, timeoutMs: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  if (!response.ok)
    throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  const body = await readAtMost(response.body, UPLOAD_LIMITS.fileBytes);
  if (!body) throw Object.assign(new Error("too large"), { status: 413 });
  return body;
}

export async function resolveReference(
  reference: string,
  pick?: string,
  env: Env = process.env,
): Promise<
  { ok: true; file: SourceFile } | { ok: false; status: 404 | 413 | 422 | 502; message: string }
> {
  const parsed = parseReference(reference, env);
  if (!parsed)
    return {
      ok: false,
      status: 422,
      message:
        "That reference is neither a FRUS document (frus1958-60v18/d143, or its history.state.gov " +
        "address) nor a Wilson Center Digital Archive document address.",
    };
  const where = HOSTS[parsed.site];
  let bytes: Uint8Array;
  try {
    bytes = await fetchLimited(parsed.url, referenceSettings(env).timeoutMs);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404)
      return { ok: false, status: 404, message: `${where} has no document at that reference.` };
    if (status === 413)
      return {
        ok: false,
        status: 413,
        message: `The document at that reference is larger than ${UPLOAD_LIMITS.fileBytes / 1024 / 1024} MB.`,
      };
    return {
      ok: false,
      status: 502,
      message: `Memcon could not reach ${where}${status ? ` (it answered ${status})` : ""}. Download the document there and upload the file instead.`,
    };
  }
  if (parsed.site === "frus")
    return {
      ok: true,
      file: { name: `${parsed.volume}/${parsed.document}.xml`, bytes, ...(pick ? { pick } : {}) },
    };
  const text = htmlToText(new TextDecoder().decode(bytes));
  return {
    ok: true,
    file: {
      name: `${parsed.url.split("/").pop() || "wilson"}.txt`,
      bytes: new TextEncoder().encode(`${text}\n`),
    },
  };
}
