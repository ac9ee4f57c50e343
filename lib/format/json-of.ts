// A large value handed from a server component to a client island as one JSON string. React's
// RSC serialiser walks every value of a prop (1,800 index entries of a long seminar document:
// about 20,000 values), and the server's own render of the island parses them back the same way;
// one native JSON.stringify and JSON.parse cost a fraction of that (bench/README.md, round 4).
// The string keeps its value's type, so the island reads what the page wrote, without a cast of
// its own. For plain JSON values only (no Date, Map or undefined inside).

declare const valueType: unique symbol;

/** A value of type T written as JSON. */
export type JsonOf<T> = string & { readonly [valueType]: T };

export const toJsonOf = <T>(value: T): JsonOf<T> => JSON.stringify(value) as JsonOf<T>;

export const fromJsonOf = <T>(json: JsonOf<T>): T => JSON.parse(json) as T;
