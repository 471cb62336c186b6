// Jest's runtime, plus V8's code cache for every module it compiles. Jest evaluates each test file's
// modules afresh in the file's own VM context (Nest, graphql-js, TypeORM, the app: thousands of
// modules), and V8 parses and compiles each one again every time, in every worker, for every file.
// What V8 compiles does not depend on the context, so its code cache (bytecode of the module and of
// every function that has run by the end of the file) is kept in jest's cache directory, keyed by the
// module's path and source, and handed back to V8 when the same source is compiled again: by the
// next file in this worker (from memory), by the other workers and by the next run (from disk).
// V8 checks what it is handed (its version, flags and the source's length) and falls back to
// compiling when the cache does not fit, so a stale entry costs a compile, never a wrong module.
// CommonJS modules are compiled with vm.Script instead of jest's vm.compileFunction: a Script can
// produce its cache after it has run, so the functions compiled lazily by then are in it too.
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
// The same function made by a Script: the wrapper sits on the source's first line, so line numbers
// in stack traces are unchanged (columns on line 1 shift by the wrapper's length).
function cachedCompileFunction(source, params = [], options = {}) {
  const { filename = '', parsingContext, importModuleDynamically, ...rest } = options;
  // A hashbang is only allowed at the very start, where the wrapper now is.
  if (!parsingContext || Object.keys(rest).length > 0 || source.startsWith('#!') || DYNAMIC_IMPORT.test(source)) {
    return compileFunction(source, params, options);
  }
  const wrapped = `(function (${params.join(', ')}) {${source}\n})`;
  const cachedData = lookup(filename, wrapped);
  const script = new vm.Script(wrapped, { filename, cachedData, importModuleDynamically });
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

module.exports = class CodeCachingRuntime extends JestRuntime {
  constructor(config, environment, resolver, transformer, cacheFS, ...rest) {
    super(config, environment, resolver, transformer, new SourcesWithPackages(cacheFS), ...rest);
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
  }
};
