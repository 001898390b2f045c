/**
 * The MDX bodies of a document, read and converted: loads an item's files and images once, keys
 * them for the cache, and converts each body to Typst (PDF) or Word with the same placement.
 */
import type { DocxImage } from '../lib/exports/docx/from-mdast.ts';
import { bodyPlacement } from '../lib/exports/placement.ts';
import { mdastToTypst } from '../lib/exports/typst/from-mdast.ts';
import { cacheKey } from './cache.ts';
import { siteUrl } from './render.ts';
import { loadImages, readSource, type LoadedImage, type SourceFile } from './sources.ts';
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

/** Typst conversion of one body, with its images registered as world files. */
export function typstBody(
  file: SourceFile,
  sources: Sources,
  worldFiles: TypstFile[],
  headingOffset: number,
  index: number,
): string {
  const options = bodyPlacement(file.name, siteUrl(), headingOffset, sources.images, (image: LoadedImage) => {
    const path = typstPath('img', `${image.sha256}.${image.type}`);
    if (!worldFiles.some((existing) => existing.path === path)) worldFiles.push({ path, data: image.data });
    return path;
  });
  return mdastToTypst(file.tree, { ...options, labelPrefix: `b${index}` });
}

/** The images of some sources as the Word converter takes them, for a job sent to the packer thread. */
export function docxImages(sources: Sources): Map<string, DocxImage> {
  return new Map(
    [...sources.images].map(([key, image]) => [
      key,
      { data: image.data, type: image.type, width: image.width, height: image.height },
    ]),
  );
}
