// `npm start`: build, prepare the SQLite native module for Electron, launch Electron.
//
// Why a separate native build: better-sqlite3-multiple-ciphers is a classic node-gyp addon tied to
// one ABI. node_modules keeps the Node build (vitest, the CLI, the preview use it); Electron gets
// its own copy in .electron-native/, loaded through better-sqlite3's `nativeBinding` option (see
// electron/main.ts). keytar and @node-rs/argon2 are N-API modules: one binary serves Node and
// Electron alike, so they need no rebuild.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(projectDir, '.electron-native');
const buildPath = path.join(nativeDir, 'app');
const stampFile = path.join(nativeDir, 'stamp.json');
const outputBinary = path.join(nativeDir, 'better_sqlite3.node');
const require = createRequire(import.meta.url);

class StepError extends Error {}

function readVersion(packageName) {
  const file = path.join(projectDir, 'node_modules', packageName, 'package.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    throw new StepError(`${packageName} is not installed; run \`npm install\` first.`);
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function build() {
  const cli = path.join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const code = await run(process.execPath, [cli, 'build']);
  if (code !== 0) throw new StepError(`electron-vite build failed (exit code ${code}).`);
}

async function prepareNativeModule(electronVersion) {
  const stamp = {
    electron: electronVersion,
    module: readVersion(MODULE),
    platform: process.platform,
    arch: process.arch,
  };
  const stampText = JSON.stringify(stamp);
  if (fs.existsSync(outputBinary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stampText) {
    return; // already built for this Electron and this module version
  }

  // A clean private app holding only the module, without its Node build/ folder, so nothing built
  // for Node can be mistaken for the Electron build.
  fs.rmSync(nativeDir, { recursive: true, force: true });
  const moduleSource = path.join(projectDir, 'node_modules', MODULE);
  const moduleCopy = path.join(buildPath, 'node_modules', MODULE);
  const nodeBuild = path.join(moduleSource, 'build');
  fs.cpSync(moduleSource, moduleCopy, { recursive: true, filter: (source) => source !== nodeBuild });
  fs.writeFileSync(
    path.join(buildPath, 'package.json'),
    JSON.stringify({ name: 'kluis-electron-native', private: true, dependencies: { [MODULE]: stamp.module } }, null, 2),
  );

  const rebuildModule = await import('@electron/rebuild');
  const rebuild = rebuildModule.rebuild ?? rebuildModule.default?.rebuild;
  console.log(`Building ${MODULE} ${stamp.module} for Electron ${electronVersion} (first start only)...`);
  try {
    // projectRootPath = buildPath: never walk up into the project's own node_modules.
    await rebuild({ buildPath, projectRootPath: buildPath, electronVersion, onlyModules: [MODULE], force: true });
  } catch (error) {
    throw new StepError(`rebuilding ${MODULE} for Electron ${electronVersion} failed: ${firstLine(error)}`);
  }

  const built = path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new StepError(`the Electron build of ${MODULE} did not produce ${built}.`);
  fs.copyFileSync(built, outputBinary);
  fs.writeFileSync(stampFile, stampText);
}

function locateElectron() {
  try {
    // From Node, the package exports the binary's path, downloading the binary first if needed.
    return require('electron');
  } catch {
    throw new StepError(
      'the Electron binary is missing and could not be downloaded (see above); retry with network access.',
    );
  }
}

function launch(electronBinary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(electronBinary, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
  child.on('error', (error) => fail(new StepError(`could not start Electron: ${firstLine(error)}`)));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function firstLine(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0];
}

function fail(error) {
  console.error(`kluis start: ${error instanceof StepError ? error.message : firstLine(error)}`);
  process.exit(1);
}

try {
  const electronBinary = locateElectron(); // first, so a missing binary fails before a long build
  await build();
  await prepareNativeModule(readVersion('electron'));
  launch(electronBinary);
} catch (error) {
  fail(error);
}
