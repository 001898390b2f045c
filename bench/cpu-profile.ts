/**
 * Reads a V8 CPU profile (node --cpu-prof) and sums each sample's time by where the code lives:
 * a package, a project folder, Node's own modules, or V8's pseudo-frames (GC, idle, native).
 */

/** The part of a .cpuprofile this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, for the table. */
export function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native code)';
  const packages = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (packages) return (packages.at(-1) ?? '').replace('node_modules/', '');
  if (url.startsWith('node:')) return url.replace(/^node:(?:internal\/)?([^/]+).*$/, 'node:$1');
  // Astro's bundled build of the project's pages and content, prerendered from the staging folder.
  if (url.includes('/.prerender/')) return 'pages (Astro bundle of the project)';
  const project = /\/(src\/[^/]+|bench|tests)\//.exec(url);
  return project ? `${project[1]}/` : url;
}

/** Milliseconds of self time per category, largest first. */
export function selfTimeByCategory(profile: CpuProfile): [string, number][] {
  const categories = new Map(
    profile.nodes.map((node) => [node.id, categoryOf(node.callFrame.url, node.callFrame.functionName)]),
  );
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const category = categories.get(id) ?? '(unknown)';
    totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Which worker a profile belongs to, from the worker script its frames run. */
export function threadOf(profile: CpuProfile, isMain: boolean): string {
  if (isMain) return 'main thread';
  const urls = profile.nodes.map((node) => node.callFrame.url);
  if (urls.some((url) => url.endsWith('/typst-worker.ts'))) return 'Typst threads';
  if (urls.some((url) => url.endsWith('/packer-worker.ts'))) return 'packer thread';
  return 'other threads';
}
