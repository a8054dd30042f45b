/** Word lists of the number rules. */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Every number word ("zero" … "ninety-nine", "dozen", "hundred") → its value; built once. */
const WORD_VALUES = (() => {
  const m = new Map<string, number>();
  ONES.forEach((w, i) => m.set(w, i));
  for (let t = 2; t < 10; t++) {
    m.set(TENS[t], t * 10);
    for (let u = 1; u <= 9; u++) for (const dash of ['-', '‐', '‑']) m.set(`${TENS[t]}${dash}${ONES[u]}`, t * 10 + u);
  }
  m.set('dozen', 12);
  m.set('hundred', 100);
  return m;
})();

/** The longest number word, and the letters number words start with: most words are told apart without lower-casing. */
const LONGEST = Math.max(...[...WORD_VALUES.keys()].map((k) => k.length));
const FIRST_LETTERS = new Set([...WORD_VALUES.keys()].map((k) => k.charCodeAt(0)));

/** Value of a number written in words: "five", "Fourteen", "forty-two" (one token; "twenty one" is read by the caller). */
export function wordValue(w: string): number | undefined {
  // lower-casing never shortens a word; an ASCII first letter lower-cases by itself (another may become ASCII)
  if (w.length > LONGEST) return undefined;
  const c = w.charCodeAt(0);
  if (c < 128 && !FIRST_LETTERS.has(c >= 0x41 && c <= 0x5a ? c + 32 : c)) return undefined;
  return WORD_VALUES.get(w) ?? WORD_VALUES.get(w.toLowerCase());
}

/** Words for a count in the style of `like` ("five" → "six", "Five" → "Six", "5" → "6"). */
export function formatCountLike(n: number, like: string): string {
  if (/^\d/.test(like)) return String(n);
  let w: string;
  if (n < 20) w = ONES[n];
  else if (n < 100) w = TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : '');
  else return String(n);
  if (/^\p{Lu}\p{Lu}/u.test(like)) return w.toUpperCase();
  if (/^\p{Lu}/u.test(like)) return w[0].toUpperCase() + w.slice(1);
  return w;
}

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};

/** Scale words after a number, by lower-case form; single letters only right after a number with a currency. */
export const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, mn: 1e6, mln: 1e6, m: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12, t: 1e12, tr: 1e12,
};

/** Currency symbols and codes, as written, to an ISO code. "$" is taken to be the US dollar. */
export const CURRENCY_PREFIX: Record<string, string> = {
  $: 'USD', US$: 'USD', 'U.S.$': 'USD', USD: 'USD', A$: 'AUD', AU$: 'AUD', AUD: 'AUD', C$: 'CAD', CA$: 'CAD', CAD: 'CAD',
  NZ$: 'NZD', NZD: 'NZD', S$: 'SGD', SGD: 'SGD', HK$: 'HKD', HKD: 'HKD', NT$: 'TWD', TWD: 'TWD', R$: 'BRL',
  '€': 'EUR', EUR: 'EUR', '£': 'GBP', GBP: 'GBP', '¥': 'JPY', JPY: 'JPY', '₩': 'KRW', KRW: 'KRW', '₹': 'INR', INR: 'INR',
  RMB: 'CNY', CNY: 'CNY', CHF: 'CHF', MYR: 'MYR', THB: 'THB', IDR: 'IDR', VND: 'VND', PHP: 'PHP',
};

/** Currency words after a number. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP', gbp: 'GBP',
  yen: 'JPY', jpy: 'JPY', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY', cny: 'CNY', won: 'KRW', krw: 'KRW', rupee: 'INR', rupees: 'INR',
  ringgit: 'MYR', baht: 'THB', rupiah: 'IDR', dong: 'VND',
};

/** Words before a figure that make it an approximation or a bound. Longest first within each group. */
export const QUALIFIERS: [string, 'approx' | 'nearly' | 'lower' | 'upper'][] = [
  ['an estimated', 'approx'], ['approximately', 'approx'], ['approx', 'approx'], ['about', 'approx'], ['around', 'approx'],
  ['roughly', 'approx'], ['some', 'approx'], ['circa', 'approx'], ['ca', 'approx'], ['~', 'approx'], ['estimated', 'approx'],
  ['an astounding', 'approx'], ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'], ['a near', 'nearly'], ['near', 'nearly'],
  ['more than', 'lower'], ['over', 'lower'], ['above', 'lower'], ['exceeding', 'lower'], ['exceeded', 'lower'], ['in excess of', 'lower'],
  ['upwards of', 'lower'], ['at least', 'lower'], ['no less than', 'lower'], ['just over', 'lower'], ['well over', 'lower'], ['well above', 'lower'],
  ['breaking through', 'lower'], ['broke through', 'lower'], ['surpassing', 'lower'], ['surpassed', 'lower'], ['topped', 'lower'], ['topping', 'lower'],
  ['crossed', 'lower'], ['beyond', 'lower'],
  ['less than', 'upper'], ['fewer than', 'upper'], ['under', 'upper'], ['below', 'upper'], ['up to', 'upper'], ['at most', 'upper'],
  ['no more than', 'upper'], ['not more than', 'upper'], ['well below', 'upper'], ['well under', 'upper'],
];

