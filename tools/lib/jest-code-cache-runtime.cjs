// Jest's runtime, plus what every test file of a worker loads alike, done once per worker. Jest
// evaluates each test file's modules afresh in the file's own VM context (Nest, graphql-js, TypeORM,
// the app: thousands of modules), and by default also compiles, resolves and looks up the transform
// of each one again, for every file. None of that depends on the context, only its evaluation does:
// - V8's code cache (bytecode of the module and of every function that has run by the end of the
//   file) is kept in jest's cache directory, keyed by the module's path and source, and handed back
//   to V8 when the same source is compiled again: by the other workers and by the next run (from
//   disk). V8 checks what it is handed (its version, flags and the source's length) and falls back
//   to compiling when the cache does not fit, so a stale entry costs a compile, never a wrong module.
// - A CommonJS module is compiled once per worker into a vm.Script, which is not bound to a context:
//   each test file runs the same Script in its own context, so it gets its own module function and
//   its own module (no state is shared), while the bytecode V8 made for it, and for the functions
//   the previous files called, is reused. (An ES module is bound to its context: it is compiled again,
//   from the code cache.)
// - Module resolution results (pure: a path for a specifier, given the resolver's configuration) and
//   transformed sources (keyed by the file's whole source, so an edited file is transformed again)
//   are kept per worker, rather than per file (jest's resolution cache) or behind a stat of the file
//   (jest's transform cache). Installed packages' sources are read once per worker.
// - Each AsyncLocalStorage a test file makes (the app's request, tenant and audit scopes) is disabled
//   at the file's teardown. Node 20 keeps every enabled one in a process-wide list and copies each
//   one's store onto every promise and async resource made afterwards, in every later file of the
//   worker: by a worker's tenth file, every promise paid for thirty stores of files long finished.
const asyncHooks = require('node:async_hooks');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const JestRuntime = require('jest-runtime').default;

// Entries by module path, each with the source it was made for, shared by every test file the worker
// runs. A source is compared whole here (jest hands the same string again, so this is mostly a pointer
// check) and hashed only to find its file on disk, once per worker.
const memory = new Map();
// Modules compiled without an accepted cache in the current test file: written out at its teardown.
let pending = [];
let dir = null;

function diskFile(name, source) {
  return path.join(dir, crypto.createHash('sha1').update(name).update('\0').update(source).digest('hex'));
}

function lookup(name, source) {
  const known = memory.get(name);
  if (known && known.source === source) return known.data ?? undefined;
  let data = null;
  if (dir) {
    try {
      data = fs.readFileSync(diskFile(name, source));
    } catch {
      // Not made yet.
    }
  }
  memory.set(name, { source, data });
  return data ?? undefined;
}

function refused(name, source) {
  memory.set(name, { source, data: null });
}

function save(name, source, data) {
  memory.set(name, { source, data });
  if (!dir || data.length === 0) return;
  // Two workers may write the same entry at once: each writes its own file and renames it into place.
  const file = diskFile(name, source);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only means the next file compiles again.
  }
}

const { SourceTextModule, compileFunction } = vm;

