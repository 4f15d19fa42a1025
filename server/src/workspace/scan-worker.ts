/**
 * A scan worker thread (bundled as dist/scan-worker.js, started by worker-pool.ts): analyses
 * the texts it is given with `analyzeFile` and the rules their policy resolves to, and posts
 * back a portable analysis per file. It keeps nothing between files but the resolved rules.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeFile, type ResolvedRule } from '../../../rules/engine/analyze';
import { resolveRules, type PalisadeConfig } from '../../../rules/engine/config';
import { toPortableAnalysis } from '../../../rules/engine/portable';
import { RULES } from '../../../rules/index';
import type { ScanJob, ScanJobResult, WorkerRequest, WorkerResponse } from './worker-pool';

let policies: PalisadeConfig[] = [];
let resolved = new Map<number, readonly ResolvedRule[]>();

function rulesFor(policy: number): readonly ResolvedRule[] {
  let rules = resolved.get(policy);
  if (!rules) {
    rules = resolveRules(RULES, policies[policy]);
    resolved.set(policy, rules);
  }
  return rules;
}

function run(job: ScanJob): ScanJobResult {
  try {
    return { id: job.id, analysis: toPortableAnalysis(analyzeFile(job.name, job.text, rulesFor(job.policy), job.options)) };
  } catch (error) {
    return { id: job.id, fallback: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'policies') {
      policies = request.policies;
      resolved = new Map();
      return;
    }
    for (const job of request.jobs) port.postMessage({ type: 'result', result: run(job) } satisfies WorkerResponse);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerResponse);
}
