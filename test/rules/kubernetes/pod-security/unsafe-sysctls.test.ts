import rule from '../../../../rules/kubernetes/pod-security/unsafe-sysctls';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const tcpBuffers = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: tuned}
  spec:
    securityContext:
      sysctls:
        - {name: net.ipv4.tcp_rmem, value: "4096 87380 16777216"}
        - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}
    containers: [{name: a}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'safe since 1.0, at 1.25',
      kubernetesVersion: '1.25',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls:
              - {name: kernel.shm_rmid_forced, value: "1"}
              - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
              - {name: net.ipv4.tcp_syncookies, value: "1"}
              - {name: net.ipv4.ping_group_range, value: "0 2000"}
              - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
          containers: [{name: a}]
      `,
    },
    {
      name: 'safe from 1.27 and 1.29',
      kubernetesVersion: '1.29',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls:
              - {name: net.ipv4.ip_local_reserved_ports, value: "30000"}
              - {name: net.ipv4.tcp_keepalive_time, value: "600"}
              - {name: net.ipv4.tcp_fin_timeout, value: "30"}
              - {name: net.ipv4.tcp_keepalive_intvl, value: "60"}
              - {name: net.ipv4.tcp_keepalive_probes, value: "5"}
          containers: [{name: a}]
      `,
    },
    { name: 'tcp_rmem and tcp_notsent_lowat at 1.37', code: tcpBuffers, kubernetesVersion: '1.37' },
  ],
  invalid: [
    {
      name: 'tcp_notsent_lowat before 1.37',
      code: tcpBuffers,
      kubernetesVersion: '1.36',
      errors: [
        {
          range: [7, 15, 7, 41],
          path: 'spec.securityContext.sysctls[1].name',
          message:
            'The pod sets the sysctl "net.ipv4.tcp_notsent_lowat", which is not on the Kubernetes 1.36 safe list. Remove it from securityContext.sysctls and tune the node instead.',
        },
      ],
    },
    {
      name: 'both before 1.32',
      code: tcpBuffers,
      kubernetesVersion: '1.31',
      errors: [
        { range: [6, 15, 6, 32], message: /"net\.ipv4\.tcp_rmem", which is not on the Kubernetes 1\.31 safe list/ },
        { range: [7, 15, 7, 41], message: /"net\.ipv4\.tcp_notsent_lowat"/ },
      ],
    },
    {
      name: 'Deployment: unsafe name, slash form, reserved ports before 1.27',
      kubernetesVersion: '1.26',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                sysctls:
                  - name: kernel.msgmax
                    value: "65536"
                  - name: net/ipv4/ip_local_port_range
                    value: "1024 65000"
                  - name: net.ipv4.ip_local_reserved_ports
                    value: "30000"
              containers: [{name: web}]
      `,
      errors: [
        { range: [8, 18, 8, 31], message: /"kernel\.msgmax"/ },
        { range: [10, 18, 10, 46], message: /"net\/ipv4\/ip_local_port_range"/ },
        { range: [12, 18, 12, 50], message: /"net\.ipv4\.ip_local_reserved_ports", which is not on the Kubernetes 1\.26 safe list/ },
      ],
    },
  ],
});
