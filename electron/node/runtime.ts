import { hostname } from 'node:os';
import { apiChannels } from '../common/api/channels';
import type { ApiChannel } from '../common/api/channels';
import type { AppInfo, SecurityStatus, Transport } from '../common/api/types';
import { AppError } from '../common/errors';
import { languageFromLocale } from '../common/language';
import { dispatch } from './api/dispatch';
import type { ApiHandlers, RuntimeChannel, WorkspaceHandlers } from './api/dispatch';
import { EventBus } from './api/event-bus';
import { createHandlers } from './api/handlers';
import { systemLocale } from './paths';
import { AgreementService } from './clauses/agreement-service';
import { ContactsService } from './contacts/contacts-service';
import { NotebookService } from './notebook/notebook-service';
import { noKeyKeeper } from './security/key-keeper';
import type { KeyKeeper } from './security/key-keeper';
import type { ScryptParams } from './store/crypto';
import {
  changeWorkspacePassphrase,
  checkPassphrase,
  decryptWorkspace,
  encryptWorkspace,
  guardedUnlockKey,
  readKeyFile,
  setAutoLockMinutes,
} from './store/encryption';
import type { Unlock } from './store/encryption';
import { latestEditNumber } from './store/store-document';
import { Workspace } from './store/workspace';
import { LazyLan } from './sync/lan/lazy-lan';
import { version } from './version';

/** The name the other members see for this laptop: its member, else the head, else the computer. */
function memberName(workspace: Workspace): string {
  const profile = workspace.data.profile;
  const meId = (workspace.data.settings as { meMemberId?: string | null }).meMemberId;
  return profile.members.find((m) => m.id === meId)?.name || profile.headName || hostname();
}

export interface RuntimeOptions {
  workspaceDir: string;
  transport: Transport;
  locale?: string;
  debounceMs?: number;
  /** Unlocks an encrypted workspace at start (the CLI's prompt or `RISALAH_PASSPHRASE`). */
  passphrase?: string;
  keyKeeper?: KeyKeeper;
  /** scrypt costs for new keys; tests lower them, the app keeps the default. */
  scrypt?: ScryptParams;
  /** How often idle time is checked against the auto-lock setting. */
  idleCheckMs?: number;
  now?: () => number;
  /** Where *Host this delegation* listens; by default the first local-network address. */
  lanBindAddress?: string;
}

interface Session {
  workspace: Workspace;
  handlers: WorkspaceHandlers;
  /** Kept while unlocked so the keychain can remember it; overwritten at lock. */
  dataKey: Buffer | null;
  /** Hosting or joined on the local network: stopped before the workspace closes. */
  lan: LazyLan;
}

/** Status reads do not count as use for the auto-lock; everything else, pings too, does. */
const passive = new Set<ApiChannel>(['security.status', 'app.info', 'lan.status']);

/**
 * The process-wide host of one workspace folder, shared by every transport: it opens the
 * workspace (or waits locked for its passphrase), serves the API through `dispatch`, locks
 * after the chosen idle time, and encrypts or decrypts on request.
 */
export class Runtime {
  readonly dir: string;
  readonly events = new EventBus();
  readonly handlers: ApiHandlers;
  readonly #options: RuntimeOptions;
  readonly #keeper: KeyKeeper;
  readonly #now: () => number;
  #session: Session | null = null;
  #encrypted = false;
  #autoLockMinutes = 0;
  #lastUse: number;
  #idleTimer: NodeJS.Timeout | undefined;
  /** Lock, unlock, encrypt and decrypt run one at a time; calls wait for them. */
  #transition: Promise<unknown> = Promise.resolve();

  private constructor(options: RuntimeOptions) {
    this.dir = options.workspaceDir;
    this.#options = options;
    this.#keeper = options.keyKeeper ?? noKeyKeeper;
    this.#now = options.now ?? Date.now;
    this.#lastUse = this.#now();
    this.handlers = this.#createHandlers();
  }

  static async open(options: RuntimeOptions): Promise<Runtime> {
    const runtime = new Runtime(options);
    await runtime.#start();
    return runtime;
  }

  /** The open workspace, or null while locked. */
  get workspace(): Workspace | null {
    return this.#session?.workspace ?? null;
  }

  async call(channel: unknown, input: unknown): ReturnType<typeof dispatch> {
    await this.#transition.catch(() => undefined);
    if (typeof channel === 'string' && !passive.has(channel as ApiChannel)) this.#touch();
    const before = latestEditNumber();
    const result = await dispatch(this.handlers, channel, input);
    // The caller learns the number of the edit it made, to know when that edit is on disk.
    const after = latestEditNumber();
    return result.ok && after > before ? { ...result, edit: after } : result;
  }

