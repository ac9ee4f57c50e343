/** The first problem zod found, as the sentence shown to the person who sent the request. */
export const firstIssue = (error: { issues: { message: string }[] }) =>
  error.issues[0]?.message ?? "Invalid request.";
