// Modules the project's Vite plugins provide (not src/env.d.ts: TypeScript skips a .d.ts beside a .ts of the same name).

declare module 'virtual:portal/admin-script' {
  /** The public path of the web editor's entry script (src/integrations/admin-bundle.ts). */
  const url: string;
  export default url;
}
