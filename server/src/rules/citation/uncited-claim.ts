import { defineRule } from '../../core/rule';
import type { Claim, ClaimKind } from '../../core/citations/types';
import { clip, docsPath, q } from './util';

interface Options {
  paragraphCitationCovers: boolean;
  kinds: string[];
}

const ALL_KINDS: ClaimKind[] = ['statistic', 'superlative', 'quotation', 'attribution', 'dated event'];

export function claimMessage(c: Claim): string {
  switch (c.kind) {
    case 'statistic':
      return `Uncited statistic ${q(clip(c.phrase))}: cite the source of this figure in the same sentence.`;
    case 'superlative':
      return `Uncited superlative ${q(clip(c.phrase))}: a record or superlative claim needs a source in the same sentence.`;
    case 'quotation':
      return `Uncited quotation ${clip(c.phrase, 70)}: cite whose words these are.`;
    case 'attribution':
      return `Unsupported attribution ${q(clip(c.phrase))}: name the source and cite it.`;
    case 'dated event':
      return `Uncited dated event ${q(clip(c.phrase))}: cite the source for this event and its figure.`;
  }
}

export default defineRule<Options>({
  meta: {
    id: 'citation/uncited-claim',
    description: 'A statistic, superlative, quotation, attribution or dated event with no citation in its sentence.',
    defaultSeverity: 'information',
    fixable: false,
    defaultOptions: { paragraphCitationCovers: false, kinds: [...ALL_KINDS] },
    options: {
      paragraphCitationCovers: { type: 'boolean', description: 'A citation in the last sentence of a paragraph covers every claim of the paragraph.' },
      kinds: { type: 'string[]', description: 'Kinds of claim to report: statistic, superlative, quotation, attribution, dated event.' },
    },
    docs: docsPath('citation/uncited-claim'),
  },
  *check({ ledgers, options }) {
    const citations = ledgers.citations;
    for (const c of citations.claims()) {
      if (c.coveredBySentence || (options.paragraphCitationCovers && c.coveredByParagraph)) continue;
      if (!options.kinds.includes(c.kind)) continue;
      yield { range: c.range, message: claimMessage(c), fixes: [citations.placeholderFix(c)] };
    }
  },
});
