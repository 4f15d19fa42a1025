/**
 * Node flags the language server is best started with (`node <flags> dist/server.js --stdio`).
 * They size V8's heap, so they cannot be set from inside a running server (lsp/heap.ts sets
 * what can be). The VS Code client passes them, and the LSP benchmark starts the server with
 * them; other editors may (README).
 *
 * `--max-semi-space-size=4`: V8 grows the young generation to 2 x 16 MB under the parse garbage
 * of a big document and keeps it. Measured on the benchmark's files: 8 MB saved 25-40 MB of
 * resident memory for no measurable latency; 4 MB saves another ~15 MB (mean over the run)
 * now that an edit of a huge document re-parses only the item it changed (a whole parse of
 * the 2 MB file was ~15% slower with 4 MB, which is why it was 8 before). 2 MB saves no more
 * than 4 and doubles the p90 latency of the 1,000-document file.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
