import assert from 'node:assert/strict';
import {
  decodeBase64Text,
  detectSecret,
  findSensitiveAssignments,
  nameWords,
  nonSecretValueReason,
  scanSecretFormats,
  sensitiveNameReason,
  type SecretMatch,
} from '../../../rules/engine/secrets';
import { secretlintScanners } from '../../../rules/engine/secrets/secretlint';
import { FAKE, pem } from './fake-secrets';

/** [kind, description, offending substring] */
function summary(value: string, match: SecretMatch | undefined): [string, string, string] | undefined {
  return match && [match.kind, match.description, value.slice(match.start, match.end)];
}

describe('secret detector', () => {
  describe('token formats (secretlint recommended preset, run synchronously)', () => {
    const cases: Array<[string, string]> = [
      [FAKE.githubClassic, 'GitHub Token'],
      [FAKE.githubOauth, 'GitHub Token'],
      [FAKE.githubServer, 'GitHub Token'],
      [FAKE.githubFineGrained, 'GitHub Token'],
      [FAKE.gitlab, 'GitLab Personal Access Token'],
      [FAKE.slack, 'slack token'],
      [FAKE.stripe, 'Stripe Live Secret Key'],
      [FAKE.npm, 'npm access token'],
      [FAKE.awsAccessKeyId, 'AWS Access Key ID'],
    ];
    for (const [token, description] of cases) {
      it(`${description} (${token.slice(0, 6)}...) alone and inside text`, () => {
        assert.deepEqual(summary(token, detectSecret(undefined, token)), ['token', description, token]);
        const embedded = `before ${token} after`;
        const match = detectSecret('ANY', embedded);
        assert.deepEqual(summary(embedded, match), ['token', description, token]);
        assert.equal(match!.start, 'before '.length);
      });
    }

    it('is synchronous and quick enough to run per keystroke', () => {
      const values = Array.from({ length: 2000 }, (_, i) => `ordinary-configuration-value-${i}`);
      const started = performance.now();
      const found = values.flatMap((v) => scanSecretFormats(v));
      assert.deepEqual(found, []);
      assert.ok(performance.now() - started < 1000, 'scanning 2000 values took more than a second');
    });

    it('runs every preset scanner but the file-based GCP one and the comment filter, all synchronously', () => {
      for (const value of [...Object.values(FAKE), 'https://a:b@c.d', 'plain text']) scanSecretFormats(value);
      const { ids, asynchronous } = secretlintScanners();
      assert.ok(ids.length >= 20, `only ${ids.length} scanners`);
      for (const id of ['aws', 'github', 'gitlab', 'slack', 'stripe', 'npm', 'privatekey', 'basicauth']) {
        assert.ok(ids.includes(`@secretlint/secretlint-rule-${id}`), id);
      }
      assert.deepEqual(ids.filter((id) => /-(gcp|filter-comments)$/.test(id)), []);
      assert.deepEqual(asynchronous, []);
    });

    it('bails out on values too short to hold any format', () => {
      assert.deepEqual(scanSecretFormats('xoxb-1'), []);
    });
  });

  describe("Palisade's own formats (gaps in the preset)", () => {
    it('Google API key', () => {
      assert.deepEqual(summary(FAKE.googleApiKey, detectSecret('MAPS', FAKE.googleApiKey)), ['token', 'Google API key', FAKE.googleApiKey]);
    });

    it('JSON Web Token', () => {
      const value = `token=${FAKE.jwt}`;
      assert.deepEqual(summary(value, detectSecret(undefined, value)), ['token', 'JSON Web Token', FAKE.jwt]);
    });

    it('password in a URL: the password is the offending substring', () => {
      const pw = 'Sw0rd' + 'fish!';
      for (const url of [`redis://:${pw}@cache:6379/0`, `amqp://app:${pw}@rabbit/vhost`, `https://bob:${pw}@git.internal/repo`]) {
        assert.deepEqual(summary(url, detectSecret('BROKER_URL', url)), ['token', 'password in a URL', pw], url);
      }
    });

    it('secretlint basic auth and connection strings win over the generic URL format', () => {
      const basic = 'https://alice:' + 's3cr3tpw' + '@db.example.io/x';
      assert.deepEqual(summary(basic, detectSecret(undefined, basic)), ['token', 'basic auth credential', basic.slice(0, 36)]);
      const pg = 'postgres://alice:' + 's3cr3tpw' + '@db.internal:5432/app';
      assert.equal(detectSecret(undefined, pg)?.description, 'PostgreSQL connection string');
    });

    it('URLs whose password is a reference or a mask are not secrets', () => {
      for (const url of ['redis://:${REDIS_PASSWORD}@cache:6379', 'https://u:$(PW)@h.io/', 'amqp://u:****@rabbit/', 'https://u:<password>@h.io']) {
        assert.equal(detectSecret(undefined, url), undefined, url);
      }
    });

    it('Authorization header credential', () => {
      const token = 'abc123' + 'DEF456'.repeat(3);
      const value = `Bearer ${token}`;
      assert.deepEqual(summary(value, detectSecret('HEADER', value)), ['token', 'Authorization header credential', token]);
      assert.equal(detectSecret(undefined, 'Basic authentication is disabled'), undefined);
    });

    it('AWS secret access key, only under an AWS secret name', () => {
      const key = FAKE.awsSecretAccessKey;
      assert.deepEqual(summary(key, detectSecret('AWS_SECRET_ACCESS_KEY', key)), ['token', 'AWS secret access key', key]);
      assert.deepEqual(summary(key, detectSecret('awsSecretKey', key)), ['token', 'AWS secret access key', key]);
      assert.equal(detectSecret('CHECKSUM', key), undefined);
    });
  });

  describe('private keys', () => {
    it('a PEM block, found by the preset, with its whole range', () => {
      const value = `key: |\n${FAKE.rsaPrivateKey}\n`;
      assert.deepEqual(summary(value, detectSecret(undefined, value)), ['private-key', 'private key', FAKE.rsaPrivateKey]);
    });

    it('an encrypted PKCS#8 block, found by our own pattern', () => {
      const value = FAKE.encryptedPrivateKey;
      assert.deepEqual(summary(value, detectSecret(undefined, value)), ['private-key', 'private key', value]);
    });

    it('placeholder bodies are not keys', () => {
      for (const body of ['...', '<your key here>', 'MII...']) {
        assert.equal(detectSecret(undefined, pem('PRIVATE KEY', body)), undefined, body);
      }
      assert.equal(detectSecret(undefined, pem('CERTIFICATE')), undefined, 'certificates are public');
    });

    it('a private key ranks before a token found earlier in the value', () => {
      const value = `${FAKE.githubClassic}\n${FAKE.rsaPrivateKey}`;
      assert.deepEqual(
        scanSecretFormats(value).map((m) => m.kind),
        ['private-key', 'token'],
      );
    });
  });

  describe('name heuristics', () => {
    it('splits camelCase, SNAKE_CASE, dotted and dashed names into words', () => {
      assert.deepEqual(nameWords('dbPassword'), ['db', 'password']);
      assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
      assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
      assert.deepEqual(nameWords('spring.datasource.password'), ['spring', 'datasource', 'password']);
      assert.deepEqual(nameWords('db-password.txt'), ['db', 'password']);
    });

    const sensitive: Array<[string, string]> = [
      ['DB_PASSWORD', 'password'],
      ['dbPassword', 'password'],
      ['MYSQL_ROOT_PASSWD', 'password'],
      ['PGPASSWORD', 'password'],
      ['DB_PASS', 'password'],
      ['PASSWORD2', 'password'],
      ['key_passphrase', 'passphrase'],
      ['CLIENT_SECRET', 'secret'],
      ['clientSecret', 'secret'],
      ['NEXTAUTH_SECRET', 'secret'],
      ['GITHUB_TOKEN', 'token'],
      ['authToken', 'token'],
      ['BEARER', 'token'],
      ['API_KEY', 'API key'],
      ['apiKey', 'API key'],
      ['X-APIKEY', 'API key'],
      ['AWS_SECRET_ACCESS_KEY', 'secret'],
      ['ACCESS_KEY', 'access key'],
      ['PRIVATE_KEY', 'private key'],
      ['AZURE_STORAGE_ACCOUNT_KEY', 'account key'],
      ['JWT_SIGNING_KEY', 'signing key'],
      ['ENCRYPTION_KEY', 'encryption key'],
      ['credentials', 'credential'],
      ['DOCKER_CREDS', 'credential'],
      ['id_rsa', 'private key'],
      ['id_ed25519', 'private key'],
      ['db.password', 'password'],
      ['password.txt', 'password'],
    ];
    for (const [name, reason] of sensitive) {
      it(`${name} is sensitive (${reason})`, () => assert.equal(sensitiveNameReason(name), reason));
    }

    /** Names that refer to a secret, or merely contain a sensitive word inside another word. */
    const notSensitive = [
      'PASSWORD_FILE',
      'TOKEN_PATH',
      'SECRET_NAME',
      'DB_SECRET_REF',
      'KEY_ID',
      'AWS_ACCESS_KEY_ID',
      'TOKEN_URL',
      'OAUTH_TOKEN_ENDPOINT',
      'TOKEN_TTL',
      'PASSWORD_MIN_LENGTH',
      'SECRET_ROTATION_DAYS',
      'SECRETARY_EMAIL',
      'TOKENIZER_MODEL',
      'PASSWORDLESS_LOGIN',
      'BYPASS_CACHE',
      'CACHE_KEY',
      'AUTH_ENABLED',
      'tls.key',
      'LOG_LEVEL',
      '',
    ];
    for (const name of notSensitive) {
      it(`${JSON.stringify(name)} is not sensitive`, () => assert.equal(sensitiveNameReason(name), undefined));
    }
  });

  describe('literal values under sensitive names', () => {
    it('reports the trimmed value as the offending range', () => {
      assert.deepEqual(detectSecret('DB_PASSWORD', '  hunter2 '), { kind: 'sensitive-name', description: 'password', start: 2, end: 9 });
    });

    it('placeholders such as changeme are still secrets committed to git', () => {
      assert.equal(detectSecret('ADMIN_PASSWORD', 'changeme')?.kind, 'sensitive-name');
    });

    const skipped: Array<[string, string]> = [
      ['', 'empty'],
      ['   ', 'empty'],
      ['true', 'a boolean or null'],
      ['No', 'a boolean or null'],
      ['8080', 'a short number'],
      ['$(DB_PASSWORD)', 'a reference filled in at deploy time'],
      ['${DB_PASSWORD}', 'a reference filled in at deploy time'],
      ['$DB_PASSWORD', 'a reference filled in at deploy time'],
      ['{{ .Values.db.password }}', 'a reference filled in at deploy time'],
      ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db', 'a reference to an external secret store'],
      ['vault:secret/data/db#password', 'a reference to an external secret store'],
      ['ref+vault://secret/db#/password', 'a reference to an external secret store'],
      ['op://vault/item/password', 'a reference to an external secret store'],
      ['<your-token>', 'a marker to fill in'],
      ['GOOGLE_API_KEY_VAL', 'a marker to fill in'],
      ['/var/run/secrets/db/password', 'a file path'],
      ['./secrets/token', 'a file path'],
    ];
    for (const [value, reason] of skipped) {
      it(`${JSON.stringify(value)} is skipped as ${reason}`, () => {
        assert.equal(nonSecretValueReason(value), reason);
        assert.equal(detectSecret('DB_PASSWORD', value), undefined);
      });
    }

    it('a known format is reported whatever the name, even next to a reference', () => {
      const value = `{{ .Values.x }} ${FAKE.githubClassic}`;
      assert.equal(detectSecret('SECRET_NAME', value)?.kind, 'token');
    });

    it('without a name only formats count', () => {
      assert.equal(detectSecret(undefined, 'hunter2'), undefined);
    });
  });

  describe('embedded assignments and binaryData', () => {
    it('finds sensitive keys inside a properties or .env file, with offsets into the text', () => {
      const text = ['server.port=8080', 'spring.datasource.password = "hunter2"', 'export API_TOKEN=abc', 'token.path=/x', 'db.password=${DB_PASSWORD}', ''].join('\n');
      const found = findSensitiveAssignments(text).map((m) => [m.key, m.description, text.slice(m.start, m.end)]);
      assert.deepEqual(found, [
        ['spring.datasource.password', 'password', 'hunter2'],
        ['API_TOKEN', 'token', 'abc'],
      ]);
    });

    it('skips code, lists and the ambiguous passwd/pwd keys of system files', () => {
      const text = [
        'token=os.environ["HF_TOKEN"]',
        'api_key = get_key()',
        'passwd:     files systemd',
        'PWD=/home/app',
        "secret = 'in quotes counts'",
        '',
      ].join('\n');
      assert.deepEqual(findSensitiveAssignments(text).map((m) => text.slice(m.start, m.end)), ['in quotes counts']);
    });

    it('ignores single-line values (those are names, not files)', () => {
      assert.deepEqual(findSensitiveAssignments('password=hunter2'), []);
    });

    it('decodes base64 text and refuses binary content', () => {
      assert.equal(decodeBase64Text(Buffer.from('hello\nworld').toString('base64')), 'hello\nworld');
      assert.equal(decodeBase64Text(Buffer.from([0x30, 0x82, 0x01, 0xff, 0x00]).toString('base64')), undefined);
      assert.equal(decodeBase64Text('not base64!'), undefined);
    });
  });

  describe('robustness', () => {
    it('stays fast on long pathological values', () => {
      const values = ['a:'.repeat(50_000), 'https://' + 'u'.repeat(100_000), '-----BEGIN PRIVATE KEY-----' + 'A'.repeat(100_000), 'Bearer ' + 'x'.repeat(100_000)];
      const started = performance.now();
      for (const v of values) detectSecret('PASSWORD', v);
      assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
    });
  });
});
