import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests are pure; integration tests (tests/integration) each get a fresh PostgreSQL database
// cloned from a migrated template (see tests/support/).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
      // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses.
      "next/server": path.resolve(import.meta.dirname, "node_modules/next/server.js"),
    },
  },
  test: {
    // Bundled by Vite (not Node) so that the "next/server" alias above applies inside next-auth.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/fresh-db.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
