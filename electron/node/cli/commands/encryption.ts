import {
  changeClosedWorkspacePassphrase,
  decryptWorkspace,
  encryptWorkspace,
} from '../../store/encryption';
import type { Command } from '../command';
import { askNewPassphrase, askSecret } from '../unlock';

export const encryptCommand: Command = {
  options: {},
  async run(ctx) {
    // A script may give the new passphrase as RISALAH_PASSPHRASE too: it is what unlocks later.
    const passphrase = await askNewPassphrase(ctx, true);
    const { recoveryKey } = await encryptWorkspace(ctx.workspace, passphrase, {
      holder: 'risalah encrypt',
    });
    ctx.io.out(ctx.t('cli:encrypted', { workspace: ctx.workspace }));
    ctx.io.out(ctx.t('cli:recoveryKeyShown', { recoveryKey }));
    return 0;
  },
};

export const decryptCommand: Command = {
  options: {},
  async run(ctx) {
    await decryptWorkspace(
      ctx.workspace,
      { secret: await askSecret(ctx) },
      {
        holder: 'risalah decrypt',
      },
    );
    ctx.io.out(ctx.t('cli:decrypted', { workspace: ctx.workspace }));
    return 0;
  },
};

export const passphraseCommand: Command = {
  options: {},
  async run(ctx) {
    const current = await askSecret(ctx);
    const next = await askNewPassphrase(ctx);
    await changeClosedWorkspacePassphrase(ctx.workspace, { secret: current }, next, {
      holder: 'risalah passphrase',
    });
    ctx.io.out(ctx.t('cli:passphraseChanged', { workspace: ctx.workspace }));
    return 0;
  },
};
