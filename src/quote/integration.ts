// Says once per build where error reports go, or that reporting is off (REPORT_URL unset), so a
// librarian who expected the control sees why it is missing.
import type { AstroIntegration } from 'astro';

export function reportSetting(reportUrl: string | undefined): AstroIntegration {
  return {
    name: 'ruang-baca:report-setting',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (reportUrl) logger.info(`error reports ("Laporkan kesalahan") open ${reportUrl.replace(/^(mailto:|https?:\/\/[^/]+).*$/i, '$1…')}`);
        else logger.info('error reports are off: REPORT_URL is not set, so no page shows "Laporkan kesalahan" (docs/publishing.md)');
      },
    },
  };
}
