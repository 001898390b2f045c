import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { APP_ICONS, appIconSvg } from '../../lib/reach/web-manifest.ts';
import { keyedPaths } from '../../path-keys.ts';

/** The app icons of the manifest (and the Apple touch icon), drawn from the favicon's artwork. */
// The artwork is code (in the route's module graph); the size and mask are the props.
export const getStaticPaths = (() =>
  keyedPaths(
    'icons/[name]',
    APP_ICONS.map((icon) => ({ params: { name: icon.name }, props: { icon } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: (typeof APP_ICONS)[number] }> = async ({ props: { icon } }) => {
  const png = await sharp(Buffer.from(appIconSvg(icon.size, icon.maskable)))
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
