import assert from 'node:assert/strict';
import {
  isFromTrustedRegistry,
  isLatestOrUntagged,
  normalizeImageReference,
  normalizeRegistryPrefix,
  parseImageReference,
} from '../../../../rules/kubernetes/images/image-reference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function parts(text: string) {
  const ref = parseImageReference(text);
  return ref && [ref.registry, ref.repository, ref.tag ?? null, ref.digest ?? null, ref.explicitRegistry];
}

describe('image references', () => {
  it('splits registry, repository, tag and digest like the runtimes', () => {
    assert.deepEqual(
      [
        parts('nginx'),
        parts('nginx:1.27'),
        parts('bitnami/redis:7.2'),
        parts('localhost:5000/app'),
        parts('localhost/app:dev'),
        parts('registry.example.com:5000/team/app:1.0'),
        parts(`gcr.io/proj/app@${DIGEST}`),
        parts(`nginx:1.27@${DIGEST}`),
        parts('index.docker.io/library/nginx:latest'),
        parts('  ghcr.io/Org/app:v1  '.replace('Org', 'org')),
      ],
      [
        ['docker.io', 'library/nginx', null, null, false],
        ['docker.io', 'library/nginx', '1.27', null, false],
        ['docker.io', 'bitnami/redis', '7.2', null, false],
        ['localhost:5000', 'app', null, null, true],
        ['localhost', 'app', 'dev', null, true],
        ['registry.example.com:5000', 'team/app', '1.0', null, true],
        ['gcr.io', 'proj/app', null, DIGEST, true],
        ['docker.io', 'library/nginx', '1.27', DIGEST, false],
        ['docker.io', 'library/nginx', 'latest', null, true],
        ['ghcr.io', 'org/app', 'v1', null, true],
      ],
    );
  });

  it('rejects what is not a reference, so rules stay silent', () => {
    assert.deepEqual(
      ['', '${IMAGE}', '{{ .Values.image }}', 'nginx@sha256:', 'nginx@sha256:abc', 'Nginx', 'nginx:bad tag', 'nginx:-x'].map(parseImageReference),
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('spells out implicit parts', () => {
    assert.deepEqual(
      ['nginx', 'localhost:5000/app', `nginx@${DIGEST}`, `quay.io/a/b:1@${DIGEST}`].map((t) => normalizeImageReference(parseImageReference(t)!)),
      ['docker.io/library/nginx:latest', 'localhost:5000/app:latest', `docker.io/library/nginx@${DIGEST}`, `quay.io/a/b:1@${DIGEST}`],
    );
  });

  it('tells floating images apart: latest or untagged, unless a digest pins them', () => {
    assert.deepEqual(
      ['nginx', 'nginx:latest', 'localhost:5000/app', 'nginx:1.27', `nginx:latest@${DIGEST}`, `nginx@${DIGEST}`].map((t) =>
        isLatestOrUntagged(parseImageReference(t)!),
      ),
      [true, true, true, false, false, false],
    );
  });

  it('normalises trusted-registry entries', () => {
    assert.deepEqual(
      ['registry.example.com/', 'registry.example.com', 'GHCR.io/my-org/*', 'nginx', 'bitnami/', 'index.docker.io', 'localhost:5000', '  '].map(
        normalizeRegistryPrefix,
      ),
      ['registry.example.com', 'registry.example.com', 'ghcr.io/my-org', 'docker.io/library/nginx', 'docker.io/bitnami', 'docker.io', 'localhost:5000', undefined],
    );
  });

  it('matches trusted prefixes on whole path components', () => {
    const trusted = ['registry.example.com', 'ghcr.io/my-org/', 'nginx'];
    assert.deepEqual(
      [
        'registry.example.com/team/app:1',
        'registry.example.com.evil.io/app:1',
        'ghcr.io/my-org/app:1',
        'ghcr.io/my-org-fake/app:1',
        'nginx:1.27',
        'docker.io/library/nginx:1.27',
        'nginx-unprivileged:1',
        'redis:7',
      ].map((t) => isFromTrustedRegistry(parseImageReference(t)!, trusted)),
      [true, false, true, false, true, true, false, false],
    );
  });
});
