import { defineRule } from '../../core/rule';
import type { Fix } from '../../core/types';
import { formatCountLike } from '../../core/numbers/lexicon';
import { docsPath, firstLine, q } from './util';

interface Options {
  checkPartialLists: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'number/list-count-mismatch',
    description: 'A stated count ("the following four priorities:", "four pillars: A, B, C and D") that does not match the list that follows it.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: { checkPartialLists: true },
    options: {
      checkPartialLists: { type: 'boolean', description: 'Also report lists introduced by "including", "such as" or a parenthesis when they have more items than the count.' },
    },
    docs: docsPath('number/list-count-mismatch'),
  },
  *check({ text, paper, ledgers, options }) {
    for (const c of ledgers.figures.listClaims) {
      let actual: number;
      let exact: boolean;
      if (c.kind === 'markdown') {
        const list = c.list!;
        if (list.ordered && list.start !== 1) continue;
        if (list.itemCount === c.count) continue;
        // a list broken in two (a page break in a converted document): the count may cover both parts
        let next = list.id + 1;
        while (next < paper.lists.length && paper.lists[next].range.start < list.range.end) next++; // lists nested in this one
        const after = paper.lists[next] && !text.slice(list.range.end, paper.lists[next].range.start).trim() ? paper.lists[next] : undefined;
        if (after && list.itemCount < c.count) continue;
        actual = list.itemCount;
        exact = true;
      } else if (c.partial) {
        if (!options.checkPartialLists || c.min <= c.count) continue;
        actual = c.min;
        exact = c.min === c.max;
      } else {
        if (c.count >= c.min && c.count <= c.max) continue;
        actual = c.count < c.min ? c.min : c.max;
        exact = c.min === c.max;
      }
      const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
      const listed = c.kind === 'markdown'
        ? `the list that follows has ${items(actual)}`
        : c.partial
          ? `${exact ? '' : 'at least '}${items(actual)} are listed after it`
          : `${exact ? '' : c.count < c.min ? 'at least ' : 'at most '}${items(actual)} are listed`;
      const fixes: Fix[] = exact
        ? [{ title: `Change ${q(c.countText)} to ${q(formatCountLike(actual, c.countText))}`, edits: [{ range: c.countRange, newText: formatCountLike(actual, c.countText) }], isSafe: false }]
        : [];
      yield {
        range: c.phraseRange,
        message: `${q(c.phraseText)} announces ${c.count}, but ${listed}.`,
        related: c.kind === 'markdown' ? [{ range: firstLine(text, c.listRange), message: `The list (${items(actual)})` }] : [],
        fixes,
      };
    }
  },
});
