// The annotation domain's operations, one per file (access, list, create, update, delete, hide,
// history, search, get); this module gathers them for callers outside the domain. Inside
// lib/annotations, import the file itself.

export { isReadableNow, toRef } from "./access";
export { PERMISSION_COLUMNS } from "./columns";
export type { AnnotationRow, AnnotationWithDocument } from "./columns";
export { createAnnotation, isUniqueViolation } from "./create";
export { deleteAnnotation, restoreAnnotation, UNDO_WINDOW_MS } from "./delete";
export { getAnnotation } from "./get";
export { setAnnotationHidden } from "./hide";
export { annotationHistory } from "./history";
export {
  listDocumentAnnotations,
  listDocumentAnnotationsJson,
  listDocumentIndex,
  type AnnotationIndexRow,
} from "./list";
export {
  likeContains,
  searchAnnotations,
  searchAnnotationsJson,
  type AnnotationSearch,
} from "./search";
export { updateAnnotation } from "./update";
