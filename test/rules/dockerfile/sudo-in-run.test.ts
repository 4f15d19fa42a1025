import rule from '../../../rules/dockerfile/sudo-in-run';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const MESSAGE = 'sudo in RUN: run this step as root with USER root (before switching to the unprivileged user) instead.';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'installing or configuring sudo is not running it', code: 'FROM a:1\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\n' },
    { name: 'quoted', code: 'FROM a:1\nRUN echo "sudo make install"\n' },
  ],
  invalid: [
    {
      name: 'in a subshell, a heredoc and exec form',
      code: 'FROM a:1\nRUN (cd src && sudo make install)\nRUN <<EOF\n  sudo -E ldconfig\nEOF\nRUN ["sudo", "ldconfig"]\n',
      errors: [
        { range: [1, 15, 1, 19], path: 'stages[0].instructions[0]', message: MESSAGE },
        { range: [3, 2, 3, 6], path: 'stages[0].instructions[1]', message: MESSAGE },
        { range: [5, 5, 5, 11], path: 'stages[0].instructions[2]', message: MESSAGE },
      ],
    },
  ],
});
