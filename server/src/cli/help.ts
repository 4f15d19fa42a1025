/** The `--help` text. Kept next to args.ts: an option added there must be described here. */
import { PROFILES } from '../../../rules/engine/profiles';
import { formatVersion, LATEST_KUBERNETES_VERSION } from '../../../rules/engine/version';

export const HELP = `Usage: palisade <command> [options]

Commands:
  scan [paths...]    Check Kubernetes manifests and Dockerfiles in files and folders
                     (default: .). "-" reads a manifest from stdin:
                     helm template . | palisade scan -
                     palisade scan - --stdin-filename Dockerfile < Dockerfile
  rules              List every rule with its severity, profiles and references.

Scan options:
  --format <format>             text (default), json or sarif
  -o, --output <file>           Write the report to a file instead of stdout
  --profile <name>              ${PROFILES.join(', ')}
                                (default: the config's, else recommended)
  -c, --config <file>           Config file (default: the nearest .palisade.yaml or
                                .palisade.yml from the first path up to the git root)
  --kubernetes-version <1.N>    Target cluster version, or "latest" (default: the
                                config's, else ${formatVersion(LATEST_KUBERNETES_VERSION)})
  --fail-on <severity>          Exit 1 when an unsuppressed finding is at least this
                                severe: error (default), warning, info or none
  --show-suppressed             Text: also list suppressed findings and why
                                (JSON and SARIF always include them)
  --no-color                    No colours (also off with NO_COLOR or when not a terminal)
  -q, --quiet                   Text: print only the findings at or above --fail-on
                                (errors when it is none), without the summary
  --stdin-filename <name>       Scan stdin ("-") as this file: the name decides the
                                language (Dockerfile, *.yaml), is shown in the report
                                and is matched by the config's exclude and suppressions

Rules options:
  --format <format>             text (default) or json

General options:
  -h, --help                    Show this help
  --version                     Show the version

Exit codes: 0 no failing finding, 1 failing findings, 2 usage or config error.
`;
