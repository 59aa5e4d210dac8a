// An encrypted copy of a generated workspace, with the app's own scrypt cost (N = 2^17).
import { cp } from 'node:fs/promises';
import { encryptWorkspace } from '../../electron/node/store/encryption';

const [source, target, passphrase] = process.argv.slice(2);
if (!source || !target || !passphrase) throw new Error('usage: encrypt-copy SOURCE TARGET PASS');
await cp(source, target, { recursive: true });
const start = performance.now();
await encryptWorkspace(target, passphrase, { holder: 'bench' });
process.stdout.write(JSON.stringify({ encryptMs: performance.now() - start }));