/** Words before a number that make it a label (section, table, page…), not a quantity. Lower case. */
export const LABEL_WORDS = new Set([
  'section', 'sections', 'sec', '§', 'article', 'articles', 'art', 'chapter', 'chapters', 'ch', 'table', 'tables', 'figure', 'figures', 'fig', 'figs',
  'annex', 'annexes', 'appendix', 'box', 'pillar', 'pillars', 'phase', 'title', 'part', 'parts', 'no', 'nos', 'number', 'rule', 'paragraph', 'para',
  'item', 'items', 'step', 'stage', 'tier', 'round', 'scenario', 'level', 'option', 'category', 'categories', 'resolution', 'decision', 'regulation',
  'directive', 'schedule', 'hs', 'eccn', 'class', 'group', 'model', 'version', 'v', 'vol', 'volume', 'issue', 'p', 'pp', 'page', 'pages',
  'footnote', 'footnotes', 'note', 'notes', 'n', 'finding', 'question', 'q', 'wave', 'session', 'goal', 'sdg', 'order', 'eo', 'protocol', 'tranche',
  'line', 'lines', 'id', 'code', 'codes', 'heading', 'subheading', 'chapter', 'docket', 'case', 'ds', 'act', 'law', 'bill', 'amendment', 'clause',
  'equation', 'eq', 'exhibit', 'panel', 'column', 'row', 'week', 'day', 'mark', 'gen', 'generation', 'node', 'series', 'type', 'hr', 's', 'h.r',
  'cop', 'g', 'wwii', 'ww', 'summit', 'plenum', 'congress', 'session', 'hearing', 'lot', 'route', 'highway', 'flight', 'block', 'report',
]);

/** Month names (for telling dates from quantities). */
export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Time and measurement units: a number followed by one of these is not a count of listed things. */
export const TIME_UNITS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'decade', 'decades',
  'century', 'centuries', 'time', 'times', 'percent', 'point', 'points', 'fold', 'quarter', 'quarters', 'round', 'rounds', 'term', 'terms',
]);

/** Verbs (and verb phrases) that state a share: "X accounts for 20% of Y". Tokens, lower case. */
export const SHARE_VERBS: string[][] = [
  ['accounts', 'for'], ['accounted', 'for'], ['accounting', 'for'], ['account', 'for'],
  ['makes', 'up'], ['made', 'up'], ['making', 'up'], ['make', 'up'],
  ['represents'], ['represented'], ['representing'], ['represent'],
  ['constitutes'], ['constituted'], ['constituting'], ['constitute'],
  ['comprises'], ['comprised'], ['comprising'],
  ['was', 'the', 'source', 'of'], ['is', 'the', 'source', 'of'], ['provided'], ['provides'], ['providing'],
  ['is', 'responsible', 'for'], ['was', 'responsible', 'for'], ['are', 'responsible', 'for'], ['were', 'responsible', 'for'],
  ['holds'], ['held'], ['holding'], ['hold'], ['controls'], ['controlled'], ['controlling'], ['captures'], ['captured'], ['capturing'],
  ['has'], ['had'], ['have'], ['having'],
];

/** Share verbs that only state a share with "share" or "of" after the figure ("has a 20% share of"). */
export const WEAK_SHARE_VERBS = new Set(['has', 'had', 'have', 'having', 'holds', 'held', 'holding', 'hold', 'controls', 'controlled', 'controlling', 'captures', 'captured', 'capturing', 'provided', 'provides', 'providing']);

