import { z } from 'zod';
import { uiLanguages } from '../language';
import type { ApiChannel, ApiEventName } from './channels';
import type { AppInfo, SaveStatus, Settings } from './types';

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
} satisfies Record<ApiChannel, ChannelSpec<z.ZodType, unknown>>;

type Contract = typeof apiContract;

export type ApiInput<C extends ApiChannel> = z.input<Contract[C]['input']>;
export type ApiParsedInput<C extends ApiChannel> = z.output<Contract[C]['input']>;
export type ApiOutput<C extends ApiChannel> =
  Contract[C] extends ChannelSpec<z.ZodType, infer O> ? O : never;

export interface ApiEvents {
  'save-status': SaveStatus;
  'settings-changed': Settings;
}

export type ApiEvent = { [E in ApiEventName]: { name: E; payload: ApiEvents[E] } }[ApiEventName];
