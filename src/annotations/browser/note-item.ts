// What the chapter's "Catatan saya di bab ini" list and the "Catatan saya" page both show of a note
// under its quote: the "text not found" label when its passage is gone, and the reader's own note.

export function appendNoteDetails(li: HTMLElement, note: string, lost: boolean, labels: { orphanLabel?: string; note?: string }): void {
  if (lost) {
    const tag = document.createElement('strong');
    tag.className = 'orphan-label';
    tag.textContent = ` (${labels.orphanLabel})`;
    li.append(tag);
  }
  if (note.trim()) {
    const p = document.createElement('p');
    p.textContent = `${labels.note}: ${note}`;
    li.append(p);
  }
}