/** Passive share links after the whole: "20% of Y went to X". Tokens, lower case. */
export const SHARE_LINKS_AFTER: string[][] = [
  ['went', 'to'], ['goes', 'to'], ['go', 'to'], ['going', 'to'], ['came', 'from'], ['comes', 'from'], ['come', 'from'], ['coming', 'from'],
  ['is', 'held', 'by'], ['was', 'held', 'by'], ['are', 'held', 'by'], ['were', 'held', 'by'], ['is', 'owned', 'by'], ['was', 'owned', 'by'],
  ['originated', 'in'], ['originated', 'from'], ['originates', 'in'], ['originates', 'from'], ['was', 'destined', 'for'], ['were', 'destined', 'for'],
  ['is', 'accounted', 'for', 'by'], ['was', 'accounted', 'for', 'by'], ['were', 'accounted', 'for', 'by'], ['are', 'accounted', 'for', 'by'],
  ['was', 'from'], ['were', 'from'], ['is', 'from'], ['are', 'from'], ['was', 'sent', 'to'], ['were', 'sent', 'to'], ['is', 'bound', 'for'],
];

/** Verbs that put a level figure after them: "trade was $360 billion", "reached $5 trillion". Tokens, lower case. */
export const LEVEL_VERBS: string[][] = [
  ['stood', 'at'], ['stands', 'at'], ['stand', 'at'], ['standing', 'at'], ['amounted', 'to'], ['amounts', 'to'], ['amounting', 'to'],
  ['came', 'to'], ['comes', 'to'], ['rose', 'to'], ['rising', 'to'], ['rises', 'to'], ['fell', 'to'], ['falling', 'to'], ['falls', 'to'],
  ['grew', 'to'], ['growing', 'to'], ['grows', 'to'], ['climbed', 'to'], ['climbing', 'to'], ['declined', 'to'], ['declining', 'to'],
  ['dropped', 'to'], ['dropping', 'to'], ['increased', 'to'], ['increasing', 'to'], ['decreased', 'to'], ['decreasing', 'to'], ['jumped', 'to'],
  ['was', 'valued', 'at'], ['is', 'valued', 'at'], ['valued', 'at'], ['was', 'worth'], ['is', 'worth'],
  ['reached'], ['reaching'], ['reaches'], ['totaled'], ['totalled'], ['totaling'], ['totalling'], ['totals'],
  ['exceeded'], ['exceeding'], ['exceeds'], ['surpassed'], ['surpassing'], ['surpasses'], ['topped'], ['topping'], ['hit'], ['hitting'],
  ['breaking', 'through'], ['broke', 'through'], ['was'], ['is'], ['were'], ['are'], ['at'],
];

/** Change verbs before "by": "rose by 5%". */
export const CHANGE_VERBS = new Map<string, 1 | -1>([
  ['increased', 1], ['increases', 1], ['increasing', 1], ['rose', 1], ['rising', 1], ['rises', 1], ['grew', 1], ['growing', 1], ['grows', 1],
  ['climbed', 1], ['jumped', 1], ['expanded', 1], ['expanding', 1], ['surged', 1], ['soared', 1], ['gained', 1], ['up', 1],
  ['decreased', -1], ['decreases', -1], ['decreasing', -1], ['fell', -1], ['falling', -1], ['falls', -1], ['declined', -1], ['declining', -1],
  ['declines', -1], ['dropped', -1], ['dropping', -1], ['shrank', -1], ['contracted', -1], ['contracting', -1], ['plunged', -1], ['slumped', -1],
  ['down', -1], ['lost', -1],
]);

/** Change nouns: "a decrease of 3.7%", "3.7% growth". */
export const CHANGE_NOUNS = new Map<string, 1 | -1>([
  ['increase', 1], ['rise', 1], ['growth', 1], ['gain', 1], ['jump', 1], ['expansion', 1], ['surge', 1], ['uptick', 1],
  ['decrease', -1], ['decline', -1], ['drop', -1], ['fall', -1], ['contraction', -1], ['reduction', -1], ['cut', -1], ['loss', -1], ['slump', -1],
]);

/** Words that make a statement hypothetical, projected or targeted: figures in such sentences are not compared. */
export const HYPOTHETICAL = new Set([
  'if', 'would', 'could', 'might', 'unless', 'assuming', 'assume', 'assumes', 'suppose', 'scenario', 'scenarios', 'projected', 'projects',
  'projection', 'projections', 'forecast', 'forecasts', 'forecasted', 'target', 'targets', 'targeted', 'aim', 'aims', 'aiming', 'goal', 'goals',
  'plan', 'plans', 'planned', 'pledge', 'pledged', 'pledges', 'promise', 'promised', 'will', 'expected', 'expects', 'likely', 'estimate',
  'simulate', 'simulated', 'simulation', 'model', 'modeled', 'modelled', 'should', 'may', 'potential', 'potentially',
  'hypothetical', 'counterfactual', 'proposed', 'proposal', 'seeks', 'seek', 'cap', 'capped', 'threshold', 'ceiling', 'limit', 'quota', 'survey',
  'respondents', 'respondent', 'surveyed', 'poll', 'polled',
]);

