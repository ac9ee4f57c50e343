import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

// ---- Layers (ARCHITECTURE.md) -----------------------------------------------------------------
// content -> importer -> database -> server components (app/) -> client islands (components/).
// Inside lib/, each folder belongs to a tier and imports only from earlier tiers, never from its
// own tier or a later one: so lib/ has no import cycle between folders, and a pure core cannot
// reach the database. A wrong arrow fails `npm run lint` (and tests/unit/lint/layers.test.ts
// shows that it does).

/** lib/ folders (and the few single-file modules directly in lib/), earliest tier first. */
export const LIB_TIERS = [
  // Plain helpers and the generated Prisma types: no state, no domain.
  ["errors", "outcome", "limits", "version", "text", "format", "generated"],
  // Validation primitives and the pure cores.
  ["validations", "anchoring"],
  ["richtext", "importer", "citations", "browser"],
  // Infrastructure: the database, request security, sessions and the live channel.
  ["db", "security"],
  ["auth", "live"],
  // Entry-point wrappers, the audit log and the library of documents.
  ["http", "audit", "library"],
  // Domains, each above what it uses.
  ["assignments", "courses", "editions", "links", "uploads", "people"],
  ["annotations", "lti"],
  ["threads"],
  ["reader", "demo"],
];

/** Pure cores: given the same input, the same output; nothing stateful, nothing of Next.js. */
const PURE_CORES = ["anchoring", "richtext", "importer", "text", "format"];

const STATEFUL = [
  { group: ["@/lib/db", "@/lib/db/*"], message: "A pure core does not touch the database." },
  { group: ["@/lib/generated/prisma/client"], message: "A pure core does not touch Prisma." },
  {
    group: ["pg", "@prisma/*", "next", "next/*", "server-only"],
    message: "A pure core stays framework-free.",
  },
];

const NOT_APP_OR_COMPONENTS = [
  {
    group: ["@/app", "@/app/*", "@/components", "@/components/*", "**/app/*", "**/components/*"],
    message: "lib/ never imports app/ or components/: pass data down, or move the code into lib/.",
  },
];

const BROWSER_ONLY = {
  group: ["@/lib/browser/*"],
  message: "lib/browser/ reads the DOM: only client components (components/) import it.",
};

function libFolderRule(folder, tier) {
  const later = LIB_TIERS.slice(tier)
    .flat()
    .filter((other) => other !== folder);
  const patterns = [
    ...NOT_APP_OR_COMPONENTS,
    ...(later.length > 0
      ? [
          {
            group: later.flatMap((other) => [`@/lib/${other}`, `@/lib/${other}/*`]),
            message: `lib/${folder} is in tier ${tier} of LIB_TIERS (eslint.config.js): it imports only from earlier tiers.`,
          },
        ]
      : []),
    ...(PURE_CORES.includes(folder) ? STATEFUL : []),
    ...(folder === "browser" ? [] : [BROWSER_ONLY]),
  ];
  return {
    files: [`lib/${folder}/**/*.{ts,tsx}`, `lib/${folder}.ts`],
    rules: { "no-restricted-imports": ["error", { patterns }] },
  };
}

const layers = [
  ...LIB_TIERS.flatMap((folders, tier) =>
    folders.filter((folder) => folder !== "generated").map((folder) => libFolderRule(folder, tier)),
  ),
  {
    // Client islands and the server components they sit in: data comes in as props or from a
    // lib/ function; the database is never touched here. Server actions are the one thing of
    // app/ they import (the actions are the client's entry points, like the route handlers).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/prisma/client", "pg", "@prisma/*"],
              message:
                "Components do not touch the database: load data in app/ or lib/ and pass it in.",
            },
            {
              group: ["@/app/*", "!@/app/actions", "!@/app/actions/*"],
              message: "Components import nothing from app/ but its server actions.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [BROWSER_ONLY] }] },
  },
  {
    // File-level cycles anywhere in the application code (EditorForm <-> KeptDraftNotice was one).
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

const config = [
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  ...layers,
  prettier,
];

export default config;
