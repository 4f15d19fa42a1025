import type { Rule } from '../../engine/rule';
import invalidPodSecurityLabel from './invalid-pod-security-label';
import namespaceMissingPodSecurityLabel from './namespace-missing-pod-security-label';
import podSecurityAdmissionRejects from './pod-security-admission-rejects';

/** Pod Security Admission: namespace labels and what they would reject (registry: rules/index.ts). */
export const ADMISSION_RULES: readonly Rule[] = [invalidPodSecurityLabel, namespaceMissingPodSecurityLabel, podSecurityAdmissionRejects];
