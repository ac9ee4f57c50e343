"use client";

// The last resort, when even the layout (header, session) failed: it replaces the whole document,
// so it brings its own <html>. Same message as app/error.tsx, without the site's styles.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "3rem auto" }}>
        <main role="alert">
          <h1>Memcon is unavailable for a moment</h1>
          <p>
            Memcon could not reach its database or hit a problem on the server. Please try again in
            a moment: <a href="">reload this page</a>.
          </p>
          {error.digest && <p>Reference for the administrator: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
