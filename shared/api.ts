/**
 * The IPC contract: every channel, its input schema (unknown keys rejected), its output type, the
 * right it needs and its flags. The dispatcher, the preload whitelist, the CLI and the renderer all
 * read this one list (DESIGN §4).
 */
import { z } from 'zod';
import type { ChannelName } from './channels';
import type { Result } from './errors';
import type { Permission, Role } from './permissions';
import {
  ORG_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
} from './policy';

export type KeyMode = 'keychain' | 'passphrase-only';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface SessionInfo {
  user: SessionUser;
  orgName: string;
  keyMode: KeyMode;
}

export type AppState =
  | { phase: 'setup' }
  | { phase: 'signedOut'; keyMode: KeyMode }
  | { phase: 'signedIn'; session: SessionInfo };

export interface InstallStatus {
  installId: string;
  cipher: string;
  keyMode: KeyMode;
  schemaVersion: number;
  userCount: number;
}

const username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, 'Use 2–64 letters, digits, dots, dashes or underscores');
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

/** `auth: 'public'` channels run without a session; every other channel needs one. */
export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  auth: 'public' | 'session';
  /** The right the caller needs, or null when any signed-in user may call it. */
  permission: Permission | null;
  mutates: boolean;
  /** Needs a second factor entered in the last minutes (filled in by the MFA issue). */
  stepUp: boolean;
}

/** `channel<Output>()({ ... })`: the output type is named, the input type is inferred. */
function channel<O>() {
  return <I extends z.ZodType>(spec: Omit<ChannelSpec<I, O>, 'output'>): ChannelSpec<I, O> => ({
    ...spec,
    output: undefined as O,
  });
}

export const api = {
  'app.state': channel<AppState>()({
    input: z.strictObject({}),
    auth: 'public',
    permission: null,
    mutates: false,
    stepUp: false,
  }),
  'setup.createInstall': channel<{ keyMode: KeyMode; installId: string }>()({
    input: z.strictObject({
      orgName: z.string().trim().min(1, 'Enter the organisation name').max(ORG_NAME_MAX_LENGTH),
      adminUsername: username,
      password: newPassword,
      /** Policy: refuse passphrase-only mode when no OS keychain answers. */
      requireKeychain: z.boolean().optional(),
    }),
    auth: 'public',
    permission: null,
    mutates: true,
    stepUp: false,
  }),
  'session.signIn': channel<SessionInfo>()({
    input: z.strictObject({
      username: z.string().max(256),
      password: z.string().max(PASSWORD_MAX_LENGTH),
    }),
    auth: 'public',
    permission: null,
    mutates: false,
    stepUp: false,
  }),
  'session.signOut': channel<{ signedOut: true }>()({
    input: z.strictObject({}),
    auth: 'session',
    permission: null,
    mutates: false,
    stepUp: false,
  }),
  'install.status': channel<InstallStatus>()({
    input: z.strictObject({}),
    auth: 'session',
    permission: 'install.read',
    mutates: false,
    stepUp: false,
  }),
} satisfies Record<ChannelName, ChannelSpec<z.ZodType, unknown>>;

export type Api = typeof api;
export type ChannelInput<C extends ChannelName> = z.input<Api[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Api[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Api[C]['output'];

/** Payloads of the events the main process pushes. */
export interface EventPayloads {
  'session.changed': { reason: 'signedIn' | 'signedOut' | 'locked' };
}

/** What `window.kluis` offers the renderer; the preload and the preview bridge both implement it. */
export interface KluisBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends keyof EventPayloads>(event: E, callback: (payload: EventPayloads[E]) => void): () => void;
}
