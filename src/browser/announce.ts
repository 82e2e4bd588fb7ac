// Short messages for everyone: shown as a toast and read by screen readers (the status region in
// Base.astro), and copying text with that message as confirmation.
let timer: number | undefined;

export function announce(message: string): void {
  const region = document.getElementById('status');
  if (!region) return;
  region.textContent = message;
  region.classList.add('visible');
  clearTimeout(timer);
  timer = window.setTimeout(() => region.classList.remove('visible'), 3000);
}

export async function copyText(text: string, message: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce(message);
    return true;
  } catch {
    return false;
  }
}
