import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startCheckpointer } from '../../src/db/sqlite/checkpointer.ts';
import { tempDir } from '../helpers.ts';

describe('the background checkpoint thread', () => {
  it('says why it stopped, instead of dying unseen', async () => {
    const errors: Error[] = [];
    const missing = join(tempDir(), 'no-such.db');
    const checkpointer = startCheckpointer(missing, { onError: (error) => errors.push(error) });
    onTestFinished(() => checkpointer.stop());
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect(errors[0].message).toMatch(/^cannot open .*no-such\.db: .*\(SQLITE_CANTOPEN\)$/);
    // An erasure asking it to rewrite the file hears it is gone (and rewrites the file on the main thread instead).
    await expect(checkpointer.rewriteFile()).rejects.toThrow('the checkpoint thread stopped');
  });
});
