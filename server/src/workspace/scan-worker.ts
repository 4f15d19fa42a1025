/**
 * A scan worker thread (bundled as dist/scan-worker.js, started by worker-pool.ts): reads the
 * files it is given, analyses each with `analyzeFile` and the rules its policy resolves to,
 * and posts back the text and a portable analysis per file. It holds no state between files
 * but the resolved rule lists.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, type ResolvedRule } from '../../../rules/engine/analyze';
import { resolveRules } from '../../../rules/engine/config';
import { toPortableAnalysis } from '../../../rules/engine/portable';
import { RULES } from '../../../rules/index';
import { readSource } from './scan';
import type { ScanJob, ScanJobResult, WorkerInit, WorkerRequest, WorkerResponse } from './worker-pool';

const init = workerData as WorkerInit;
const resolved = new Map<number, readonly ResolvedRule[]>();

function rulesFor(policy: number): readonly ResolvedRule[] {
  let rules = resolved.get(policy);
  if (!rules) {
    rules = resolveRules(RULES, init.policies[policy]);
    resolved.set(policy, rules);
  }
  return rules;
}

async function run(job: ScanJob): Promise<ScanJobResult> {
  try {
    if (job.text !== undefined) {
      const analysis = analyzeFile(job.name, job.text, rulesFor(job.policy), job.options);
      return { id: job.id, text: '', analysis: toPortableAnalysis(analysis) };
    }
    const source = job.path === undefined ? undefined : await readSource(job.path, job.name, job.name);
    // Unreadable and oversized files are rare and cheap: the caller handles them as usual.
    if (!source) return { id: job.id, fallback: 'unreadable' };
    if (source.refusal !== undefined) return { id: job.id, fallback: 'refused' };
    const analysis = analyzeFile(job.name, source.text, rulesFor(job.policy), job.options);
    return { id: job.id, text: source.text, analysis: toPortableAnalysis(analysis) };
  } catch (error) {
    return { id: job.id, fallback: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      for (const job of request.jobs) port.postMessage({ type: 'result', result: await run(job) } satisfies WorkerResponse);
    })();
  });
  port.postMessage({ type: 'ready' } satisfies WorkerResponse);
}
