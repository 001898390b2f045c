import { describe, expect, it } from 'vitest';
import { APP_ICONS, appIconSvg, webManifest } from '../../../src/lib/reach/web-manifest.ts';

describe('webManifest', () => {
  const manifest = webManifest();

  it('is an installable Vietnamese app starting at the home page', () => {
    expect(manifest).toMatchObject({
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      name: 'Tài liệu sinh hoạt chi bộ',
    });
    expect(manifest.short_name.length).toBeLessThanOrEqual(16);
  });

  it('lists a 192 and a 512 icon, and a maskable one', () => {
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
  });
});

describe.each(APP_ICONS.map((icon) => [icon.name, icon] as const))('appIconSvg for %s', (_, icon) => {
  it('draws at its size, square corners when maskable', () => {
    const svg = appIconSvg(icon.size, icon.maskable);
    expect(svg).toContain(`width="${icon.size}" height="${icon.size}"`);
    expect(svg).toContain(icon.maskable ? 'rx="0"' : 'rx="6"');
  });
});
