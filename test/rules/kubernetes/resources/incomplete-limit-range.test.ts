import rule from '../../../../rules/kubernetes/resources/incomplete-limit-range';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'complete Container, Pod and PersistentVolumeClaim items',
      code: yaml`
        apiVersion: v1
        kind: LimitRange
        metadata: {name: limits, namespace: team}
        spec:
          limits:
            - type: Container
              default: {cpu: 500m, memory: 256Mi}
              defaultRequest: {cpu: 100m, memory: 128Mi}
              max: {cpu: "2", memory: 1Gi}
            - {type: Pod, max: {cpu: "4"}}
            - {type: PersistentVolumeClaim, max: {storage: 10Gi}, min: {storage: 1Gi}}
      `,
    },
    { name: 'other kinds', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nspec: {limits: []}\n' },
  ],
  invalid: [
    {
      name: 'missing fields, missing type',
      code: yaml`
        apiVersion: v1
        kind: LimitRange
        metadata: {name: limits}
        spec:
          limits:
            - type: Container
              max: {cpu: "2"}
            - max: {cpu: "2"}
            - {type: Pod, min: {cpu: 100m}}
      `,
      errors: [
        {
          range: [5, 12, 5, 21],
          path: 'spec.limits[0].type',
          message: 'The Container limit of the LimitRange "limits" sets no default, defaultRequest. Add default, defaultRequest for cpu and memory.',
        },
        {
          range: [7, 6, 7, 9],
          path: 'spec.limits[1]',
          message: 'A limit of the LimitRange "limits" has no type. Add type: Container (or Pod, PersistentVolumeClaim).',
        },
        { range: [8, 13, 8, 16], message: 'The Pod limit of the LimitRange "limits" sets no max. Add max for cpu and memory.' },
      ],
    },
    {
      name: 'no limits at all, second document',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: team}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: empty}
        spec: {limits: []}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: bare}
      `,
      errors: [
        {
          range: [7, 7, 7, 13],
          documentIndex: 1,
          message: 'The LimitRange "empty" sets no limits. Add spec.limits with an item of type Container that sets default, defaultRequest and max.',
        },
        { range: [10, 6, 10, 16], documentIndex: 2, path: 'kind', message: /^The LimitRange "bare" sets no limits/ },
      ],
    },
  ],
});
