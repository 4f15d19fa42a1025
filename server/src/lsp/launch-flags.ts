/**
 * Node flags the language server is best started with (`node <flags> dist/server.js --stdio`).
 * They size V8's heap, so they cannot be set from inside a running server (lsp/heap.ts sets
 * what can be). The VS Code client passes them, and the LSP benchmark starts the server with
 * them; other editors may (README).
 *
 * `--max-semi-space-size=8`: V8 grows the young generation to 2 x 16 MB under the parse garbage
 * of a big document and keeps it; 8 MB halves that. Measured on the benchmark's files: about
 * 25-40 MB less resident memory, no measurable change in edit latency (4 MB cost ~15% on the
 * 2 MB file).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
