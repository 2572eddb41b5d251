/**
 * What each channel does, once the dispatcher has checked who may call it. Lifecycle handlers
 * (setup, sign-in, sign-out) are async and manage the database themselves; every other handler is
 * synchronous and runs inside the transaction the dispatcher opens.
 */
import type { ChannelOutput, ParsedInput } from '../../shared/api';
import type { ChannelName } from '../../shared/channels';
import type { SessionUser } from '../../shared/api';
import type { Db } from './db/open';
import type { KluisCore } from './kluis';

export interface TransactionContext {
  core: KluisCore;
  db: Db;
  user: SessionUser;
}

export type Handler<C extends ChannelName> =
  | { transaction: false; run: (input: ParsedInput<C>, core: KluisCore) => Promise<ChannelOutput<C>> | ChannelOutput<C> }
  | { transaction: true; run: (input: ParsedInput<C>, ctx: TransactionContext) => ChannelOutput<C> };

export type Handlers = { [C in ChannelName]: Handler<C> };

export const handlers: Handlers = {
  'app.state': { transaction: false, run: (_input, core) => core.state() },
  'setup.createInstall': {
    transaction: false,
    run: (input, core) => core.createInstall(input),
  },
  'session.signIn': { transaction: false, run: (input, core) => core.signIn(input.username, input.password) },
  'session.signOut': {
    transaction: false,
    run: async (_input, core) => {
      await core.signOut();
      return { signedOut: true };
    },
  },
  'install.status': { transaction: true, run: (_input, { core }) => core.installStatus() },
};
