/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A mail body as plain text for reading (tags dropped, entities of the common kind decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A plain server-rendered page for the simulated tenant (no scripts; styles inline in one
 * `<style>` element, which the app's CSP allows). Everything interpolated must be escaped.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · simulated Microsoft 365</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1.5rem; color: #1b1b1b; }
header p { color: #555; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
pre { white-space: pre-wrap; margin: 0; font: inherit; }
code { font-size: .9em; }
.kind { font-size: .8em; background: #eef; padding: .1rem .35rem; border-radius: .25rem; }
form.inline { display: inline; }
fieldset { border: 1px solid #ccc; margin: 1rem 0; }
label { margin-right: .75rem; }
</style>
</head>
<body>
<header>
<p>Simulated Microsoft 365 tenant (demo mode). Fictional data only.</p>
<nav><a href="/sim/outbox">Outbox</a><a href="/sim/faults">Fault injection</a><a href="/">Back to Virtual MARAC</a></nav>
<h1>${escapeHtml(title)}</h1>
</header>
<main>
${body}
</main>
</body>
</html>`;
}
