// The API reference's own typedoc plugin (typedoc.json loads it):
//
// - Groups each export by the folder of src/ that defines it, since a folder is a concept of the
//   domain (src/screening: Screening, src/regions: Regions...): the reference lists exports by
//   concept instead of one alphabetical list per kind. An export's own `@group` tag wins. An
//   export from a file that `groupOf` cannot place is a warning, which fails `npm run check:docs`.
// - Names each guide of docs/ by its first heading ("Getting started", not "getting-started").
// - Points the README's absolute links to the guides (https://github.com/acuspine/acuspine/blob/
//   main/docs/x.md, absolute so that they work where npm shows the README) at the guides' pages
//   in the site.
import { Comment, CommentTag, Converter, MarkdownEvent } from 'typedoc';

/** The group of each folder of src/, and of the files of src/fhir that are not its readers. */
export const groupsByPath = [
  ['src/screening/', 'Screening'],
  ['src/facts/', 'Patient facts'],
  ['src/_internal/standard-schema.ts', 'Patient facts'],
  ['src/_internal/result.ts', 'Results and issues'],
  ['src/regions/', 'Regions'],
  ['src/course/', 'Courses'],
  ['src/cohort/', 'Cohorts'],
  ['src/messages/', 'Messages'],
  ['src/fhir/resources.ts', 'FHIR resources'],
  ['src/fhir/codes/', 'FHIR code lists'],
  ['src/fhir/code-list.ts', 'FHIR code lists'],
  ['src/fhir/code-systems.ts', 'FHIR code lists'],
  ['src/fhir/fhir-code-lists.ts', 'FHIR code lists'],
  ['src/fhir/', 'FHIR'],
  ['src/cds-hooks/server/', 'CDS Hooks server'],
  ['src/cds-hooks/', 'CDS Hooks'],
  ['src/sql/', 'SQL'],
  ['src/outcomes/', 'Outcomes'],
];

/** The group of an export declared in `path` (relative to the package), or undefined. */
export function groupOf(path) {
  return groupsByPath.find(([prefix]) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix))?.[1];
}

const REPOSITORY_DOCS = 'https://github.com/acuspine/acuspine/blob/main/docs/';

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** The guides by file name without `.md`, which is the name typedoc gives them. */
  const guides = new Map();

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const guide of project.documents ?? []) {
      guides.set(guide.name, guide);
      const heading = /^#\s+(.+)$/m.exec(Comment.combineDisplayParts(guide.content));
      if (heading !== null && !('title' in guide.frontmatter)) guide.name = heading[1].replace(/`/g, '').trim();
    }
  });

  // Before typedoc's own GroupPlugin, which listens at priority -100.
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    for (const module of project.children ?? []) {
      for (const child of module.children ?? []) {
        if (child.comment?.getTag('@group') !== undefined) continue;
        const path = project.getSymbolIdFromReflection(child)?.packagePath;
        const group = path === undefined ? undefined : groupOf(path);
        if (group === undefined) {
          app.logger.warn(
            `typedoc-plugin: no group for ${module.name}'s export ${child.name} (${path ?? 'no source'}): add its folder to groupsByPath in scripts/typedoc-plugin.mjs`,
          );
          continue;
        }
        child.comment ??= new Comment();
        child.comment.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: group }]));
      }
    }
  });

  app.renderer.on(MarkdownEvent.PARSE, (event) => {
    const { router } = app.renderer;
    if (router === undefined) return;
    event.parsedText = event.parsedText.replace(
      new RegExp(`href="${REPOSITORY_DOCS.replace(/[.]/g, '\\.')}([a-z0-9-]+)\\.md(#[^"]*)?"`, 'g'),
      (whole, name, anchor = '') => {
        const guide = guides.get(name);
        return guide === undefined ? whole : `href="${router.relativeUrl(event.page.model, guide)}${anchor}"`;
      },
    );
  });
}
