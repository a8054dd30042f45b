import type { RuleMeta } from './rule';

export const REPOSITORY_URL = 'https://github.com/policy-lint/policy-lint';

/** Web link of a rule's docs page (the page lives at docs/rules/<family>/<name>.md in the repository). */
export function docsUrl(meta: Pick<RuleMeta, 'docs'>): string {
  return `${REPOSITORY_URL}/blob/main/${meta.docs}`;
}
