import { z } from 'zod';
import { uiLanguages } from '../language';
import type { ApiChannel, ApiEventName } from './channels';
import type { AppInfo, BackupView, RecoveryNotice, SaveStatus, Settings } from './types';

/** A channel: the schema its input must pass, and (as a type only) what it returns. */
export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  readonly output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input });
}

const noInput = z.object({}).strict();

export const settingsPatchSchema = z
  .object({
    language: z.enum(uiLanguages).nullable(),
  })
  .partial()
  .strict();

export const apiContract = {
  'app.info': channel<AppInfo>()(noInput),
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsPatchSchema),
  'workspace.notices': channel<RecoveryNotice[]>()(noInput),
  'backups.list': channel<BackupView[]>()(noInput),
  'backups.restore': channel<BackupView>()(z.object({ id: z.string().min(1).max(200) }).strict()),
} satisfies Record<ApiChannel, ChannelSpec<z.ZodType, unknown>>;

type Contract = typeof apiContract;

export type ApiInput<C extends ApiChannel> = z.input<Contract[C]['input']>;
export type ApiParsedInput<C extends ApiChannel> = z.output<Contract[C]['input']>;
export type ApiOutput<C extends ApiChannel> =
  Contract[C] extends ChannelSpec<z.ZodType, infer O> ? O : never;

export interface ApiEvents {
  'save-status': SaveStatus;
  'settings-changed': Settings;
  /** Data changed under the renderer (a restore): reload what is shown. */
  'workspace-changed': Record<string, never>;
}

export type ApiEvent = { [E in ApiEventName]: { name: E; payload: ApiEvents[E] } }[ApiEventName];

// The event list the preload and SSE know must match the payload types declared here.
type EventNamesMismatch =
  Exclude<keyof ApiEvents, ApiEventName> | Exclude<ApiEventName, keyof ApiEvents>;
export const eventNamesMatch: [EventNamesMismatch] extends [never] ? true : never = true;
