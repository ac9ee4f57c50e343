import { escapeHtml } from "@/lib/format/html";

// The few pages the LTI endpoints answer themselves (a refused launch, "open in a new window"):
// plain HTML, readable inside any platform's frame, with nothing from the request but escaped text.

export function ltiPage(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Memcon</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem;color:#1d2433;background:#fbfaf7}
main{max-width:38rem;margin:0 auto}
h1{font-size:1.4rem;margin:0 0 .75rem}
.button-link{display:inline-block;padding:.55rem 1rem;border-radius:.4rem;background:#23415f;color:#fff;text-decoration:none;font-weight:600}
.button-link:focus-visible{outline:3px solid #e0a526;outline-offset:2px}
.note{color:#4b5563;font-size:.95rem}
</style></head>
<body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export function refusalPage(message: string, status: number): Response {
  return ltiPage(
    "Memcon could not open",
    `<h1>Memcon could not open</h1><p role="alert">${escapeHtml(message)}</p>
<p class="note">Nothing was created in Memcon. If this keeps happening, tell your course's instructor or the learning platform's administrator.</p>`,
    status,
  );
}

export function newWindowPage(href: string): Response {
  return ltiPage(
    "Open Memcon",
    `<h1>Open Memcon in a new window</h1>
<p>Your browser does not let Memcon keep you signed in inside this page of your course.</p>
<p><a class="button-link" href="${escapeHtml(href)}" target="_blank" rel="noopener">Open in a new window</a></p>
<p class="note">The link works once, for five minutes. You stay signed in to Memcon in that window.</p>`,
  );
}
