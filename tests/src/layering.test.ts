import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Runtime code reads what it needs from its database or its config, never from the dataset
// generator: the generator only seeds. Checked on the source, so a new module cannot slip past.
const ROOT = path.resolve(__dirname, '../..');
const SUBGRAPHS = path.join(ROOT, 'subgraphs');

/** Every .ts file under a folder, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each module specifier a file loads (import, export … from, import(), require()), with the names it imports. */
function importsOf(file: string): { specifier: string; names: string[] }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: { specifier: string; names: string[] }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names: string[] = [];
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
      if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
        for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
      }
      found.push({ specifier: node.moduleSpecifier.text, names });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, names: [] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What the kit's barrel re-exports from its dataset folder (the locality register and the seeded RNG). */
function kitDatasetExports(): Set<string> {
  const names = importsOf(path.join(SUBGRAPHS, 'kit/src/dataset/index.ts')).flatMap((i) => i.names);
  expect(names.length).toBeGreaterThan(0);
  return new Set(names);
}

const moduleFiles = readdirSync(SUBGRAPHS)
  .map((name) => path.join(SUBGRAPHS, name, 'src/modules'))
  .filter((dir) => {
    try {
      return readdirSync(dir).length > 0;
    } catch {
      return false;
    }
  })
  .flatMap(tsFiles);

test('the check sees the modules of every subgraph', () => {
  const subgraphs = new Set(moduleFiles.map((f) => path.relative(SUBGRAPHS, f).split(path.sep)[0]));
  expect([...subgraphs].sort()).toEqual(['geography', 'readiness', 'tasks']);
});

test('no runtime file under subgraphs/*/src/modules/ imports from a dataset folder (tests beside them may: they check figures against the generator)', () => {
  const offenders = moduleFiles
    .filter((file) => !file.endsWith('.test.ts'))
    .flatMap((file) =>
      importsOf(file)
        .filter((i) => /(^|\/)dataset(\/|$)/.test(i.specifier))
        .map((i) => `${path.relative(ROOT, file)} imports ${i.specifier}`),
    );
  expect(offenders).toEqual([]);
});

test('runtime code under subgraphs/*/src/modules/ does not take dataset exports through the kit barrel either', () => {
  const dataset = kitDatasetExports();
  const offenders = moduleFiles
    .filter((file) => !file.endsWith('.test.ts'))
    .flatMap((file) =>
      importsOf(file)
        .filter((i) => i.specifier === '@kh02/subgraph-kit')
        .flatMap((i) => i.names.filter((n) => dataset.has(n)).map((n) => `${path.relative(ROOT, file)} imports ${n}`)),
    );
  expect(offenders).toEqual([]);
});
