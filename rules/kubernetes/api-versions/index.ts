import type { Rule } from '../../engine/rule';
import deprecatedApiVersion from './deprecated-api-version';
import removedApiVersion from './removed-api-version';

/** Removed and deprecated API versions for the target Kubernetes version (registry: rules/index.ts). */
export const API_VERSION_RULES: readonly Rule[] = [removedApiVersion, deprecatedApiVersion];