// Node 20 loses a module's dynamic-import callback when the module comes from a code cache ("A dynamic
// import callback was not specified"), so modules that may call import() are always compiled afresh.
// This over-matches (`import (` in a comment or a string), which only costs those modules their cache.
const DYNAMIC_IMPORT = /\bimport\s*(\(|\/[*/])/;

// jest-runtime reads vm.SourceTextModule when it builds each ES module, so this wrapper sees them all.
// A plain function (not a subclass) so it can retry without the cache when V8 refuses it.
function CachedSourceTextModule(source, options = {}) {
  if (DYNAMIC_IMPORT.test(source)) return new SourceTextModule(source, options);
  const name = options.identifier ?? '';
  const cachedData = lookup(name, source);
  if (cachedData) {
    try {
      return new SourceTextModule(source, { ...options, cachedData });
    } catch (error) {
      if (error?.code !== 'ERR_VM_MODULE_CACHED_DATA_REJECTED') throw error;
      refused(name, source);
    }
  }
  const module = new SourceTextModule(source, options);
  // Node refuses to make an ES module's cache once it has been evaluated, so it is made now: the
  // module's top level without the functions compiled later.
  try {
    const data = module.createCachedData();
    pending.push({ name, source, produce: () => data });
  } catch {
    // Nothing to keep: the next file compiles this module again.
  }
  return module;
}
CachedSourceTextModule.prototype = SourceTextModule.prototype;
Object.setPrototypeOf(CachedSourceTextModule, SourceTextModule);

// jest-runtime calls vm.compileFunction(source, params, { filename, importModuleDynamically,
// parsingContext }) for each CommonJS module and calls the function with the module's arguments.
// The same function made by a Script run in that context: the wrapper sits on the source's first
// line, so line numbers in stack traces are unchanged (columns on line 1 shift by the wrapper's
// length). A Script (unlike compileFunction) can also produce its code cache after it has run, so the
// functions compiled lazily by then are in the cache too.
// Scripts by path, with the source each was made for: a test file whose module has the same source
// runs the Script its worker already has.
const scripts = new Map();
// The runtime of the test file the worker is running (one at a time): a shared Script's import(),
// which DYNAMIC_IMPORT already leaves to compileFunction (import() written some other way), goes to it.
let current = null;
// V8 coverage counts what a Script's functions ran: with coverage on, each file gets its own Scripts.
let shareScripts = true;
const scriptFiles = new WeakMap();
function sharedDynamicImport(specifier, script, importAttributes, phase) {
  const filename = scriptFiles.get(script) ?? '';
  const context = current?._environment.getVmContext();
  if (!current || !context)
    return Promise.reject(new Error(`import('${specifier}') from ${filename} after its test file ended`));
  return current.esmLoader.dynamicImportFromCjs(specifier, filename, context, importAttributes, phase);
}

function cachedCompileFunction(source, params = [], options = {}) {
  const { filename = '', parsingContext, importModuleDynamically, ...rest } = options;
  // A hashbang is only allowed at the very start, where the wrapper now is.
  if (!parsingContext || Object.keys(rest).length > 0 || source.startsWith('#!') || DYNAMIC_IMPORT.test(source)) {
    return compileFunction(source, params, options);
  }
  const wrapped = `(function (${params.join(', ')}) {${source}\n})`;
  const known = shareScripts ? scripts.get(filename) : undefined;
  if (known && known.source === wrapped) return known.script.runInContext(parsingContext);
  const cachedData = lookup(filename, wrapped);
  const script = new vm.Script(wrapped, { filename, cachedData, importModuleDynamically: sharedDynamicImport });
  scriptFiles.set(script, filename);
  scripts.set(filename, { source: wrapped, script });
  if (!cachedData || script.cachedDataRejected) {
    if (cachedData) refused(filename, wrapped);
    pending.push({ name: filename, source: wrapped, produce: () => script.createCachedData() });
  }
  return script.runInContext(parsingContext);
}

vm.SourceTextModule = CachedSourceTextModule;
vm.compileFunction = cachedCompileFunction;

// Sources of installed packages, read once per worker rather than once per test file (jest reads
// every module it loads into a map of its own for each file). Packages do not change during a run;
// the repository's own files, which may change between runs of jest --watch, are read as before.
const packageSources = new Map();
const isPackage = (file) => file.includes(`${path.sep}node_modules${path.sep}`);

class SourcesWithPackages extends Map {
  get(file) {
    let source = super.get(file);
    if (source === undefined && isPackage(file)) {
      source = packageSources.get(file);
      if (source !== undefined) super.set(file, source);
    }
    return source;
  }

  set(file, source) {
    if (isPackage(file)) packageSources.set(file, source);
    return super.set(file, source);
  }
}

// Resolutions by resolver (jest makes one per project and worker, and a new one when the haste map
// changes under jest --watch): jest keeps CommonJS ones per test file and ES ones not at all, so each
// file walked the file system (package.json files, extensions, realpath) for every import again.
const resolutions = new WeakMap();

function shareResolutions(resolution, resolver) {
  // The environment's export conditions are part of what a specifier resolves to.
  const conditions = `${resolution.cjsConditions}\0${resolution.esmConditions}`;
  let byConditions = resolutions.get(resolver);
  if (!byConditions) {
    byConditions = new Map();
    resolutions.set(resolver, byConditions);
  }
  let shared = byConditions.get(conditions);
  if (!shared) {
    shared = { cjs: new Map(), esm: new Map(), esmAsync: new Map() };
    byConditions.set(conditions, shared);
  }
  resolution.cjsCache = shared.cjs;
  resolution.esmCache = shared.esm;
  // Called when the file's modules are reset: manual mocks depend on the file, paths do not.
  resolution.clear = () => resolution.manualMockCache.clear();
  const resolveEsmAsync = resolution.resolveEsmAsync.bind(resolution);
  resolution.resolveEsmAsync = (from, to) => {
    if (!to) return resolveEsmAsync(from, to);
    const key = `${from}\0${to}`;
    const known = shared.esmAsync.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return resolveEsmAsync(from, to).then((resolved) => {
      shared.esmAsync.set(key, resolved);
      return resolved;
    });
  };
}

// Transformed sources by project (jest's ScriptTransformer is made per test file, its project cache per
// configuration) and path, each with the source it was made from. jest's own cache of them is keyed by
// the file's mtime, which costs a stat of every module for every file.
const transforms = new WeakMap();

function shareTransforms(transformer) {
  const project = transformer._cache;
  if (!project) return;
  let shared = transforms.get(project);
  if (!shared) {
    shared = new Map();
    transforms.set(project, shared);
  }
  const key = (filename, options) =>
    `${filename}\0${options.supportsStaticESM}${options.supportsDynamicImport}${options.supportsExportNamespaceFrom}${options.supportsTopLevelAwait}`;
  // Coverage instruments depending on more than the source: left to jest.
  const kept = (options, source) => typeof source === 'string' && !options.collectCoverage && !options.instrument;
  const { transform, transformAsync } = transformer;
  transformer.transform = function (filename, options, source) {
    if (!kept(options, source)) return transform.call(this, filename, options, source);
    const known = shared.get(key(filename, options));
    if (known && known.source === source) return known.result;
    const result = transform.call(this, filename, options, source);
    shared.set(key(filename, options), { source, result });
    return result;
  };
  transformer.transformAsync = async function (filename, options, source) {
    if (!kept(options, source)) return transformAsync.call(this, filename, options, source);
    const known = shared.get(key(filename, options));
    if (known && known.source === source) return known.result;
    const result = await transformAsync.call(this, filename, options, source);
    shared.set(key(filename, options), { source, result });
    return result;
  };
}

/**
 * The file's `node:async_hooks` (by require or import) hands out an AsyncLocalStorage that records each
 * instance in the returned list; everything else is Node's own.
 */
function trackAsyncStores(coreModule, resolution) {
  const made = [];
  class AsyncLocalStorage extends asyncHooks.AsyncLocalStorage {
    constructor(...args) {
      super(...args);
      made.push(this);
    }
  }
  const fileAsyncHooks = { ...asyncHooks, AsyncLocalStorage };
  const require = coreModule.require.bind(coreModule);
  coreModule.require = (name) =>
    resolution.normalizeCoreModuleSpecifier(name) === 'async_hooks' ? fileAsyncHooks : require(name);
  return made;
}

module.exports = class CodeCachingRuntime extends JestRuntime {
  constructor(config, environment, resolver, transformer, cacheFS, ...rest) {
    shareTransforms(transformer);
    super(config, environment, resolver, transformer, new SourcesWithPackages(cacheFS), ...rest);
    shareResolutions(this._resolution, resolver);
    this.asyncStores = trackAsyncStores(this.coreModule, this._resolution);
    current = this;
    shareScripts = !rest[0]?.collectCoverage;
    if (dir === null && config.cacheDirectory) {
      dir = path.join(config.cacheDirectory, `v8-code-cache-${process.version}-${process.arch}`);
      fs.mkdirSync(dir, { recursive: true });
    }
  }

  teardown() {
    // By now the file's tests have run, so the cache holds the functions they called, not only the
    // top level of each module.
    const made = pending;
    pending = [];
    for (const { name, source, produce } of made) {
      try {
        save(name, source, produce());
      } catch {
        // A module that failed to compile or link has nothing worth keeping.
      }
    }
    super.teardown();
    for (const store of this.asyncStores) store.disable();
    this.asyncStores.length = 0;
    if (current === this) current = null;
  }
};
