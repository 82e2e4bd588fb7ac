// "Laporkan kesalahan": a small dialog (what is wrong; what the printed source says, if the reader
// knows), then the report opens in the reader's mail app or browser at REPORT_URL (../report.ts),
// with the passage, its permanent address, the work and the build. Offline, the report waits on the
// device (localStorage, read back through checkStoredReports) and is offered again at the foot of
// the screen when the connection returns or on the next chapter opened, with a way to discard it.
// Loaded by the annotator when the toolbar first opens; the dialog is made here, so a page carries
// no byte of it before.
import { announce } from '../../browser/announce.ts';
import { checkStoredReports, isMailto, MAX_STORED, reportAddress, REPORTS_KEY, type StoredReport } from '../report.ts';
import type { Passage } from './quote.ts';
import type { AnnotatorText } from '../../i18n/annotator-id.ts';

export interface ReportStrings {
  title: string;
  intro: string;
  wrong: string;
  printed: string;
  send: string;
  cancel: string;
  kept: string;
  pendingOne: string;
  pendingMany: string;
  sendNow: string;
  discard: string;
  discarded: string;
  subject: string;
  passage: string;
  address: string;
  work: string;
  build: string;
  fieldWrong: string;
  fieldPrinted: string;
  unknownBuild: string;
  cut: string;
}

/** The interface's words for quoting and reporting, as the annotator has them (src/annotations/browser/text.ts). */
export type QuoteText = AnnotatorText['quote'];

/** The dialog's and the report's words, in the interface language. */
const strings = (q: QuoteText): ReportStrings => ({
  title: q.reportTitle,
  intro: q.reportIntro,
  wrong: q.wrong,
  printed: q.printed,
  send: q.send,
  cancel: q.cancel,
  kept: q.kept,
  pendingOne: q.pending(1),
  pendingMany: q.pending(2).replace('2', '{n}'),
  sendNow: q.sendNow,
  discard: q.discard,
  discarded: q.discarded,
  subject: q.subject('{work}', '{id}'),
  passage: q.fieldPassage,
  address: q.fieldAddress,
  work: q.fieldWork,
  build: q.fieldBuild,
  fieldWrong: q.fieldWrong,
  fieldPrinted: q.fieldPrinted,
  unknownBuild: q.unknownBuild,
  cut: q.cut,
});

// ---- The build: the offline manifest's build id, as the service worker that serves this page knows it.

let build: Promise<string | undefined> | undefined;

/** Asks the worker for its status (src/offline/browser/worker.ts answers with its build); undefined without one or after a second. */
function buildId(): Promise<string | undefined> {
  return (build ??= new Promise((resolve) => {
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
    if (!sw || typeof BroadcastChannel === 'undefined') return resolve(undefined);
    const channel = new BroadcastChannel('rb-offline');
    const done = (id: string | undefined) => {
      channel.close();
      resolve(id);
    };
    const timer = setTimeout(() => done(undefined), 1000);
    channel.addEventListener('message', (e: MessageEvent<{ type?: string; build?: unknown }>) => {
      if (e.data?.type === 'status' && typeof e.data.build === 'string' && /^[0-9a-f]{8,64}$/.test(e.data.build)) {
        clearTimeout(timer);
        done(e.data.build);
      }
    });
    sw.postMessage({ type: 'status' });
  }));
}

// ---- Stored reports.

function stored(reportUrl: string): StoredReport[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(REPORTS_KEY);
  } catch {
    return [];
  }
  const reports = checkStoredReports(raw, reportUrl);
  // A damaged or foreign value goes without a word: what reads as reports is written back alone.
  if (raw !== null && JSON.stringify(reports) !== raw) keep(reports);
  return reports;
}

