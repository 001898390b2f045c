/**
 * Where a body sits in a document, shared by the Typst and Word converters: its file (for
 * messages), the site address, how its heading levels shift, and the images it shows.
 */
import { t } from '../../i18n/vi.ts';
import type { BodyOptions, MdNode } from './mdast.ts';

/** The key of an image a file shows, as the loader stores it. */
export function imageKey(file: string, url: string): string {
  return `${file}\u0000${url}`;
}

/** Converter options for one body; `convert` turns a loaded image into what the converter needs. */
export function bodyPlacement<Loaded, Image>(
  file: string,
  siteUrl: string,
  headingOffset: number,
  images: ReadonlyMap<string, Loaded>,
  convert: (loaded: Loaded) => Image,
): BodyOptions<Image, never> {
  return {
    file,
    siteUrl,
    headingLevel: (depth) => Math.max(1, depth + headingOffset),
    image: (url: string, node: MdNode) => {
      const loaded = images.get(imageKey(file, url));
      if (!loaded)
        throw new Error(`${file}:${node.position?.start.line ?? ''}: ${t('export.imageMissing', { src: url })}`);
      return convert(loaded);
    },
  };
}
