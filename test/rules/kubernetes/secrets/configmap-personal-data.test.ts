import assert from 'node:assert/strict';
import rule, { personalDataIn } from '../../../../rules/kubernetes/secrets/configmap-personal-data';
import { ruleTester, yaml } from '../../../harness/rule-tester';

// Well-known documentation examples (checksums valid), assembled so no literal sits in the repo.
const IBAN = ['GB82', 'WEST', '1234', '5698', '7654', '32'].join(' ');
const CARD = ['4111', '1111', '1111', '1111'].join('-');

describe('configmap-personal-data detection', () => {
  it('needs a valid checksum', () => {
    assert.equal(personalDataIn(`iban=${IBAN}`), 'an IBAN');
    assert.equal(personalDataIn(`iban=${IBAN.replace('82', '83')}`), undefined);
    assert.equal(personalDataIn(`card: ${CARD}`), 'a payment card number');
    assert.equal(personalDataIn('card: 4111-1111-1111-1112'), undefined);
    assert.equal(personalDataIn('build: 20240101123456789'), undefined);
  });
});

ruleTester(rule, {
  valid: [
    { name: 'ordinary configuration', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  admin: ops@example.com\n  build: "20240101123456789"\n' },
  ],
  invalid: [
    {
      name: 'an IBAN inside an embedded file and a card number',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: billing}
        data:
          payout.properties: |
            account=${IBAN}
          test-card: "${CARD}"
      `,
      errors: [
        { range: [4, 21, 6, 0], path: 'data["payout.properties"]', message: 'ConfigMap "billing" holds an IBAN under data key "payout.properties". Remove personal financial data from manifests.' },
        { range: [6, 13, 6, 34], message: /a payment card number under data key "test-card"/ },
      ],
    },
  ],
});
