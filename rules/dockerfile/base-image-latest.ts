import { defineDockerfileRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';
import { isLatestOrUntagged } from '../kubernetes/images/image-reference';
import { baseImages, instructionPath } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'base-image-latest',
    title: 'Base image is latest or untagged',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'A base image without a tag, or tagged `latest`, is whatever the registry serves on the day of the build: a rebuild can silently pull a new major version, or a compromised image, and two builds of the same commit differ.',
    remediation: 'Pin a specific version tag (`FROM node:20.18-alpine3.20`), and pin the digest too for reproducible builds (`FROM node:20.18-alpine3.20@sha256:...`).',
    references: { hadolint: ['DL3006', 'DL3007'], trivy: ['DS001'], checkov: ['CKV_DOCKER_7'] },
  },
  check(context) {
    for (const base of baseImages(context.dockerfile)) {
      if (!isLatestOrUntagged(base.reference)) continue;
      const what = base.reference.tag ? `${base.image} uses the latest tag` : `${base.image} has no tag (it means latest)`;
      const edit = latestToPlaceholder(context.text, base.start, base.end, base.reference.tag);
      context.report({
        start: base.start,
        end: base.end,
        path: instructionPath(base.stage, base.stage.from),
        message: `${what}: pin a version tag, e.g. FROM ${base.image.replace(/:latest$/, '')}:<version>.`,
        ...(edit ? { suggestions: [{ title: 'Replace latest with a version tag to complete (VERSION)', edits: [edit] }] } : {}),
      });
    }
  },
});

/** `node:latest` -> `node:VERSION`, `node` -> `node:VERSION`: a placeholder the user completes. */
function latestToPlaceholder(text: string, start: number, end: number, tag: string | undefined): TextEdit | undefined {
  const written = text.slice(start, end);
  if (!tag) return { start: end, end, newText: ':VERSION' };
  // `FROM ${BASE}` with `ARG BASE=node:latest`: the tag is not written here, so no edit.
  if (!written.endsWith(`:${tag}`)) return undefined;
  return { start: end - tag.length - 1, end, newText: ':VERSION' };
}
