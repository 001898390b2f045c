/** The web app manifest and its icons, so the portal can be installed on a phone's home screen. */
import { t } from '../../i18n/vi.ts';
import { routes } from '../content/routes.ts';

/** The app icons: name, pixel size, and whether the artwork leaves the maskable safe zone free. */
export const APP_ICONS = [
  { name: 'icon-192', size: 192, maskable: false },
  { name: 'icon-512', size: 512, maskable: false },
  { name: 'maskable-512', size: 512, maskable: true },
  { name: 'apple-touch-icon', size: 180, maskable: true },
] as const;

/** Brand colours shared by the manifest, the theme-color meta and the icons. */
export const APP_COLORS = { theme: '#a3141b', background: '#fdfcfa', star: '#ffde00' } as const;

/** The icon artwork (the favicon's gold star on red) as SVG; a maskable icon fills its square. */
export function appIconSvg(size: number, maskable: boolean): string {
  // Maskable icons get cropped to a circle: no rounded corners, star within the central 80 %.
  const radius = maskable ? 0 : 6;
  const scale = maskable ? 0.72 : 1;
  const offset = (32 - 32 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" rx="${radius}" fill="${APP_COLORS.theme}"/><path transform="translate(${offset} ${offset}) scale(${scale})" fill="${APP_COLORS.star}" d="M16 5l2.6 7.9H27l-6.7 4.9 2.6 7.9L16 20.8l-6.9 4.9 2.6-7.9L5 12.9h8.4z"/></svg>`;
}

/** The manifest's content. */
export function webManifest() {
  return {
    name: t('site.name'),
    short_name: t('app.shortName'),
    description: t('site.description'),
    lang: 'vi',
    dir: 'ltr',
    start_url: routes.home(),
    scope: routes.home(),
    display: 'standalone',
    background_color: APP_COLORS.background,
    theme_color: APP_COLORS.theme,
    icons: APP_ICONS.filter((icon) => icon.name !== 'apple-touch-icon').map((icon) => ({
      src: routes.appIcon(icon.name),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.maskable ? 'maskable' : 'any',
    })),
  };
}
