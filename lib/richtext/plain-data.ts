/**
 * A deep copy made only of plain objects, arrays and primitives.
 *
 * ProseMirror builds node and mark attributes with `Object.create(null)`. React's server-action
 * encoder does not treat such objects as plain data: it sends them as temporary references
 * (`"$T"`), so a link's `attrs` (and a numbered list's `start`) never reached the server and a
 * note with a link could not be saved. Whatever the editor hands to a server action goes through
 * here first. (A JSON round trip is the whole job: editor documents are JSON by definition.)
 */
export function toPlainData<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