function keep(reports: StoredReport[]): boolean {
  try {
    if (reports.length) localStorage.setItem(REPORTS_KEY, JSON.stringify(reports.slice(-MAX_STORED)));
    else localStorage.removeItem(REPORTS_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Opens a report: a mail address in this tab (the mail app takes it; the page stays), a form in a new one. */
function open(address: string): void {
  if (isMailto(address)) window.open(address, '_self');
  else window.open(address, '_blank', 'noopener');
}

// ---- Writing a report.

let dialog: HTMLDialogElement | undefined;

function makeDialog(s: ReportStrings, lang: string): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'note-editor report-dialog';
  d.lang = document.documentElement.lang;
  d.setAttribute('aria-labelledby', 'report-title');
  d.dataset.pagefindIgnore = '';
  const form = document.createElement('form');
  form.method = 'dialog';
  const h = document.createElement('h2');
  h.id = 'report-title';
  h.textContent = s.title;
  const quote = document.createElement('blockquote');
  quote.className = 'note-editor-quote';
  quote.lang = lang;
  const intro = document.createElement('p');
  intro.textContent = s.intro;
  const field = (id: string, label: string, rows: number, required: boolean) => {
    const l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label;
    const t = document.createElement('textarea');
    t.id = id;
    t.name = id;
    t.rows = rows;
    t.required = required;
    return [l, t] as const;
  };
  const buttons = document.createElement('p');
  buttons.className = 'note-editor-buttons';
  const send = document.createElement('button');
  send.type = 'submit';
  send.value = 'send';
  send.textContent = s.send;
  const cancel = document.createElement('button');
  cancel.type = 'submit';
  cancel.value = 'cancel';
  cancel.formNoValidate = true;
  cancel.textContent = s.cancel;
  buttons.append(send, cancel);
  form.append(h, quote, intro, ...field('report-wrong', s.wrong, 3, true), ...field('report-printed', s.printed, 2, false), buttons);
  d.append(form);
  document.body.append(d);
  return d;
}

/** The dialog for a passage; on "send", the report opens (or waits, offline). */
export function report(passage: Passage, button: HTMLElement, work: { id: string; title: string; lang: string }, q: QuoteText): void {
  const reportUrl = button.dataset.report;
  if (!reportUrl) return;
  const s = strings(q);
  void buildId();
  const d = (dialog ??= makeDialog(s, work.lang));
  d.querySelector('blockquote')!.textContent = passage.exact;
  const wrong = d.querySelector<HTMLTextAreaElement>('#report-wrong')!;
  const printed = d.querySelector<HTMLTextAreaElement>('#report-printed')!;
  wrong.value = '';
  printed.value = '';
  d.returnValue = '';
  d.onclose = () => {
    if (d.returnValue !== 'send' || !wrong.value.trim()) return;
    // Online or not as the reader sends it (the build id may take a moment to come).
    const online = navigator.onLine;
    void buildId().then((id) => {
      const body = [
        `${s.fieldWrong}: ${wrong.value.trim()}`,
        printed.value.trim() ? `${s.fieldPrinted}: ${printed.value.trim()}` : '',
        `${s.address}: ${passage.address}`,
        `${s.work}: ${work.title} (${work.id})`,
        `${s.build}: ${id ?? s.unknownBuild}`,
        '',
        `${s.passage}: “${passage.exact}”`,
      ].filter((line, i) => line || i === 5);
      const address = reportAddress(reportUrl, s.subject.replace('{work}', work.title).replace('{id}', passage.id ?? work.id), body.join('\n'), s.cut);
      if (online) return open(address);
      if (keep([...stored(reportUrl), { address, passage: passage.exact, created: new Date().toISOString() }])) {
        announce(s.kept);
        offerWhenOnline(button, q);
      }
    });
  };
  d.showModal();
  wrong.focus();
}

// ---- Offering the reports that wait.

let waiting = false;

function offerWhenOnline(button: HTMLElement, q: QuoteText): void {
  if (waiting) return;
  waiting = true;
  addEventListener(
    'online',
    () => {
      waiting = false;
      offerStored(button, q);
    },
    { once: true },
  );
}

/** The reports written offline, offered at the foot of the screen once there is a connection. */
export function offerStored(button: HTMLElement, q: QuoteText): void {
  const reportUrl = button.dataset.report;
  if (!reportUrl) return;
  const reports = stored(reportUrl);
  document.querySelector('.report-pending')?.remove();
  if (!reports.length) return;
  if (!navigator.onLine) return offerWhenOnline(button, q);
  const s = strings(q);
  // A region named by its own sentence (a landmark: what it offers is found, and heard when it appears).
  const box = document.createElement('section');
  box.className = 'report-pending';
  box.lang = document.documentElement.lang;
  box.setAttribute('aria-labelledby', 'report-pending-text');
  const text = document.createElement('p');
  text.id = 'report-pending-text';
  text.setAttribute('role', 'status');
  text.textContent = reports.length === 1 ? s.pendingOne : s.pendingMany.replace('{n}', String(reports.length));
  const quote = document.createElement('q');
  quote.textContent = reports[0]!.passage.length > 80 ? `${reports[0]!.passage.slice(0, 80)}…` : reports[0]!.passage;
  // Each button acts on the oldest waiting report, as stored now (another tab may have sent it).
  const act = (label: string, fn: (r: StoredReport) => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => {
      const [first, ...rest] = stored(reportUrl);
      keep(rest);
      if (first) fn(first);
      offerStored(button, q);
    });
    return b;
  };
  box.append(
    text,
    ' ',
    quote,
    ' ',
    act(s.sendNow, (r) => open(r.address)),
    ' ',
    act(s.discard, () => announce(s.discarded)),
  );
  (document.querySelector('.messages') ?? document.body).append(box);
}
