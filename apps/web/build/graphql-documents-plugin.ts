import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/m;

/**
 * Replaces each `graphql(`…`)` call with an import of the generated document it names, so a route
 * chunk carries only its own operations. The client preset's `graphql()` looks documents up in one
 * map holding every operation of the app, which no bundler can split (the preset recommends its
 * Babel/SWC plugin for the same reason; this does the same job without another dependency).
 */
export function graphqlDocumentsPlugin(generatedModule: string): Plugin {
  return {
    name: 'duban-graphql-documents',
    enforce: 'pre',
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
        .map((name) => `import { ${name} as __gql_${name} } from ${JSON.stringify(generatedModule)};`)
        .join('\n');
      return { code: `${header}\n${out}`, map: null };
    },
  };
}
