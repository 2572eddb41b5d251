/**
 * ESLint rule `kluis/layers`: who may import what (DESIGN §2), checked on every import, export-from,
 * dynamic import and require. Like VS Code's layer rule, it keeps code that runs in one place from
 * reaching code that cannot run there.
 *
 *   shared/        → shared/ and zod; no Node, no DOM libraries, no Electron
 *   renderer/      → renderer/, shared/, react; no Node, no Electron, nothing from electron/
 *   electron/core/ → electron/core/, shared/, Node and npm packages; never 'electron'
 *   electron/      → the above; only main.ts, preload.ts and ipc.ts may import 'electron'
 *   tools/, test/  → anything but the 'electron' package (tests never load Electron)
 *
 * And one rule of DESIGN §7: only electron/core/history/ may import `applyRowChange`, the raw row
 * writer, so every change to a record goes through a journal command.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
// The launcher only asks the package for the binary's path; it never runs Electron code itself.
const ELECTRON_IMPORTERS = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'scripts/start.mjs']);

/** Which layer a repository-relative path belongs to. */
function layerOf(relativePath) {
  const p = relativePath.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/core/')) return 'core';
  if (p.startsWith('electron/')) return 'shell';
  if (p.startsWith('tools/')) return 'tools';
  if (p.startsWith('test/')) return 'test';
  return 'root';
}

const ALLOWED_LAYERS = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  core: ['core', 'shared'],
  shell: ['shell', 'core', 'shared'],
};

const ALLOWED_PACKAGES = {
  shared: (name) => name === 'zod',
  renderer: (name) => name === 'react' || name === 'react-dom' || name.startsWith('react/') || name.startsWith('react-dom/'),
  core: (name) => name !== 'electron' && !name.startsWith('react'),
  shell: (name) => name !== 'react' && !name.startsWith('react-dom'),
};

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import layers of DESIGN §2' },
    schema: [],
    messages: {
      layer: '{{from}} may not import from {{to}} ("{{specifier}}"): see DESIGN §2.',
      electron: 'Only electron/main.ts, preload.ts and ipc.ts may import "electron".',
      node: '{{from}} runs without Node: "{{specifier}}" is not available there.',
      package: '{{from}} may not use the package "{{specifier}}".',
      journal: 'Write records through a history Command (electron/core/history), not applyRowChange: see DESIGN §7.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier));
        const to = layerOf(target);
        const allowed = ALLOWED_LAYERS[from];
        if (allowed && !allowed.includes(to)) context.report({ node, messageId: 'layer', data: { from, to, specifier } });
        return;
      }
      const name = packageName(specifier);
      if (name === 'electron') {
        if (!ELECTRON_IMPORTERS.has(file)) context.report({ node, messageId: 'electron' });
        return;
      }
      if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(name)) {
        if (from === 'shared' || from === 'renderer') context.report({ node, messageId: 'node', data: { from, specifier } });
        return;
      }
      const allowed = ALLOWED_PACKAGES[from];
      if (allowed && !allowed(name)) context.report({ node, messageId: 'package', data: { from, specifier } });
    }

    /** `import { applyRowChange } from '…/records/rows'` outside the journal. */
    function checkJournal(node) {
      if (file.startsWith('electron/core/history/') || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), node.source.value)).split(path.sep).join('/');
      if (target !== 'electron/core/records/rows' && target !== 'electron/core/records/rows.ts') return;
      for (const spec of node.specifiers) {
        if (spec.type === 'ImportSpecifier' && spec.imported.name === 'applyRowChange') context.report({ node: spec, messageId: 'journal' });
      }
    }

    return {
      ImportDeclaration: (node) => {
        check(node, node.source.value);
        checkJournal(node);
      },
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(node, literal.value);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layers: layersRule } };
