import { STATUS_LABELS, type WorkStatus } from "@/lib/assignments/rules";

/** A student's standing, in words (colour only repeats what the words say). */
export function StatusBadge({ status }: { status: WorkStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
