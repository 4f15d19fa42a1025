/**
 * Profiles are derived from rule metadata, never listed by hand:
 *  - pss-baseline:   exactly the Pod Security Standards baseline controls
 *  - pss-restricted: baseline + restricted controls, nothing else
 *  - recommended:    the default, every rule of tier "recommended"
 *  - strict:         every rule
 */
import type { RuleMeta } from './types';

export const PROFILES = ['pss-baseline', 'pss-restricted', 'recommended', 'strict'] as const;
export type ProfileName = (typeof PROFILES)[number];
export const DEFAULT_PROFILE: ProfileName = 'recommended';

export const PROFILE_DESCRIPTIONS: Record<ProfileName, string> = {
  'pss-baseline': 'Exactly the Pod Security Standards baseline controls, as Pod Security Admission enforces them.',
  'pss-restricted': 'Exactly the Pod Security Standards restricted controls (baseline included), as Pod Security Admission enforces them.',
  recommended: 'The default: Pod Security Standards plus the hardening, supply-chain and secret checks most teams want.',
  strict: 'Every rule, including digest pinning, UID ranges and hygiene checks.',
};

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}

export function inProfile(meta: RuleMeta, profile: ProfileName): boolean {
  const pss = meta.references.pss?.level;
  switch (profile) {
    case 'pss-baseline':
      return pss === 'baseline';
    case 'pss-restricted':
      return pss === 'baseline' || pss === 'restricted';
    case 'recommended':
      return meta.tier === 'recommended';
    case 'strict':
      return true;
  }
}
