import rule from '../../../rules/dockerfile/credentials-without-secret-mount';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const message = (what: string) => `${what} stores a credential in the image layer. Use RUN --mount=type=secret so it never lands in the image.`;

dockerfileRuleTester(rule, {
  valid: [
    { name: 'secret mount for the step', code: 'FROM a:1\nRUN --mount=type=secret,id=aws aws configure set aws_secret_access_key "$(cat /run/secrets/aws)"\n' },
    { name: 'quoted command', code: 'FROM a:1\nRUN echo "docker login -p x reg.io"\n' },
    { name: 'non-secret aws setting', code: 'FROM a:1\nRUN aws configure set region eu-west-1\n' },
    { name: 'login reading a mounted secret from stdin is still a secret mount', code: 'FROM a:1\nRUN --mount=type=secret,id=pw,target=/pw docker login -u me --password-stdin reg.io < /pw\n' },
  ],
  invalid: [
    {
      name: 'aws and docker login in one RUN',
      code: 'FROM a:1\nRUN aws configure set aws_secret_access_key abc && docker login -u me -p pw reg.io\n',
      errors: [
        { range: [1, 4, 1, 47], path: 'stages[0].instructions[0]', message: message('aws configure set') },
        { range: [1, 51, 1, 82], path: 'stages[0].instructions[0]', message: message('docker login') },
      ],
    },
    {
      name: 'npm auth token, a cache mount is not a secret mount',
      code: 'FROM a:1\nRUN --mount=type=cache,target=/root/.npm npm config set //registry.npmjs.org/:_authToken abc\n',
      errors: [{ range: [1, 41, 1, 92], message: message('npm config set (auth token)') }],
    },
    {
      name: 'gcloud in exec form through sh -c',
      code: 'FROM a:1\nRUN ["sh", "-c", "gcloud auth activate-service-account --key-file=/k.json"]\n',
      errors: [{ range: [1, 18, 1, 73], message: message('gcloud auth activate-service-account') }],
    },
  ],
});
