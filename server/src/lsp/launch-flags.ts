/**
 * Node flags the language server is best started with (`node <flags> dist/server.js --stdio`).
 * They size V8's heap, so they cannot be set from inside a running server (lsp/heap.ts sets
 * what can be). The VS Code client passes them, and the LSP benchmark starts the server with
 * them; other editors may (README).
 *
 * `--max-semi-space-size=2`: V8 grows the young generation to 2 x 16 MB under the parse garbage
 * of a big document and keeps it. Measured on the benchmark's files (mean resident memory
 * over the run): 8 MB saved 25-40 MB for no measurable latency; 4 MB saved another ~15 MB and
 * 2 MB ~3 MB more, with the same median latency on both files, now that an edit of a huge
 * document re-parses only the item it changed (a whole parse of the 2 MB file was ~15% slower
 * with 4 MB, which is why it was 8 before).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
