import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type AnySchema, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// The W3C Web Annotation JSON Schemas from web-platform-tests (annotation-model/definitions),
// loaded into Ajv. They are draft-04 and Ajv 8 speaks draft-06 and later, so each file is
// converted on load, in memory, without changing what it asserts:
//   - the root "id" becomes "$id" (the file name, so "id.json#/definitions/stringUri" resolves);
//   - "$schema" is dropped everywhere (it names draft-04, which Ajv 8 has no meta-schema for);
//   - boolean exclusiveMinimum/exclusiveMaximum become the numeric form of later drafts;
//   - keywords beside "$ref": draft-04 ignores them. `refSiblings: "ignore"` reproduces that;
//     "apply" keeps them (what later drafts do), a stricter reading the README warns about.
// See shared/standards/w3c-annotation-model/README.md (the folder beside the repository).

export const SCHEMA_DIR =
  process.env.W3C_ANNOTATION_SCHEMAS ??
  path.resolve(import.meta.dirname, "../../../../shared/standards/w3c-annotation-model");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function convert(node: Json, refSiblings: "ignore" | "apply"): Json {
  if (Array.isArray(node)) return node.map((child) => convert(child, refSiblings));
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string" && refSiblings === "ignore") return { $ref: node.$ref };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema") continue;
    out[key] = convert(value, refSiblings);
  }
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[flag] !== "boolean") continue;
    if (out[flag] === true && typeof out[bound] === "number") {
      out[flag] = out[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
  return out;
}

/** The files' names, as listed in the folder (21 of them). */
export function schemaFiles(): string[] {
  if (!existsSync(SCHEMA_DIR)) {
    throw new Error(
      `W3C annotation schemas not found in ${SCHEMA_DIR}; set W3C_ANNOTATION_SCHEMAS.`,
    );
  }
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

// ajv-formats is CommonJS; under ESM its function sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule;

/** An Ajv instance holding every schema file under its own id (its file name). */
export function loadSchemas(refSiblings: "ignore" | "apply"): Ajv {
  // strict: false because upstream uses keys Ajv's strict mode rejects ("$ref " with a trailing
  // space, "$schema" in sub-schemas); draft-04 itself ignores unknown keywords.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of schemaFiles()) {
    const raw = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as Json;
    if (!isObject(raw) || raw.id !== file) throw new Error(`${file}: expected "id": "${file}"`);
    const { id, ...rest } = raw;
    const schema = convert(rest, refSiblings) as JsonObject;
    ajv.addSchema({ $id: id, ...schema } as AnySchema);
  }
  return ajv;
}

/** A named check: one wpt-style assertion made of references into the definitions. */
export interface Assertion {
  name: string;
  schema: JsonObject;
}

const ref = ($ref: string) => ({ $ref });
const oneOrMany = (schema: JsonObject) => ({ oneOf: [schema, { type: "array", items: schema }] });

/**
 * What an exported Annotation must satisfy: the MUSTs wpt's annotationMusts.test lists, plus the
 * optional keys Memcon uses (body, motivation, creator, created/modified, purpose, selectors).
 */
export const ANNOTATION_ASSERTIONS: Assertion[] = [
  {
    name: "3.1 @context is anno.jsonld",
    schema: {
      type: "object",
      required: ["@context"],
      properties: {
        "@context": {
          oneOf: [
            ref("annotations.json#/definitions/contextValueFound"),
            ref("annotations.json#/definitions/contextValueInArrayFound"),
          ],
        },
      },
    },
  },
  { name: "3.1 id is one URI", schema: ref("id.json#/definitions/idValueFound") },
  {
    name: "3.1 type includes Annotation",
    schema: ref("annotations.json#/definitions/annotationTypeValueFound"),
  },
  { name: "3.1 has target", schema: { type: "object", required: ["target"] } },
  { name: "3.1 has body", schema: { type: "object", required: ["body"] } },
  {
    name: "3.2.5 not both body and bodyValue",
    schema: { type: "object", not: { required: ["body", "bodyValue"] } },
  },
  {
    name: "3.2 targets recognized",
    schema: {
      type: "object",
      properties: { target: oneOrMany(ref("bodyTarget.json#/definitions/targetResourcesFound")) },
    },
  },
  {
    name: "3.2 bodies recognized",
    schema: {
      type: "object",
      properties: { body: oneOrMany(ref("bodyTarget.json#/definitions/bodyResourcesFound")) },
    },
  },
  {
    name: "3.2.5 bodyValue valid",
    schema: ref("annotations.json#/definitions/bodyValueValidIfPresent"),
  },
  {
    name: "3.3.1 created valid",
    schema: ref("otherProperties.json#/definitions/createdValidIfPresent"),
  },
  {
    name: "3.3.1 created present",
    schema: ref("otherProperties.json#/definitions/createdPropertyFound"),
  },
  {
    name: "3.3.1 modified valid",
    schema: ref("otherProperties.json#/definitions/modifiedValidIfPresent"),
  },
  {
    name: "3.3.1 generated valid",
    schema: ref("otherProperties.json#/definitions/generatedValidIfPresent"),
  },
  {
    name: "3.3.1 creator valid",
    schema: ref("otherProperties.json#/definitions/creatorValidIfPresent"),
  },
  {
    name: "3.3.1 single creator",
    schema: ref("otherProperties.json#/definitions/creatorSingularIfPresent"),
  },
  {
    name: "3.3.2 creator has id",
    schema: ref("otherProperties.json#/definitions/creatorAgentWithIdFound"),
  },
  {
    name: "3.3.2 creator type recognized",
    schema: ref("otherProperties.json#/definitions/creatorAgentWithTypeFound"),
  },
  {
    name: "3.3.5 motivation recognized",
    schema: ref("annotations.json#/definitions/motivationRecognizedIfPresent"),
  },
  {
    name: "3.3.5 single motivation",
    schema: ref("annotations.json#/definitions/motivationSingularIfPresent"),
  },
  {
    name: "3.3.6 rights valid",
    schema: ref("otherProperties.json#/definitions/rightsValidIfPresent"),
  },
  {
    name: "3.3.7 canonical valid",
    schema: ref("otherProperties.json#/definitions/canonicalValidIfPresent"),
  },
  { name: "3.3.7 via valid", schema: ref("otherProperties.json#/definitions/viaValidIfPresent") },
  {
    name: "4.4 stylesheet valid",
    schema: ref("annotations.json#/definitions/stylesheetValueDefinition"),
  },
];

/** Checks on each body object (TextualBody). */
export const BODY_ASSERTIONS: Assertion[] = [
  {
    name: "3.2.4 embedded textual body",
    schema: ref("bodyTarget.json#/definitions/textualBodyFound"),
  },
  { name: "3.2.1 format valid", schema: ref("bodyTarget.json#/definitions/formatValidIfPresent") },
  {
    name: "3.2.1 single format",
    schema: ref("bodyTarget.json#/definitions/formatSingularIfPresent"),
  },
  {
    name: "3.2.2 type recognized",
    schema: ref("bodyTarget.json#/definitions/resourceTypeShouldIfPresent"),
  },
  {
    name: "3.3.5 purpose recognized",
    schema: ref("otherProperties.json#/definitions/purposeRecognizedIfPresent"),
  },
  {
    name: "3.3.5 purpose present",
    schema: ref("otherProperties.json#/definitions/purposePropertyFound"),
  },
];

/** Checks on the target (a Specific Resource with selectors). */
export const TARGET_ASSERTIONS: Assertion[] = [
  {
    name: "4 specific resource",
    schema: ref("specificResource.json#/definitions/specificeResourceDetected"),
  },
  { name: "4 source", schema: ref("specificResource.json#/definitions/sourceDetected") },
  {
    name: "4.2 selector recognized",
    schema: ref("specificResource.json#/definitions/selectorDetected"),
  },
  {
    name: "4.2.9 refinedBy valid",
    schema: ref("specificResource.json#/definitions/checkForRefinedBy"),
  },
];

/** Checks on each selector, and on each refinedBy inside one. */
export const SELECTOR_ASSERTIONS: Assertion[] = [
  {
    name: "4.2.1 FragmentSelector valid",
    schema: ref("specificResource.json#/definitions/fragmentSelectorTypeValidIfPresent"),
  },
  {
    name: "4.2.4 TextQuoteSelector valid",
    schema: ref("specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent"),
  },
  {
    name: "4.2.5 TextPositionSelector valid",
    schema: ref("specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent"),
  },
];

export const COLLECTION_ASSERTIONS: Assertion[] = [
  {
    name: "5 @context",
    schema: {
      type: "object",
      required: ["@context"],
      properties: {
        "@context": {
          oneOf: [
            ref("collections.json#/definitions/contextValueFound"),
            ref("collections.json#/definitions/contextValueInArrayFound"),
          ],
        },
      },
    },
  },
  { name: "5.1 id", schema: ref("id.json#/definitions/idValueFound") },
  {
    name: "5.1 type AnnotationCollection",
    schema: ref("collections.json#/definitions/annotationCollectionTypeValueFound"),
  },
  { name: "5.1 label", schema: ref("collections.json#/definitions/labelFound") },
  { name: "5.1 total", schema: ref("collections.json#/definitions/totalFound") },
  { name: "5.1 first valid", schema: ref("collections.json#/definitions/firstValidIfPresent") },
  {
    name: "5.1 first when total > 0",
    schema: ref("collections.json#/definitions/firstRequiredIfTotalMoreThanZero"),
  },
  { name: "5.1 last valid", schema: ref("collections.json#/definitions/lastValidIfPresent") },
];

export const PAGE_ASSERTIONS: Assertion[] = [
  { name: "5.2 id", schema: ref("id.json#/definitions/idValueFound") },
  {
    name: "5.2 type AnnotationPage",
    schema: ref("collections.json#/definitions/annotationPageTypeValueFound"),
  },
  { name: "5.2 items", schema: ref("collections.json#/definitions/itemsFound") },
  { name: "5.2 partOf valid", schema: ref("collections.json#/definitions/partOfValidIfPresent") },
  { name: "5.2 next valid", schema: ref("collections.json#/definitions/nextValidIfPresent") },
  { name: "5.2 prev valid", schema: ref("collections.json#/definitions/prevValidIfPresent") },
  { name: "5.2 startIndex", schema: ref("collections.json#/definitions/startIndexDefinition") },
];

/** Compile assertions once; `failures(value)` names each one that does not hold, with Ajv's errors. */
export function compile(ajv: Ajv, assertions: Assertion[]): (value: unknown) => string[] {
  const compiled: [string, ValidateFunction][] = assertions.map(({ name, schema }) => [
    name,
    ajv.compile(schema),
  ]);
  return (value) =>
    compiled.flatMap(([name, validate]) =>
      validate(value) ? [] : [`${name}: ${ajv.errorsText(validate.errors, { separator: "; " })}`],
    );
}
