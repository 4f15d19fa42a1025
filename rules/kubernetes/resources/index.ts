import type { KubernetesRule } from '../../engine/rule';
import incompleteLimitRange from './incomplete-limit-range';
import incompleteResourceQuota from './incomplete-resource-quota';
import missingCpuLimit from './missing-cpu-limit';
import missingCpuRequest from './missing-cpu-request';
import missingEphemeralStorage from './missing-ephemeral-storage';
import missingMemoryLimit from './missing-memory-limit';
import missingMemoryRequest from './missing-memory-request';
import requestsNotEqualLimits from './requests-not-equal-limits';

/** The resources rules, one per file (registry: rules/index.ts). */
export const RESOURCE_RULES: readonly KubernetesRule[] = [
  missingCpuRequest,
  missingCpuLimit,
  missingMemoryRequest,
  missingMemoryLimit,
  missingEphemeralStorage,
  requestsNotEqualLimits,
  incompleteLimitRange,
  incompleteResourceQuota,
];