  async status(): Promise<SecurityStatus> {
    const keeper = this.#keeper.status();
    return {
      encrypted: this.#encrypted,
      locked: this.#encrypted && !this.#session,
      autoLockMinutes: this.#autoLockMinutes,
      keychain: { ...keeper, remembered: keeper.available && (await this.#keeper.has(this.dir)) },
    };
  }

  /** Locks now if the workspace is encrypted, dropping every decrypted thing it holds. */
  async lock(): Promise<SecurityStatus> {
    await this.#serial(async () => {
      if (this.#encrypted && this.#session) await this.#closeSession();
    });
    return this.#announce();
  }

  async close(): Promise<void> {
    clearInterval(this.#idleTimer);
    await this.#serial(() => this.#closeSession());
  }

  async #start(): Promise<void> {
    await this.#readKeyState();
    if (!this.#encrypted) {
      await this.#openSession();
    } else if (this.#options.passphrase !== undefined) {
      await this.#openSession({ passphrase: this.#options.passphrase });
    } else {
      const remembered = this.#keeper.status().available
        ? await this.#keeper.load(this.dir).catch(() => null)
        : null;
      if (remembered) {
        try {
          await this.#openSession({ dataKey: remembered });
        } catch (error) {
          // A key from before a re-encryption: forget it and ask for the passphrase.
          if (!(error instanceof AppError && error.code === 'wrong-passphrase')) throw error;
          await this.#keeper.forget(this.dir);
        }
      }
    }
    this.#idleTimer = setInterval(
      () => void this.#checkIdle(),
      this.#options.idleCheckMs ?? 15_000,
    );
    this.#idleTimer.unref();
  }

