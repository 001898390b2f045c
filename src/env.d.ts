interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled items are shown, marked. */
  readonly PORTAL_SHOW_UNPUBLISHED: boolean;
}

declare module 'virtual:portal/admin-script' {
  /** The public path of the web editor's entry script. */
  const url: string;
  export default url;
}
