import type { KubernetesRule } from '../../engine/rule';
import privilegedContainer from './privileged-container';

/** Pod Security Standards controls, one rule per control (registry: rules/index.ts). */
export const POD_SECURITY_RULES: readonly KubernetesRule[] = [privilegedContainer];
