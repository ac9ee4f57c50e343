"use client";

// Shown instead of a page that failed on the server (most often: the database is restarting or
// unreachable). Production builds never send the error's message or stack to the browser; the
// digest lets an operator find the full error in the server log.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="narrow" role="alert">
      <h1>This page could not be loaded</h1>
      <p>
        Memcon could not reach its database or hit a problem on the server. Nothing you wrote before
        this page is lost. Please try again in a moment.
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
      {error.digest && <p className="hint">Reference for the administrator: {error.digest}</p>}
    </section>
  );
}
