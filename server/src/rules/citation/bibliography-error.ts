import { defineRule } from '../../core/rule';
import { docsPath, q } from './util';

export default defineRule({
  meta: {
    id: 'citation/bibliography-error',
    description: 'A bibliography named in the front matter (or settings) that cannot be read or parsed.',
    defaultSeverity: 'error',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/bibliography-error'),
  },
  *check({ ledgers, paper }) {
    for (const f of ledgers.citations.bibliography.files) {
      if (f.status === 'ok') continue;
      const range = f.range ?? (paper.frontMatter ? { start: paper.frontMatter.range.start, end: paper.frontMatter.range.start + 3 } : { start: 0, end: 0 });
      const why = f.error ? `: ${f.error.replace(/\.$/, '')}` : '';
      const message =
        f.status === 'unreadable'
          ? `Cannot read the bibliography ${q(f.path)}${why}; citation keys are not checked.`
          : f.status === 'invalid'
            ? `The bibliography ${q(f.path)} cannot be parsed${why}; citation keys are not checked.`
            : `The bibliography ${q(f.path)} is in a format Policy Lint does not read (${f.error}); citation keys are not checked.`;
      yield { range, message };
    }
  },
});
