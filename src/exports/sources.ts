/**
 * Reads what the exporters convert: the MDX files the pages are built from (parsed with Sätteri,
 * the parser Astro's MDX uses), the images they show, and the QR code of the live page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { PRINT_IMAGE_MAX_PX } from '../lib/exports/document-format.ts';
import { failAt, isRemote, type MdNode } from '../lib/exports/mdast.ts';
import { parseMdx } from '../lib/exports/mdx.ts';
import { imageKey } from '../lib/exports/placement.ts';

/** A parsed MDX file. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the project, for messages. */
  name: string;
  /** The file in NFC, as the site serves it. */
  text: string;
  tree: MdNode;
}

/** An image a body shows, loaded and measured. */
export interface LoadedImage {
  /** The source as written in the MDX. */
  url: string;
  /** Which file wrote it. */
  file: string;
  data: Uint8Array;
  /** File type Typst and Word both read. */
  type: 'jpg' | 'png' | 'gif';
  width: number;
  height: number;
  sha256: string;
}

/** Reads and parses one MDX file of a collection entry (its `filePath`). */
export function readSource(filePath: string | undefined): SourceFile {
  if (!filePath) throw new Error('Content entry without a file path');
  const path = resolve(filePath);
  const text = readFileSync(path, 'utf8').normalize('NFC');
  return { path, name: relative(process.cwd(), path), text, tree: parseMdx(text) };
}

/** Every image node in a tree, with the source it was written with. */
function imageNodes(tree: MdNode, definitions = new Map<string, string>()): MdNode[] {
  const found: MdNode[] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier.toLowerCase(), node.url ?? '');
    if (node.type === 'image' || node.type === 'imageReference') found.push(node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

const SHARP_TYPES: Readonly<Record<string, LoadedImage['type']>> = { jpeg: 'jpg', png: 'png', gif: 'gif' };

/**
 * An image as the PDF and Word file embed it: no larger than the printed text block at 200 dpi
 * (a 4600 px photo would otherwise make a 20 MB file), turned upright, and in a type both read
 * (WebP and others become PNG).
 */
async function printableImage(
  original: Uint8Array,
  format: string,
  width: number,
  height: number,
): Promise<Pick<LoadedImage, 'data' | 'type' | 'width' | 'height'>> {
  const known = SHARP_TYPES[format];
  const { width: maxWidth, height: maxHeight } = PRINT_IMAGE_MAX_PX;
  if (known && width <= maxWidth && height <= maxHeight) return { data: original, type: known, width, height };
  const type = known === 'jpg' ? 'jpg' : 'png';
  const resized = sharp(original)
    .rotate()
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await (type === 'jpg' ? resized.jpeg({ quality: 85 }) : resized.png()).toBuffer({
    resolveWithObject: true,
  });
  return { data: new Uint8Array(data), type, width: info.width, height: info.height };
}

/** Loads every local image the files show; WebP and others become PNG for Word's sake. */
export async function loadImages(files: readonly SourceFile[]): Promise<Map<string, LoadedImage>> {
  const images = new Map<string, LoadedImage>();
  for (const file of files) {
    const definitions = new Map<string, string>();
    for (const node of imageNodes(file.tree, definitions)) {
      const url =
        node.type === 'image' ? (node.url ?? '') : (definitions.get((node.identifier ?? '').toLowerCase()) ?? '');
      if (!url || isRemote(url)) continue; // the converters report remote and undefined images
      const key = imageKey(file.name, url);
      if (images.has(key)) continue;
      const path = resolve(dirname(file.path), decodeURI(url));
      if (!existsSync(path)) failAt(file.name, node, 'export.imageMissing', { src: url });
      const data: Uint8Array = readFileSync(path);
      const meta = await sharp(data)
        .metadata()
        .catch(() => undefined);
      if (!meta?.format || !meta.width || !meta.height)
        return failAt(file.name, node, 'export.imageType', { src: url });
      const printable = await printableImage(data, meta.format, meta.width, meta.height);
      images.set(key, {
        url,
        file: file.name,
        ...printable,
        sha256: createHash('sha256').update(printable.data).digest('hex'),
      });
    }
  }
  return images;
}

/** The QR code of an address as SVG (medium error correction survives a photocopy). */
export async function qrSvg(url: string): Promise<Uint8Array> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return new TextEncoder().encode(svg);
}
