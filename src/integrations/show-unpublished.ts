/**
 * Decides once whether drafts and scheduled items may be shown: only under `astro dev`.
 * Tied to the command, not to NODE_ENV, so no environment can make a build publish a draft.
 */
import type { AstroIntegration } from 'astro';

/** Defines import.meta.env.PORTAL_SHOW_UNPUBLISHED: true for `astro dev`, false for everything else. */
export function showUnpublished(): AstroIntegration {
  return {
    name: 'portal:show-unpublished',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.PORTAL_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
