import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { whenOutputFlushed } from '../../server/src/lsp/transport';

/** A client pipe that takes nothing until `accept` is called. */
function slowPipe() {
  const waiting: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk, _encoding, done) {
      waiting.push(done);
    },
  });
  return { stream, accept: () => waiting.splice(0).forEach((done) => done()) };
}

describe('whenOutputFlushed (background work waits for a big message to leave)', () => {
  it('waits while the client has not taken a message bigger than the pipe, and resumes when it has', async () => {
    const { stream, accept } = slowPipe();
    stream.write(Buffer.alloc(1_500_000));
    let flushed = false;
    const flushing = whenOutputFlushed(stream).then(() => (flushed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(flushed, false, 'still waiting for the client to read');
    accept();
    await flushing;
    assert.equal(flushed, true);
  });

  it('resolves at once when nothing is waiting to leave, or over a transport it does not write', async () => {
    const { stream } = slowPipe();
    stream.write(Buffer.alloc(10));
    let flushed = false;
    await Promise.race([whenOutputFlushed(stream).then(() => (flushed = true)), new Promise((resolve) => setImmediate(resolve))]);
    assert.equal(flushed, true);
    await whenOutputFlushed(undefined);
  });
});
