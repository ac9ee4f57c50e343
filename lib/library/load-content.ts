import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseSource } from "@/lib/importer";
import { readSourceFile } from "@/lib/importer/source-file";
import { storeCollection, storeDocument, type StoreStatus } from "./store";

export interface LoadedFile {
  file: string;
  kind: "document" | "collection";
  slug: string;
  status: StoreStatus;
  count: number;
  /** Annotations a revision left without a place (kept as orphans). */
  orphanedAnnotations?: number;
  /** Those annotations and the words they quote. */
  orphans?: { id: string; quote: string }[];
}

export interface LoadReport {
  loaded: LoadedFile[];
  /** Files that could not be loaded, with a message naming file and line. Others still load. */
  failed: { file: string; message: string }[];
}

/** The content files of a folder: every Markdown file but its README. */
export function listContentFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .sort()
    .map((name) => path.join(dir, name));
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Load files into the database, one transaction per file; a bad file never stops the others. */
export async function loadContentFiles(prisma: PrismaClient, files: string[]): Promise<LoadReport> {
  const report: LoadReport = { loaded: [], failed: [] };
  for (const file of files) {
    const contentPath = path.relative(process.cwd(), file);
    try {
      const text = readSourceFile(file, contentPath);
      const parsed = parseSource(text, contentPath);
      const origin = { contentPath, contentHash: contentHash(text) };
      if (parsed.type === "document") {
        const result = await storeDocument(prisma, parsed, origin);
        report.loaded.push({
          file: contentPath,
          kind: "document",
          slug: result.slug,
          status: result.status,
          count: result.turns,
          orphanedAnnotations: result.orphanedAnnotations,
          orphans: result.orphans,
        });
      } else {
        const result = await storeCollection(prisma, parsed, origin);
        report.loaded.push({
          file: contentPath,
          kind: "collection",
          slug: result.slug,
          status: result.status,
          count: result.entries,
        });
      }
    } catch (error) {
      report.failed.push({
        file: contentPath,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
