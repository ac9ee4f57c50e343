import { csvFile } from "@/lib/format/csv";
import { STATUS_LABELS } from "./rules";
import type { StudentRow } from "./activity";

// The gradebook as CSV: one row per student, with a header row. Spreadsheets open it as UTF-8
// (byte order mark), CRLF line ends (RFC 4180), formula-like cells defused. LMS imports match
// students by email (Moodle, Canvas's "SIS Login ID" when it is the email, Blackboard by
// mapping), and read the score column whose header names the assignment and its points.

/** "2026-12-01 08:00" (UTC): a form every spreadsheet reads as a date and time. */
const utc = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") : "");

export function gradebookColumns(assignmentTitle: string): string[] {
  return [
    "Student",
    "Email",
    "Memcon ID",
    "Groups",
    "Annotations",
    "Replies",
    "Words",
    "Upvotes received",
    "First activity (UTC)",
    "Last activity (UTC)",
    "Due (UTC)",
    "Status",
    "Late items",
    "Completion (0-1)",
    "Quality (0-3)",
    `${assignmentTitle} (Points: 4)`,
    "Comment",
  ];
}

export function gradebookCsv(assignmentTitle: string, rows: readonly StudentRow[]): string {
  const lines = [gradebookColumns(assignmentTitle)];
  for (const row of rows) {
    const { assessment: a } = row;
    lines.push([
      row.student.name,
      row.student.email,
      row.student.id,
      row.student.groups.join("; "),
      String(a.annotations.counted),
      String(a.replies.counted),
      String(a.words),
      String(a.upvotes),
      utc(a.firstActivity),
      utc(a.lastActivity),
      utc(a.deadline),
      STATUS_LABELS[a.status],
      String(a.annotations.late + a.replies.late),
      String(row.completion),
      row.grade?.quality === null || row.grade?.quality === undefined
        ? ""
        : String(row.grade.quality),
      row.score === null ? "" : String(row.score),
      row.grade?.comment ?? "",
    ]);
  }
  return csvFile(lines);
}

/** A file name from the title: "liao-ishibashi-close-reading-gradebook.csv". */
export function gradebookFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .slice(0, 60);
  return `${slug || "assignment"}-gradebook.csv`;
}
