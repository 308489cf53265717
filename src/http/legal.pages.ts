import type { Route } from '../platforms/platform.ts';

/**
 * The privacy and terms pages the Teams manifest links to (`privacyUrl`, `termsOfUseUrl` under PUBLIC_URL):
 * short static pages, public (no token), served by the service itself so the links never answer 404.
 */
const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>MarginIQ — ${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.5rem}</style>
</head><body><h1>MarginIQ — ${title}</h1>
${body}
</body></html>
`;

export const PRIVACY_HTML = page(
  'Privacy',
  `<p>MarginIQ is run by the organisation that installed it in its Slack workspace or Microsoft Teams tenant.
That organisation controls the data described here.</p>
<h2>What it keeps</h2>
<ul>
<li>The margin-statement PDFs that members upload to the bot, and the figures read from them (accounts, dates,
equity, requirements, calls).</li>
<li>Who uploaded, approved, rejected or edited each report, and when; the margin calls that follow from approved reports.</li>
<li>The platform user and channel ids needed to reply and to post the daily digest.</li>
</ul>
<h2>Where it goes</h2>
<p>Into the organisation's own database and file storage. Replies go back to the chat where the file was shared.
Nothing is sold, used for advertising, or sent to any other party, and statements are read on the service itself,
not by an outside service.</p>
<h2>How long</h2>
<p>As long as the organisation's retention rules say; ask its administrators to see or delete what is kept.</p>`,
);

export const TERMS_HTML = page(
  'Terms of use',
  `<p>MarginIQ reads margin statements and proposes figures; a person approves them. The figures it extracts can be
wrong: every report states its confidence and marks what needs review, and nothing is final until someone with the
approver role approves it.</p>
<p>Use it only for statements you are allowed to share with your organisation's workspace. The service is provided
by the organisation that installed it, under that organisation's own policies; it comes with no other warranty.</p>`,
);

const serve =
  (html: string): Route['handler'] =>
  async (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'public, max-age=3600',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(html);
  };

export const legalRoutes = (): Route[] => [
  { method: 'GET', path: '/privacy', handler: serve(PRIVACY_HTML) },
  { method: 'GET', path: '/terms', handler: serve(TERMS_HTML) },
];
