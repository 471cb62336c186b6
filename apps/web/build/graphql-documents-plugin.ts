import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/m;

/** A module of its own per document: `\0duban-document:MeDocument`. */
const VIRTUAL = '\0duban-document:';

/**
 * Replaces each `graphql(`…`)` call with an import of the generated document it names, so a route
 * chunk carries only its own operations. The client preset's `graphql()` looks documents up in one
 * map holding every operation of the app, which no bundler can split (the preset recommends its
 * Babel/SWC plugin for the same reason; this does the same job without another dependency). Each
 * document is served as a module of its own, cut from the generated file: one module exporting all
 * 145 documents would land, whole, in whichever chunk the first page using it loads (the sign-in
 * page's).
 */
export function graphqlDocumentsPlugin(generatedModule: string): Plugin {
  const documents = new Map<string, string>();
  const load = () => {
    if (documents.size) return;
    const DOCUMENT = /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
    for (const [, name, literal] of readFileSync(generatedModule, 'utf8').matchAll(DOCUMENT))
      documents.set(name, literal);
  };
  return {
    name: 'duban-graphql-documents',
    enforce: 'pre',
    buildStart: () => documents.clear(),
    resolveId: (id) => (id.startsWith(VIRTUAL) ? id : null),
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      load();
      const name = id.slice(VIRTUAL.length);
      const literal = documents.get(name);
      if (!literal) this.error(`no document ${name} in ${generatedModule}: run npm run schema:generate`);
      return `export const ${name} = ${literal};`;
    },
    transform(code, id) {
      if (!/\.(ts|tsx)$/.test(id) || id.includes('/generated/') || !code.includes('graphql(`')) return null;
      const imports = new Set<string>();
      const out = code.replace(CALL, (whole, body: string) => {
        const match = DEFINITION.exec(body);
        if (!match) return whole;
        const exported = match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
        imports.add(exported);
        return `__gql_${exported}`;
      });
      if (!imports.size) return null;
      const header = [...imports]
        .map((name) => `import { ${name} as __gql_${name} } from ${JSON.stringify(VIRTUAL + name)};`)
        .join('\n');
      return { code: `${header}\n${out}`, map: null };
    },
  };
}
