import fs from "node:fs";
import path from "node:path";

// Everything under app/ that answers a request, found on disk, so that a route, server action or
// page added later without a row in the matrix fails the suite by name.

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export interface Surface {
  surface: "route" | "action" | "page";
  file: string;
  export: string;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? walk(full) : [full];
  });
}

/** Route handler exports (by HTTP method), server actions (every export), pages (default). */
export async function discoverSurfaces(root: string): Promise<Surface[]> {
  const files = walk(path.join(root, "app")).map((file) =>
    path.relative(root, file).split(path.sep).join("/"),
  );
  const found: Surface[] = [];
  for (const file of files.sort()) {
    if (/(^|\/)route\.tsx?$/.test(file)) {
      const exported = (await import(/* @vite-ignore */ path.join(root, file))) as object;
      for (const name of Object.keys(exported).filter((key) => HTTP_METHODS.includes(key)))
        found.push({ surface: "route", file, export: name });
    } else if (/(^|\/)page\.tsx?$/.test(file)) {
      found.push({ surface: "page", file, export: "default" });
    } else if (/\.tsx?$/.test(file) && isServerActionModule(path.join(root, file))) {
      const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
        string,
        unknown
      >;
      for (const [name, value] of Object.entries(exported))
        if (typeof value === "function") found.push({ surface: "action", file, export: name });
    }
  }
  return found;
}

/** A "use server" file: each of its exported functions can be called from any browser. */
function isServerActionModule(file: string): boolean {
  const head = fs.readFileSync(file, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(head);
}
