/**
 * Inputs of the web editor's configuration that live outside the code: the Git host backend chosen
 * for production (environment variables, see README).
 */
import { buildAdminSetup, type AdminSetup, type GitBackend } from './lib/admin/config.ts';
import { clockNow, env } from './env.ts';

/** The production backend from CMS_BACKEND, CMS_REPO, CMS_BRANCH, CMS_BASE_URL, CMS_AUTH_ENDPOINT. */
function gitBackend(): GitBackend {
  const { cms } = env;
  return {
    name: cms.backend,
    ...(cms.repo ? { repo: cms.repo } : {}),
    branch: cms.branch,
    ...(cms.baseUrl ? { base_url: cms.baseUrl } : {}),
    ...(cms.authEndpoint ? { auth_endpoint: cms.authEndpoint } : {}),
  };
}

/**
 * The web editor's setup for this build (or this dev-server request). Months and years come from
 * the collections gate, so the public /admin/ page never names a draft; upcoming months are added
 * by the config itself.
 */
export function adminSetup(site: URL | undefined, months: string[], topicYears: string[]): AdminSetup {
  return buildAdminSetup({
    now: clockNow(),
    months,
    topicYears,
    backend: gitBackend(),
    ...(site ? { siteUrl: site.href } : {}),
  });
}

/** Origins the web editor may call besides its own: the Git host's API (CMS_API_ORIGIN). */
export function adminConnectSources(): string[] {
  return env.cms.apiOrigin ? [new URL(env.cms.apiOrigin).origin] : [];
}
