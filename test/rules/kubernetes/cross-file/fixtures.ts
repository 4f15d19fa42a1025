/** Small manifests shared by the cross-file rule tests. */
export function deployment(name: string, namespace: string | undefined, labels: string, extra = ''): string {
  const ns = namespace ? `, namespace: ${namespace}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}${ns}}
spec:
  template:
    metadata:
      labels: ${labels}
    spec:${extra}
      containers: [{name: app, image: nginx:1.27}]
`;
}
