import type { DockerfileRule } from '../engine/rule';
import finalUserRoot from './final-user-root';

/** Dockerfile rules, one per file (registry: rules/index.ts). */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [finalUserRoot];