  async #readKeyState(): Promise<void> {
    const keyFile = await readKeyFile(this.dir);
    this.#encrypted = keyFile !== null;
    this.#autoLockMinutes = keyFile?.autoLockMinutes ?? 0;
  }

  async #openSession(unlock?: Unlock): Promise<void> {
    const keyFile = await readKeyFile(this.dir);
    let dataKey: Buffer | null = null;
    if (keyFile) {
      if (!unlock) throw new AppError('passphrase-required', { dir: this.dir });
      dataKey = Buffer.from(await guardedUnlockKey(this.dir, keyFile, unlock, { now: this.#now }));
    }
    const workspace = await Workspace.open(this.dir, {
      holder: this.#options.transport === 'electron' ? 'Risalah' : 'risalah serve',
      debounceMs: this.#options.debounceMs,
      onSaveStatus: (status) => this.events.emit('save-status', status),
      unlock: dataKey ? { dataKey } : undefined,
    });
    const notebook = new NotebookService(workspace);
    const agreement = new AgreementService(workspace, notebook.search);
    const contacts = new ContactsService(workspace, notebook.search);
    const lan = new LazyLan(workspace, {
      name: () => memberName(workspace),
      bindAddress: this.#options.lanBindAddress,
      onMerged: (forumId) => {
        // A colleague's change is on disk here: search and the page follow.
        notebook.forumReplaced(forumId);
        this.events.emit('workspace-changed', {});
      },
    });
    const handlers = createHandlers({
      workspace,
      notebook,
      agreement,
      contacts,
      events: this.events,
      lan,
    });
    this.#session = { workspace, handlers, dataKey, lan };
    this.#lastUse = this.#now();
  }

  async #closeSession(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#session = null;
    session.dataKey?.fill(0);
    // Nothing comes in from the network while the workspace closes.
    await session.lan.close().catch(() => undefined);
    // Flushes every pending edit first: locking never loses what was typed.
    await session.workspace.close();
  }

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#transition.catch(() => undefined).then(run);
    this.#transition = next;
    return next;
  }

  async #announce(): Promise<SecurityStatus> {
    const status = await this.status();
    this.events.emit('security-changed', status);
    return status;
  }

  #touch(): void {
    this.#lastUse = this.#now();
  }

  async #checkIdle(): Promise<void> {
    if (!this.#encrypted || !this.#session || this.#autoLockMinutes === 0) return;
    if (this.#now() - this.#lastUse < this.#autoLockMinutes * 60_000) return;
    await this.lock();
  }

  /** For tests and the bench: runs the idle check now instead of waiting for the timer. */
  checkIdleNow(): Promise<void> {
    return this.#checkIdle();
  }

  #unlocked(): Session {
    if (!this.#session) throw new AppError('app-locked');
    return this.#session;
  }

  #createHandlers(): ApiHandlers {
    const own: Pick<ApiHandlers, RuntimeChannel> = {
      'app.info': async (): Promise<AppInfo> => {
        const locale = this.#options.locale ?? systemLocale();
        return {
          name: 'Risalah',
          version,
          transport: this.#options.transport,
          systemLocale: locale,
          systemLanguage: languageFromLocale(locale),
          workspaceDir: this.dir,
          platform: process.platform,
          saveStatus: this.#session?.workspace.saveStatus ?? null,
        };
      },
      'security.status': () => this.status(),
      'security.activity': async () => null,
      'security.lock': () => this.lock(),
      'security.unlock': async (input) => {
        await this.#serial(async () => {
          if (this.#session || !this.#encrypted) return;
          if ('keychain' in input) {
            const key = this.#keeper.status().available ? await this.#keeper.load(this.dir) : null;
            if (!key) {
              throw new AppError('keychain-unavailable', {
                backend: this.#keeper.status().backend,
              });
            }
            await this.#openSession({ dataKey: key });
          } else {
            await this.#openSession(input);
            if ('remember' in input && input.remember) await this.#remember();
          }
        });
        return this.#announce();
      },
      'security.encrypt': async ({ passphrase }) => {
        checkPassphrase(passphrase);
        const result = await this.#serial(async () => {
          if (this.#encrypted) throw new AppError('already-encrypted');
          await this.#closeSession();
          try {
            const created = await encryptWorkspace(this.dir, passphrase, {
              holder: 'Risalah',
              scrypt: this.#options.scrypt,
            });
            await this.#readKeyState();
            await this.#openSession({ passphrase });
            return created;
          } finally {
            // Whatever happened, the notes stay open: a failed encryption reopens as before.
            if (!this.#session) {
              await this.#readKeyState();
              await this.#openSession(this.#encrypted ? { passphrase } : undefined);
            }
          }
        });
        return { recoveryKey: result.recoveryKey, status: await this.#announce() };
      },
      'security.decrypt': async ({ passphrase }) => {
        await this.#serial(async () => {
          const keyFile = await readKeyFile(this.dir);
          if (!keyFile) throw new AppError('not-encrypted');
          // A wrong passphrase is refused before anything is closed.
          const dataKey = await guardedUnlockKey(
            this.dir,
            keyFile,
            { passphrase },
            {
              now: this.#now,
            },
          );
          await this.#closeSession();
          try {
            await decryptWorkspace(this.dir, { dataKey }, { holder: 'Risalah' });
            await this.#keeper.forget(this.dir);
          } finally {
            await this.#readKeyState();
            await this.#openSession(this.#encrypted ? { dataKey } : undefined);
            dataKey.fill(0);
          }
        });
        return this.#announce();
      },
      'security.changePassphrase': async ({ current, next }) => {
        await this.#serial(() =>
          changeWorkspacePassphrase(
            this.dir,
            { passphrase: current },
            next,
            undefined,
            this.#options.scrypt,
          ),
        );
        return this.#announce();
      },
      'security.setAutoLock': async ({ minutes }) => {
        await this.#serial(async () => {
          // From the lock screen this would switch the lock off without the passphrase.
          this.#unlocked();
          await setAutoLockMinutes(this.dir, minutes);
          this.#autoLockMinutes = minutes;
        });
        return this.#announce();
      },
      'security.keychain': async ({ remember }) => {
        await this.#serial(async () => {
          this.#unlocked();
          if (remember) await this.#remember();
          else await this.#keeper.forget(this.dir);
        });
        return this.#announce();
      },
    };
    const forward = Object.fromEntries(
      apiChannels
        .filter((channel) => !(channel in own))
        .map((channel) => [
          channel,
          (input: unknown) =>
            (
              this.#unlocked().handlers[channel as keyof WorkspaceHandlers] as (
                i: unknown,
              ) => unknown
            )(input),
        ]),
    );
    return { ...forward, ...own } as ApiHandlers;
  }

  async #remember(): Promise<void> {
    const { available, backend } = this.#keeper.status();
    if (!available) throw new AppError('keychain-unavailable', { backend });
    const key = this.#unlocked().dataKey;
    if (!key) throw new AppError('not-encrypted');
    await this.#keeper.save(this.dir, key);
  }
}

/** Opens a workspace (or waits, locked, for its passphrase) and serves the API. */
export function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  return Runtime.open(options);
}
