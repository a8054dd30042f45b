import { describe, expect, it } from 'vitest';
import { editDistance, fitLongForm, isGoodFit, longFormKey } from '../../server/src/core/acronyms/longform';

/** Real-world acronyms and expansions (and some that do not fit), to calibrate the letter fit. */
const cases: [string, string, boolean][] = [
  ['USCC', 'U.S.-China Economic and Security Review Commission', true],
  ['DPRK', "Democratic People's Republic of Korea", true],
  ['PRC', "People's Republic of China", true],
  ['ROK', 'Republic of Korea', true],
  ['UNICEF', "United Nations Children's Fund", true],
  ['AfDB', 'African Development Bank', true],
  ['ECOWAS', 'Economic Community of West African States', true],
  ['EAC', 'Economic Community of West African States', false],
  ['CPTPP', 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership', true],
  ['IMEC', 'India-Middle East-Europe Economic Corridor', true],
  ['NTMs', 'non-tariff measures', true],
  ['FDI', 'foreign direct investment', true],
  ['SOEs', 'state-owned enterprises', true],
  ['BIS', 'Bureau of Industry and Security', true],
  ['EAR', 'Export Administration Regulations', true],
  ['ECCN', 'Export Control Classification Number', true],
  ['OFAC', 'Office of Foreign Assets Control', true],
  ['CFIUS', 'Committee on Foreign Investment in the United States', true],
  ['USTR', 'Office of the United States Trade Representative', false],
  ['USTR', 'United States Trade Representative', true],
  ['MOFCOM', 'Ministry of Commerce', true],
  ['METI', 'Ministry of Economy, Trade and Industry', true],
  ['SMEs', 'small and medium-sized enterprises', true],
  ['ASEAN', 'Association of Southeast Asian Nations', true],
  ['NATO', 'North Atlantic Treaty Organization', true],
  ['BRICS', 'Brazil, Russia, India, China and South Africa', true],
  ['GATT', 'General Agreement on Tariffs and Trade', true],
  ['AIIB', 'Asian Infrastructure Investment Bank', true],
  ['PIIGG', 'Partnership for Infrastructure Investment, and Growth', false],
  ['IPEF', 'Inter-Parliamentary Alliance on China', false],
  ['CHIPS', 'Creating Helpful Incentives to Produce Semiconductors', true],
  ['TSMC', 'Taiwan Semiconductor Manufacturing Company', true],
  ['EUV', 'extreme ultraviolet', true],
  ['JETRO', 'Japan External Trade Organization', true],
  ['KOTRA', 'Korea Trade-Investment Promotion Agency', true],
  ['NDRC', 'National Development and Reform Commission', true],
  ['SASAC', 'State-owned Assets Supervision and Administration Commission', true],
  ['RMB', 'renminbi', false], // one word, letters from inside it: too weak to call an expansion
];

describe('long-form fit', () => {
  for (const [acronym, longForm, want] of cases) {
    it(`${acronym} ${want ? 'fits' : 'does not fit'} “${longForm}”`, () => expect(isGoodFit(fitLongForm(acronym, longForm))).toBe(want));
  }
  it('scores initials and skipped words', () => {
    expect(fitLongForm('CPTPP', 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership')).toEqual({ initials: 5, letters: 5, skipped: 1 });
    expect(fitLongForm('ASEAN', 'Association of Southeast Asian Nations')).toEqual({ initials: 4, letters: 5, skipped: 0 });
    expect(fitLongForm('XYZ', 'Association of Southeast Asian Nations')).toBeNull();
  });
});

describe('helpers', () => {
  it('compares expansions across spelling, hyphens, plurals and small words', () => {
    expect(longFormKey('World Trade Organisation')).toBe(longFormKey('world trade organization'));
    expect(longFormKey('Association of South-East Asian Nations')).toBe(longFormKey('Association of Southeast Asian Nations'));
    expect(longFormKey('Non-Tariff Measures')).toBe(longFormKey('non-tariff measure'));
  });
  it('computes optimal-string-alignment distance with a cap', () => {
    expect(editDistance('IPPEF', 'IPEF')).toBe(1);
    expect(editDistance('RECP', 'RCEP')).toBe(1);
    expect(editDistance('ABCDEFGH', 'A', 2)).toBe(3);
  });
});
