// `npm run check:docs`: builds the API reference in memory, as `typedoc --emit none` would (every
// export documented, every link valid, no warning), and checks what a reader of the site relies
// on: the modules are named by their entry points, every export sits in a group named after a
// concept of the domain (not in typedoc's default groups by kind, "Functions", "Interfaces"...),
// and every guide of docs/ is a page of the site, named by its heading.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Application, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

/** The groups each module must show, in this order. */
const expected = new Map([
  ['acuspine', ['Screening', 'Patient facts', 'Regions', 'Courses', 'Cohorts', 'Messages', 'Results and issues']],
  ['acuspine/fhir', ['FHIR', 'FHIR code lists', 'FHIR resources']],
  ['acuspine/cds-hooks', ['CDS Hooks']],
  ['acuspine/cds-hooks/server', ['CDS Hooks server']],
  ['acuspine/sql', ['SQL']],
  ['acuspine/outcomes', ['Outcomes']],
  ['acuspine/locales/ru', ['Messages']],
]);

const app = await Application.bootstrapWithPlugins({}, [new TypeDocReader(), new TSConfigReader()]);
const project = await app.convert();
const problems = [];
if (project === undefined) {
  problems.push('typedoc could not convert the project (see the errors above)');
} else {
  app.validate(project);

  const modules = (project.children ?? []).filter((child) => child.kindOf(ReflectionKind.Module));
  const names = modules.map((module) => module.name).sort();
  if (JSON.stringify(names) !== JSON.stringify([...expected.keys()].sort())) {
    problems.push(`the modules are ${names.join(', ')}; expected ${[...expected.keys()].join(', ')}`);
  }
  for (const module of modules) {
    const groups = (module.groups ?? []).map((group) => group.title);
    const want = expected.get(module.name) ?? [];
    if (JSON.stringify(groups) !== JSON.stringify(want)) {
      problems.push(`${module.name} shows the groups ${groups.join(', ')}; expected ${want.join(', ')}`);
    }
    const grouped = (module.groups ?? []).reduce((count, group) => count + group.children.length, 0);
    if (grouped !== (module.children ?? []).length) {
      problems.push(`${module.name}: ${grouped} of ${(module.children ?? []).length} exports are in a group`);
    }
  }

  // Every guide is a page, named by its first heading.
  const guides = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => /^#\s+(.+)$/m.exec(readFileSync(join(root, 'docs', name), 'utf8'))?.[1]?.replace(/`/g, ''))
    .sort();
  const pages = (project.documents ?? []).map((document) => document.name).sort();
  if (JSON.stringify(pages) !== JSON.stringify(guides)) {
    problems.push(
      `the site's guides are ${pages.join(' | ')}; docs/ holds ${guides.join(' | ')} (list every guide in typedoc.json's projectDocuments)`,
    );
  }
  if (problems.length === 0) {
    const counts = modules.map((module) => `${module.name} ${(module.children ?? []).length}`).join(', ');
    console.log(`API reference: exports by module ${counts}, in concept groups; ${pages.length} guides as pages`);
  }
}
if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  problems.push('typedoc reported errors or warnings (above)');
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-docs: ${problem}`);
  process.exit(1);
}
