/**
 * The site's inline scripts, word for word. Astro hashes the scripts it bundles but not
 * `is:inline` ones, so astro.config.mjs hashes these into the Content-Security-Policy; the build
 * fails (src/integrations/server-files.ts) if a page carries an inline script that is not here.
 */
import { FONT_SIZE_KEY, MAX_FONT_SIZE } from './font-size.ts';
import { THEME_KEY } from './theme.ts';

/**
 * Applies the saved font size before first paint (FontSizeScript.astro; key of lib/reader/font-size.ts),
 * and marks the page as scripted (`html.js`), so controls that need JavaScript take their place in the
 * first layout instead of appearing later and pushing the page down (layout shift).
 */
export const FONT_SIZE_BOOT = `document.documentElement.classList.add('js');try{var s=localStorage.getItem('${FONT_SIZE_KEY}');if(s&&/^[0-${MAX_FONT_SIZE}]$/.test(s))document.documentElement.dataset.fontSize=s}catch(e){}`;

/** Applies the saved theme before first paint (ThemeScript.astro; key of lib/reader/theme.ts). */
export const THEME_BOOT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** Registers the service worker once the page has loaded (ReachHead.astro). */
export const SERVICE_WORKER_REGISTRATION =
  "if('serviceWorker'in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js')})";

/** Every inline script the CSP allows. */
export const INLINE_SCRIPTS: readonly string[] = [FONT_SIZE_BOOT, THEME_BOOT, SERVICE_WORKER_REGISTRATION];
