/**
 * The MDX bodies of a document, read and converted: loads an item's files and images once, keys
 * them for the cache, and converts each body to Typst (PDF) or Word with the same placement.
 */
import { t } from '../i18n/vi.ts';
import { DocxNotes, mdastToDocx, type DocxBlock, type DocxImage } from '../lib/exports/docx/from-mdast.ts';
import type { BodyOptions, MdNode } from '../lib/exports/mdast.ts';
import { mdastToTypst } from '../lib/exports/typst/from-mdast.ts';
import { cacheKey } from './cache.ts';
import { siteUrl } from './render.ts';
import { imageKey, loadImages, readSource, type LoadedImage, type SourceFile } from './sources.ts';
import { typstPath, type TypstFile } from './typst.ts';

/** Everything a document's bodies need: parsed files and their images. */
export interface Sources {
  files: SourceFile[];
  images: Map<string, LoadedImage>;
}

/** Reads and parses the files of an item (index first) and loads the images they show. */
export async function loadSources(filePaths: readonly (string | undefined)[]): Promise<Sources> {
  const files = filePaths.map((path) => readSource(path));
  return { files, images: await loadImages(files) };
}

/** The content a document is made from, in a stable order. */
export function contentKey(kind: string, id: string, sources: Sources, extra: readonly string[]): string {
  const parts: string[] = [kind, id, siteUrl()];
  for (const file of sources.files) parts.push(file.name, file.text);
  for (const [key, image] of [...sources.images].sort(([a], [b]) => a.localeCompare(b))) parts.push(key, image.sha256);
  return cacheKey([...parts, ...extra]);
}

/** What both converters share for one body: its file, the site, heading levels and its images. */
function placement<Image>(
  file: SourceFile,
  sources: Sources,
  headingOffset: number,
  image: (loaded: LoadedImage) => Image,
): BodyOptions<Image, never> {
  return {
    file: file.name,
    siteUrl: siteUrl(),
    headingLevel: (depth) => Math.max(1, depth + headingOffset),
    image: (url: string, node: MdNode) => {
      const loaded = sources.images.get(imageKey(file.name, url));
      if (!loaded)
        throw new Error(`${file.name}:${node.position?.start.line ?? ''}: ${t('export.imageMissing', { src: url })}`);
      return image(loaded);
    },
  };
}

/** Typst conversion of one body, with its images registered as world files. */
export function typstBody(
  file: SourceFile,
  sources: Sources,
  worldFiles: TypstFile[],
  headingOffset: number,
  index: number,
): string {
  const options = placement(file, sources, headingOffset, (image) => {
    const path = typstPath('img', `${image.sha256}.${image.type}`);
    if (!worldFiles.some((existing) => existing.path === path)) worldFiles.push({ path, data: image.data });
    return path;
  });
  return mdastToTypst(file.tree, { ...options, labelPrefix: `b${index}` });
}

/** Word conversion of one body, sharing the document's footnotes and lists. */
export function docxBody(file: SourceFile, sources: Sources, notes: DocxNotes, headingOffset: number): DocxBlock[] {
  const options = placement(file, sources, headingOffset, (image): DocxImage => ({
    data: image.data,
    type: image.type,
    width: image.width,
    height: image.height,
  }));
  return mdastToDocx(file.tree, { ...options, notes });
}
