import { apiContract } from '../../common/api/contract';
import type { ApiOutput, ApiParsedInput } from '../../common/api/contract';
import { isApiChannel } from '../../common/api/channels';
import type { ApiChannel } from '../../common/api/channels';
import type { ApiResult } from '../../common/api/types';
import { AppError } from '../../common/errors';

export type ApiHandlers = {
  [C in ApiChannel]: (input: ApiParsedInput<C>) => Promise<ApiOutput<C>>;
};

/** Channels that answer while an encrypted workspace is locked; the runtime serves them. */
export type RuntimeChannel = Extract<ApiChannel, `security.${string}`> | 'app.info';

/** Channels that need an open workspace. */
export type WorkspaceHandlers = Omit<ApiHandlers, RuntimeChannel>;

export type Logger = (message: string, error?: unknown) => void;

/**
 * The single entry point for both transports: checks the channel, validates the input
 * against the contract, runs the handler, and turns every failure into a payload the
 * renderer can translate. Nothing a caller sends reaches a handler unvalidated.
 */
export async function dispatch(
  handlers: ApiHandlers,
  channel: unknown,
  rawInput: unknown,
  log: Logger = defaultLogger,
): Promise<ApiResult<unknown>> {
  if (!isApiChannel(channel)) {
    return {
      ok: false,
      error: new AppError('unknown-channel', { channel: String(channel) }).toPayload(),
    };
  }
  const parsed = apiContract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '-';
    // What was wrong, so a form can say it next to the field in the UI language.
    const params: Record<string, string | number> = { field, reason: issue?.code ?? 'invalid' };
    if (issue && 'maximum' in issue && typeof issue.maximum === 'number')
      params.limit = issue.maximum;
    return {
      ok: false,
      error: new AppError(
        'invalid-input',
        params,
        `${channel}: ${parsed.error.message}`,
      ).toPayload(),
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    log(`handler ${channel} failed`, error);
    return { ok: false, error: new AppError('internal', {}, describe(error)).toPayload() };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultLogger(message: string, error?: unknown): void {
  console.error(`[risalah] ${message}`, error ?? '');
}
