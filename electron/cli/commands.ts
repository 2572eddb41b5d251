import { resolve } from 'node:path';
import { readPassword } from './prompt';
import { printJson, printTable } from './output';
import { openCli, signInFromEnvironment } from './session';

export interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string; required?: boolean }>;
  run(values: Record<string, string | boolean | undefined>): Promise<void>;
}

const data = { type: 'string', description: 'the data folder of the install', required: true } as const;
const json = { type: 'boolean', description: 'print one JSON object instead of text' } as const;

export const commands: Record<string, Command> = {
  init: {
    summary: 'create a new install: encrypted database, vault and first administrator',
    usage: 'init --data DIR --org NAME --admin USERNAME [--require-keychain] [--json]',
    options: {
      data,
      org: { type: 'string', description: 'the organisation name', required: true },
      admin: { type: 'string', description: "the first administrator's username", required: true },
      'require-keychain': { type: 'boolean', description: 'refuse passphrase-only mode if no OS keychain answers' },
      json,
    },
    async run(values) {
      const dataDir = resolve(String(values.data));
      const password = await readPassword({ confirm: true });
      const cli = await openCli(dataDir);
      try {
        const created = await cli.call('setup.createInstall', {
          orgName: String(values.org),
          adminUsername: String(values.admin),
          password,
          requireKeychain: values['require-keychain'] === true,
        });
        if (values.json) printJson({ dataDir, ...created });
        else {
          process.stdout.write(`Created a Kluis install in ${dataDir}\n`);
          printTable([
            ['install id', created.installId],
            ['key mode', created.keyMode],
          ]);
          if (created.keyMode === 'passphrase-only') {
            process.stdout.write('No OS keychain answered: the data is protected by passwords alone.\n');
          }
        }
      } finally {
        await cli.close();
      }
    },
  },
  status: {
    summary: 'sign in (KLUIS_USER, KLUIS_PASSWORD) and show the state of an install',
    usage: 'status --data DIR [--json]',
    options: { data, json },
    async run(values) {
      const cli = await openCli(resolve(String(values.data)));
      try {
        await signInFromEnvironment(cli);
        const status = await cli.call('install.status', {});
        if (values.json) printJson(status);
        else
          printTable([
            ['install id', status.installId],
            ['cipher', status.cipher],
            ['key mode', status.keyMode],
            ['schema version', status.schemaVersion],
            ['users', status.userCount],
          ]);
      } finally {
        await cli.close();
      }
    },
  },
};
