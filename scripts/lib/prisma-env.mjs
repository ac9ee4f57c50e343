import { fileURLToPath } from "node:url";

// Any existing file will do: with `engineType = "client"` and `engine: "js"` these are never
// executed, but setting them stops the CLI from downloading native engines (no network here).
const placeholder = fileURLToPath(import.meta.url);

export function prismaEnv(base = process.env) {
  return {
    ...base,
    PRISMA_SCHEMA_ENGINE_BINARY: base.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: base.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    // `prisma generate` needs no database, but the schema requires the variable to exist.
    DATABASE_URL: base.DATABASE_URL ?? "postgresql://unused@127.0.0.1:1/unused",
  };
}
