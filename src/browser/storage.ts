// localStorage that never throws (private browsing, storage disabled): settings and reading
// positions are a convenience, never a reason for a page to break. Nothing leaves the browser.
export const KEYS = { theme: 'rb-theme', font: 'rb-font', resume: (work: string) => `rb-resume:${work}` } as const;

export function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the setting lasts for this page only */
  }
}
