interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled items are shown, marked. */
  readonly PORTAL_SHOW_UNPUBLISHED: boolean;
}
