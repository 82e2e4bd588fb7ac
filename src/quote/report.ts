// "Laporkan kesalahan": a reader's report of an error in the text goes where the library says, in
// one setting, REPORT_URL (read by astro.config.mjs at build time, like SITE_URL and BASE_PATH):
// a `mailto:` address (the report is the mail's subject and body) or the address of an issue form
// that takes `title` and `body` in its query (GitHub's …/issues/new). The reader's own mail app or
// browser opens it; the site sends nothing. Plain functions, no DOM: the build, the browser code
// (./browser/report.ts) and the unit tests share them.

/**
 * The longest address a report opens, in characters, the body cut to fit (marked as cut).
 * mailto: 1,800. Windows hands a mailto: address to the mail app through ShellExecute, which takes
 * at most 2,048 characters (older Outlook and Internet Explorer stopped at 2,083), and some Android
 * mail apps drop a longer body altogether; 1,800 leaves room for the address itself.
 * An issue form: 8,000. GitHub answers 414 to a request line past about 8 KB, as most servers do.
 */
export const MAILTO_LIMIT = 1800;
export const FORM_LIMIT = 8000;

/** The setting as the build takes it: undefined (reporting off), or a mailto: or http(s) address. A bad value stops the build. */
export function parseReportUrl(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  const fail = (why: string) =>
    new Error(
      `REPORT_URL "${value}" ${why}: give a mail address as mailto:koreksi@example.org, or an issue form that takes title and body in its query, as https://github.com/<owner>/<repo>/issues/new; leave it unset to turn reporting off (docs/publishing.md).`,
    );
  if (/^mailto:/i.test(v)) {
    if (!/^mailto:[^\s?&@]+@[^\s?&@]+$/i.test(v)) throw fail('is not one mail address (no ?subject or body: the report writes those)');
    return v;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw fail('is neither a mailto: address nor a web address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('is neither a mailto: address nor an http(s) address');
  if (url.hash || url.searchParams.has('title') || url.searchParams.has('body'))
    throw fail('already has a title, body or #fragment (the report writes title and body)');
  return v;
}

export const isMailto = (reportUrl: string) => /^mailto:/i.test(reportUrl);
export const reportLimit = (reportUrl: string) => (isMailto(reportUrl) ? MAILTO_LIMIT : FORM_LIMIT);

/** Percent-encoding for a query value; mail apps read %20 as a space (a "+" they keep as "+"). */
const enc = (s: string) => encodeURIComponent(s);

function build(reportUrl: string, subject: string, body: string): string {
  const [first, second] = isMailto(reportUrl) ? ['subject', 'body'] : ['title', 'body'];
  return `${reportUrl}${reportUrl.includes('?') ? '&' : '?'}${first}=${enc(subject)}&${second}=${enc(body)}`;
}

/**
 * The address a report opens: REPORT_URL with the subject (title) and body in its query, the body cut
 * (whole characters, never a half of a surrogate pair or of a %-sequence) so that the whole address
 * stays within the limit, and `cutMark` at the cut.
 */
export function reportAddress(reportUrl: string, subject: string, body: string, cutMark: string): string {
  const limit = reportLimit(reportUrl);
  const whole = build(reportUrl, subject, body);
  if (whole.length <= limit) return whole;
  const chars = Array.from(body);
  let lo = 0;
  let hi = chars.length;
  const at = (n: number) => build(reportUrl, subject, `${chars.slice(0, n).join('').trimEnd()}… ${cutMark}`);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (at(mid).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  return at(lo);
}

/** A report waiting on the device (written offline): the address it opens, and for the reader the words it is about. */
export interface StoredReport {
  address: string;
  passage: string;
  created: string;
}
export const REPORTS_KEY = 'rb-reports';
/** More than this many waiting reports: the oldest go (a device offline for weeks keeps the last ones). */
export const MAX_STORED = 10;

/**
 * The stored reports that read as reports for this REPORT_URL, as the other stored values are read
 * (src/browser/safe.ts): anything else (damaged, of another build's setting, an address that leads
 * elsewhere) is dropped, never thrown.
 */
export function checkStoredReports(raw: string | null, reportUrl: string): StoredReport[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const prefix = `${reportUrl}${reportUrl.includes('?') ? '&' : '?'}`;
  const isReport = (r: unknown): r is StoredReport => {
    if (!r || typeof r !== 'object') return false;
    const { address, passage, created } = r as Record<string, unknown>;
    return (
      typeof address === 'string' &&
      address.startsWith(prefix) &&
      address.length <= reportLimit(reportUrl) &&
      typeof passage === 'string' &&
      typeof created === 'string' &&
      !Number.isNaN(Date.parse(created))
    );
  };
  return (data as unknown[])
    .filter(isReport)
    .map(({ address, passage, created }) => ({ address, passage, created }))
    .slice(-MAX_STORED);
}
