// What the player of "Dengarkan" says (./browser/player.ts), from the dictionaries (src/i18n/), the
// one source. astro.config.mjs writes both languages' into the player's code (Vite's define,
// __RB_LISTEN__), so the strings come with the player, loaded on the first press, and not in every
// chapter's HTML; the player picks the page's interface language. Not an import of the dictionaries
// by the player: that made them a code chunk shared with search, which a tab left on an old build
// could no longer load (tests/browser/offline.test.ts).
import type { Dictionary } from '../i18n/id.ts';

/** The player's strings of one interface language: its own, and the languages' names for "no voice". */
export function playerStrings(t: Dictionary) {
  // The button's own words stay in the page (src/listen/Listen.astro).
  const { button: _button, buttonLabel: _label, loadFailed: _failed, ...strings } = t.listen;
  return { ...strings, languageNames: t.languageNames as Record<string, string> };
}

export type PlayerStrings = ReturnType<typeof playerStrings>;
