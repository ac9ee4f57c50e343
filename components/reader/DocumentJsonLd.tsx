import { headers } from "next/headers";
import { jsonLd, jsonLdText, type EmbeddedDocument } from "@/lib/citations/embedded";

/**
 * The document's schema.org description for reference managers and search engines. A
 * `type="application/ld+json"` script is a data block the browser never runs, so the CSP's
 * script-src does not apply to it; it carries the request's nonce all the same, so that a
 * stricter policy later (or a tool that checks every script) finds it in order.
 */
export async function DocumentJsonLd({
  document,
  site,
  people,
}: {
  document: EmbeddedDocument;
  site: string;
  /** Participant name -> person page slug and authority record. */
  people?: ReadonlyMap<string, { slug: string; authority: string | null }>;
}) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      // Escaped by jsonLdText: no "<" can close the element.
      dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd(document, site, people)) }}
    />
  );
}
