// The build's REPORT_URL (./report.ts), as the pages read it: astro.config.mjs checks the variable
// and Vite writes it in (vite.define, as src/base-path.ts's base), so a page never reads the
// environment at render time. Empty: reporting is off, and no page shows its control.
declare const __RB_REPORT_URL__: string | undefined;
export const REPORT_URL: string | undefined = typeof __RB_REPORT_URL__ === 'string' && __RB_REPORT_URL__ ? __RB_REPORT_URL__ : undefined;