/** Small words ignored in measure keys. */
export const STOP = new Set([
  'the', 'a', 'an', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'between', 'from', 'and', 'or', 'its', 'their', 'as', 'per',
  'total', 'overall', 'all', 'entire', 'whole', 'combined', 'cumulative', 'together', 'value', 'volume', 'amount', 'level', 'size', 'figure',
  'also', 'only', 'just', 'still', 'already', 'alone', 'jointly', 'collectively', 'respectively', 'now', 'currently', 'then', 'about',
]);

/** Words after which a subject is an anaphor ("it", "these figures"): unresolved. */
export const ANAPHORS = new Set([
  'it', 'its', 'they', 'their', 'this', 'that', 'these', 'those', 'such', 'same', 'former', 'latter', 'he', 'she', 'his', 'her', 'which', 'who',
  'them', 'there', 'here', 'each', 'both', 'either', 'neither', 'other', 'others', 'another', 'one', 'country', 'region', 'bloc', 'economy',
]);

/** Adverbs and auxiliaries that may sit between a subject and its verb. */
export const BETWEEN_SUBJECT_AND_VERB = new Set([
  'already', 'also', 'only', 'still', 'alone', 'together', 'jointly', 'collectively', 'now', 'currently', 'reportedly', 'roughly', 'then',
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'once', 'even', 'again', 'just', 'subsequently', 'eventually', 'thus', 'thereby', 'consistently',
]);

/**
 * Verbs that end a subject noun phrase: auxiliaries, past tenses and third-person forms that are seldom nouns
 * ("exports", "total" or "increase" are left out on purpose: they head noun phrases as often as clauses).
 */
export const SUBJECT_END_VERBS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'does', 'did',
  'accounts', 'accounted', 'represents', 'represented', 'constitutes', 'constituted', 'comprises', 'comprised', 'makes', 'made',
  'reached', 'reaches', 'stood', 'stands', 'totaled', 'totalled', 'amounted', 'exceeded', 'exceeds', 'surpassed', 'surpasses',
  'rose', 'fell', 'grew', 'increased', 'decreased', 'declined', 'dropped', 'climbed', 'jumped', 'remained', 'became', 'becomes',
  'doubled', 'tripled', 'spent', 'committed', 'invested', 'provided', 'provides', 'received', 'receives', 'held', 'holds', 'controlled',
  'produced', 'produces', 'went', 'came', 'expanded', 'contracted', 'shrank', 'saw', 'overtook', 'surged', 'plunged', 'soared', 'slipped',
  'edged', 'hovered', 'stayed', 'captured', 'captures', 'took', 'generated', 'generates', 'brought', 'brings', 'exported', 'imported',
  'absorbed', 'attracted', 'employed', 'owned', 'owns', 'equaled', 'equalled', 'equals', 'averaged', 'peaked', 'slumped', 'ranked', 'ranks',
  'topped', 'hit', 'recorded', 'posted', 'registered', 'experienced', 'saw', 'stood', 'continues', 'continued', 'remains', 'accounting',
]);

/** Words that open a sentence-initial adverbial ("In 2022,", "By contrast,", "According to X,"). */
export const LEADING = new Set([
  'in', 'on', 'at', 'by', 'for', 'from', 'during', 'over', 'since', 'after', 'before', 'as', 'according', 'compared', 'unlike', 'like', 'with',
  'among', 'across', 'between', 'under', 'despite', 'through', 'throughout', 'against', 'of', 'to', 'within', 'until', 'upon', 'when', 'while',
  'however', 'meanwhile', 'moreover', 'furthermore', 'similarly', 'overall', 'thus', 'therefore', 'also', 'still', 'yet', 'notably',
  'importantly', 'indeed', 'first', 'second', 'third', 'finally', 'today', 'currently', 'now', 'then', 'together', 'additionally', 'likewise',
  'conversely', 'instead', 'nevertheless', 'nonetheless', 'historically', 'globally', 'last', 'this', 'that', 'again', 'put', 'in-short', 'so',
]);
