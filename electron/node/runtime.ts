import type { Transport } from '../common/api/types';
import { dispatch } from './api/dispatch';
import type { ApiHandlers } from './api/dispatch';
import { EventBus } from './api/event-bus';
import { createHandlers } from './api/handlers';
import { systemLocale } from './paths';
import { AgreementService } from './clauses/agreement-service';
import { ContactsService } from './contacts/contacts-service';
import { NotebookService } from './notebook/notebook-service';
import { Workspace } from './store/workspace';
import { version } from './version';

export interface Runtime {
  workspace: Workspace;
  notebook: NotebookService;
  events: EventBus;
  handlers: ApiHandlers;
  call(channel: unknown, input: unknown): ReturnType<typeof dispatch>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  workspaceDir: string;
  transport: Transport;
  locale?: string;
  debounceMs?: number;
}

/** Opens a workspace and wires the handlers and pushes that every transport shares. */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const events = new EventBus();
  const workspace = await Workspace.open(options.workspaceDir, {
    holder: options.transport === 'electron' ? 'Risalah' : 'risalah serve',
    debounceMs: options.debounceMs,
    onSaveStatus: (status) => events.emit('save-status', status),
  });
  const notebook = new NotebookService(workspace);
  const agreement = new AgreementService(workspace, notebook.search);
  const contacts = new ContactsService(workspace, notebook.search);
  const handlers = createHandlers({
    workspace,
    notebook,
    agreement,
    contacts,
    events,
    transport: options.transport,
    version,
    systemLocale: options.locale ?? systemLocale(),
  });
  return {
    workspace,
    notebook,
    events,
    handlers,
    call: (channel, input) => dispatch(handlers, channel, input),
    close: () => workspace.close(),
  };
}
