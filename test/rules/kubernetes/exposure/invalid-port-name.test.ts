import rule from '../../../../rules/kubernetes/exposure/invalid-port-name';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'valid names, numeric and templated target ports',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              ports:
                - {name: http, containerPort: 8080}
                - {name: http-metrics2, containerPort: 9090}
                - {name: "9p-a", containerPort: 564}
                - {containerPort: 53}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          ports:
            - {name: Web_Port, port: 80, targetPort: http}
            - {port: 81, targetPort: 8081}
            - {port: 82, targetPort: "{{ .Values.port }}"}
      `,
    },
  ],
  invalid: [
    {
      name: 'container port names: too long, uppercase, no letter, hyphens, other characters',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  ports: [{name: prometheus-metrics, containerPort: 1}]
              containers:
                - name: app
                  ports:
                    - {name: HTTP, containerPort: 2}
                    - {name: "8080", containerPort: 3}
                    - {name: -web, containerPort: 4}
                    - {name: web--ui, containerPort: 5}
                    - {name: web_ui, containerPort: 6}
      `,
      errors: [
        { range: [12, 21, 12, 25], message: /^The port name "HTTP" of container "app" has uppercase letters: the API server rejects it/ },
        { range: [13, 21, 13, 27], message: /^The port name "8080" of container "app" has no letter:/ },
        { range: [14, 21, 14, 25], message: /^The port name "-web" of container "app" starts or ends with "-":/ },
        { range: [15, 21, 15, 28], message: /^The port name "web--ui" of container "app" has two "-" in a row:/ },
        { range: [16, 21, 16, 27], message: /^The port name "web_ui" of container "app" has characters other than lowercase letters, digits and "-":/ },
        {
          range: [8, 25, 8, 43],
          path: 'spec.template.spec.initContainers[0].ports[0].name',
          message:
            'The port name "prometheus-metrics" of init container "init" is 18 characters long (at most 15): the API server rejects it. Use at most 15 lowercase letters, digits and single hyphens, with at least one letter.',
        },
      ],
    },
    {
      name: 'Service target ports: a quoted number is fixed, a bad name is reported',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
            - port: 80
              targetPort: "8080" # app
            - port: 443
              targetPort: HTTPS
      `,
      errors: [
        {
          range: [6, 18, 6, 24],
          path: 'spec.ports[0].targetPort',
          message:
            'The targetPort "8080" of Service "web" is a string, so it is read as a port name, which the API server rejects. Write the number without quotes: targetPort: 8080.',
        },
        {
          range: [8, 18, 8, 23],
          message:
            'The targetPort "HTTPS" of Service "web" has uppercase letters: the API server rejects it. Use the name of a container port (at most 15 lowercase letters, digits and single hyphens) or a number.',
        },
      ],
      output: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
            - port: 80
              targetPort: 8080 # app
            - port: 443
              targetPort: HTTPS
      `,
    },
  ],
});
