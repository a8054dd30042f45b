import type { ClaimKind } from './types';

/**
 * Claim detection on one sentence of prose whose citations are already blanked out. Every pattern is a plain
 * linear regex over a bounded sentence; the sentence filters come first so most sentences cost one or two tests.
 */

export interface RawClaim {
  kind: ClaimKind;
  /** Offsets within the sentence string. */
  start: number;
  end: number;
}

/** Recommendations and normative statements: never reported. */
const NORMATIVE = /\b(?:should|must|ought to|needs? to|had better|it is (?:essential|crucial|important|critical|vital|imperative|necessary|time|urgent|advisable)|(?:we|I) (?:recommend|propose|urge|suggest|call on|advocate)|(?:is|are) (?:recommended|advised|encouraged|urged)|let us)\b/i;
/** A recommendation in the imperative: "Create a small standing secretariat…", "Implement a combination strategy…". */
const IMPERATIVE = /^(?:\d+[.)]\s*)?(?:Implement|Establish|Create|Strengthen|Promote|Expand|Build|Adopt|Align|Recast|Ensure|Develop|Enhance|Encourage|Prioriti[sz]e|Deepen|Accelerate|Improve|Launch|Pursue|Leverage|Coordinate|Provide|Invest|Seek|Consider|Avoid|Make|Maintain|Designate|Allocate|Negotiate|Engage|Institutionali[sz]e|Facilitate|Harmoni[sz]e|Foster|Boost|Streamline|Introduce|Require|Offer|Convene|Set up|Form|Agree|Publish|Explore|Clarify|Commit|Continue|Restore|Resume|Reinforce|Embrace|Grant|Extend|Host|Join|Share|Link|Open|Direct|Task|Empower|Fund|Use)\s+(?:a|an|the|its|their|our|this|these|all|more|new|joint|regional|national|[a-z]+ing|[\p{Lu}][\p{L}-]*)\b/u;
/** A hypothetical or a scenario: "If the tariffs expire, the rate will fall to 9.7%." */
const HYPOTHETICAL = /^\(?\s*(?:If|Assuming|Suppose|Supposing|Were|Should|Under (?:this|the|that|a|an|each|either) (?:scenario|assumption|alternative|option|baseline))\b/;
/** The authors' own framing and results ("This study analyses…", "We find…", "our survey"). */
const FRAMING = /^(?:(?:In|Throughout|For) this (?:paper|study|report|brief|chapter|article|section|analysis|note)\b|This (?:paper|study|report|brief|chapter|article|section|analysis|essay|note|volume|commentary|piece|survey|working paper|policy brief)\b|The (?:present|current) (?:paper|study|report|analysis)\b|Here,? (?:I|we)\b)|\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Mm]y|us)\b|(?:^|[,;:]\s*|\b(?:and|but|so|then|that|which|as|if|when|here,?)\s+)I\s+[a-z]/;
/** Hedged opinion. */
const OPINION = /\b(?:arguably|in (?:our|my) view|it seems|seemingly|perhaps|presumably|conceivably|one could argue|it could be argued|it can be argued|it is likely that|it is possible that|may well)\b/i;

/* ---------------------------------------------------------------- attributions */

const ATTRIB_NOUNS = String.raw`studies|research|researchers|surveys|polls|analyses|experts|analysts|economists|observers|scholars|commentators|critics|officials|sources|insiders|diplomats|pundits|academics|specialists|estimates|reports|some|many|others`;
const ATTRIB_ADJ = String.raw`many|some|several|most|other|numerous|various|leading|independent|western|chinese|american|european|japanese|indian|korean|local|foreign|senior|government|industry|unnamed|anonymous|recent|previous|earlier|prior|academic|multiple|regional|international|outside|private|market`;
const ATTRIB_VERBS = String.raw`show|shows|shown|showed|suggest|suggests|suggested|find|finds|found|indicate|indicates|indicated|say|says|said|argue|argues|argued|believe|believed|claim|claims|claimed|note|noted|warn|warned|estimate|estimated|contend|contended|point out|pointed out|agree|agreed|predict|predicted|expect|expected|fear|feared|confirm|confirmed|demonstrate|demonstrated|reveal|revealed|maintain|maintained|worry|worried|insist|insisted|caution|cautioned|concur|assert|asserted|consider|considered`;
/** "Experts argue", "many studies have shown", ", but analysts warn" — at the start of a clause. */
const ATTRIBUTION_SUBJECT = new RegExp(
  String.raw`(?:^|[,;:—–]\s*|\b(?:that|and|but|while|as|because|although|though|yet|since|however,?|indeed,?|moreover,?)\s+)((?:(?:${ATTRIB_ADJ})\s+){0,2}(?:${ATTRIB_NOUNS})\s+(?:have\s+|has\s+|had\s+|would\s+|will\s+|now\s+)?(?:long\s+|also\s+|repeatedly\s+|consistently\s+|widely\s+|generally\s+|often\s+|already\s+)?(?:${ATTRIB_VERBS}))\b`,
  'iu',
);
const ATTRIBUTION_OTHER = new RegExp(
  [
    String.raw`\bit (?:is|has been|was|had been) (?:widely |often |commonly |generally |frequently |increasingly |now |also )?(?:believed|reported|said|argued|claimed|estimated|thought|accepted|acknowledged|assumed|rumou?red|alleged)\b`,
    String.raw`\baccording to (?:(?:some|many|several|most|various|unnamed|anonymous|senior|government|industry|local|independent|official|recent|media|press|news|western|chinese|diplomatic|military)\s+)*(?:officials|experts|analysts|sources|reports|estimates|observers|studies|insiders|diplomats|people familiar|those familiar|critics|surveys|polls|research|economists|scholars|commentators|accounts|insiders)\b`,
    String.raw`\b(?:reportedly|allegedly|purportedly)\b`,
    String.raw`\b(?:is|are|was|were|has been|have been) (?:widely|generally|commonly|broadly|often|universally) (?:seen|regarded|considered|viewed|believed|recognized|recognised|acknowledged|thought|reported|described|cited|credited)\b`,
  ].join('|'),
  'giu',
);
/** A proper name: an acronym ("IMF", "UNCTAD") or two or more capitalised words ("World Bank", "Lowy Institute"). */
/** Word runs are capped ({0,40}) so that no pattern backtracks quadratically over a long run of letters. */
const PROPER = String.raw`(?:(?=\p{Lu}{2})\p{L}{2,40}|\p{Lu}[\p{L}&'’.-]{0,40}(?:\s+(?:of|for|and|on|the|de)){0,2}\s+\p{Lu}[\p{L}&'’.-]{0,40})`;
const SOURCE_NOUN = String.raw`data|figures|statistics|estimates?|survey|surveys|poll|polls|calculations|projections|database|census|yearbook|report|reports|study|studies|analysis|index|tracker|monitor|dataset|research|aid map`;
/**
 * A source named in the sentence — "according to the World Bank", "according to data from UNCTAD", "IMF data
 * show", "a 2024 analysis by Bernstein Research", "surveyed by ISEAS", "USTR estimated", "the Merdeka Center’s
 * 2022 survey" — or an exhibit the figures come from ("see Figure 2.1", "as Table 3 shows"). Counts as a citation.
 */
const SOURCED_BY = String.raw`surveyed|polled|compiled|published|calculated|estimated|reported|measured|tracked|collected`;
const SOURCE_VERB = String.raw`estimated|estimates|reported|reports|found|finds|calculated|calculates|projected|projects|forecast|forecasts|recorded|records`;
const NAMED_SOURCE = new RegExp(
  [
    String.raw`\b[Aa]ccording to (?:(?:the|a|an)\s+)?(?:(?:[\d]{4}\s+)?(?:${SOURCE_NOUN})\s+(?:from|by|of|published by|compiled by)\s+(?:the\s+)?)?(?:[\p{Lu}\d][\p{L}\d.&'’-]{0,40})`,
    String.raw`(?:^|[^\p{L}])${PROPER}(?:['’]s)?\s+(?:\d{4}\s+)?(?:${SOURCE_NOUN})\b`,
    String.raw`\b(?:${SOURCE_NOUN}|figures|numbers)\s+(?:by|from|of|published by|compiled by|released by)\s+(?:the\s+)?${PROPER}`,
    String.raw`\b(?:${SOURCED_BY})\s+by\s+(?:the\s+)?(?:\p{Lu}{2,}|${PROPER})`,
    String.raw`(?:^|[^\p{L}])${PROPER}(?:\s+\(\p{Lu}{2,12}\))?\s+(?:${SOURCE_VERB})\b`,
    String.raw`\b(?:see|cf\.)\s+(?:the\s+)?(?:Figure|Fig\.|Table|Chart|Exhibit|Box|Annex|Appendix)\s+[\dA-Z]`,
    String.raw`\b(?:Figure|Fig\.|Table|Chart|Exhibit)\s+[\dA-Z][\d.]*[a-z]?\s+(?:shows|show|provides|presents|illustrates|reports|summari[sz]es|displays|depicts|plots|compares|lists|gives|indicates)\b`,
    String.raw`\((?:see\s+)?(?:Figure|Fig\.|Table|Chart|Exhibit)\s+[\dA-Z][\d.]*[a-z]?\)`,
  ].join('|'),
  'u',
);
/**
 * Words one of which every match of NAMED_SOURCE contains (each of its patterns ends in, or starts with, one of
 * them; case-sensitive as it is): a sentence without any cannot name a source, and is not searched for one.
 */
const SOURCE_HINT = new RegExp(String.raw`ccording to|${SOURCE_NOUN}|figures|numbers|${SOURCED_BY}|${SOURCE_VERB}|see|cf\.|Figure|Fig\.|Table|Chart|Exhibit`, 'u');
/** A legal provision named beside a quotation of its text: "GATT Article XI prohibits “…”". */
const PROVISION = /\b(?:Article|Art\.|Section|Sec\.|§|Paragraph|Para\.|Clause|Rule|Regulation|Chapter)\s+[\dIVXLC]+[\w.()]*/;

/* ---------------------------------------------------------------- superlatives and records */

const SUP_WORDS = String.raw`largest|biggest|highest|lowest|smallest|fastest|fastest-growing|slowest|richest|poorest|busiest|longest|deepest|heaviest|most populous|most[- ]traded|most[- ]valuable|top-selling|best-selling`;
const RANK_ORDINAL = String.raw`second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)`;
/** "the largest", "the world's largest", "one of the two largest", "China's fourth-largest" (a ranking). */
const SUPERLATIVE = new RegExp(
  String.raw`\b(?:the|its|their|his|her|\p{L}{1,40}['’]s?)\s+(?:(?:two|three|four|five|ten|\d{1,2})\s+)?(?:(${RANK_ORDINAL})[- ])?(?:${SUP_WORDS})\b`,
  'giu',
);
const RANKING = new RegExp(String.raw`\b(?:${RANK_ORDINAL})[- ](?:largest|biggest|highest|lowest|most|fastest|smallest|richest|poorest|busiest)\b|\brank(?:s|ed)?\s+(?:first|second|third|fourth|fifth|last|\d{1,3}(?:st|nd|rd|th)|No\.\s*\d+)\b`, 'giu');
const RECORD = new RegExp(
  [
    String.raw`\brecord[- ](?:highs?|lows?|levels?|years?|numbers?|amounts?|sums?|deficits?|surplus(?:es)?|figures?|breaking|setting|territory|volumes?|prices?|exports|imports|growth)\b`,
    String.raw`\b(?:hit|hits|reached|reaches|set|sets|a|an)\s+(?:new\s+|all-time\s+)?record\b(?!\s+of\b)`,
    String.raw`\ball-time\s+(?:highs?|lows?)\b`,
    String.raw`\b(?:highest|lowest|largest|biggest|most)\s+(?:ever|on record|in (?:history|decades|a (?:decade|generation|century)|\d{1,3} years))\b`,
    String.raw`\b(?:for|since)\s+the\s+first\s+time\s+(?:since\s+(?:[\p{L}\d,]+\s+){0,3}?(?:\d{4}|\d{4}s)|in\s+(?:(?:over|more than|nearly|almost|about|some)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a|several|many)\s+(?:years|decades|months)|in\s+(?:history|a (?:decade|generation|century)|(?:recorded |modern )?history))\b`,
    String.raw`\bfirst time since \d{4}\b`,
  ].join('|'),
  'giu',
);
/**
 * Words one of which every match of RANKING, SUPERLATIVE and RECORD contains (a superlative word, "most", "rank",
 * "record", "all-time" or "first time"; as case-insensitive as they are): a sentence without any is searched for none.
 */
const RANK_OR_RECORD_HINT = new RegExp(String.raw`${SUP_WORDS}|most|rank|record|all-time|first\s+time`, 'iu');
/** After a superlative: abstract nouns make it an opinion ("the biggest challenge"), "possible" an idiom. */
const SUP_NOT_CLAIM = /^\s+(?:possible|common denominator|differences?|shifts?|factors?|reasons?|drivers?|surprises?|takeaways?|impacts?|effects?|changes? (?:in|of) (?:tone|approach|strategy|thinking|policy)|challenges?|problems?|obstacles?|risks?|threats?|concerns?|questions?|issues?|hurdles?|priority|priorities|impediments?|dangers?|lessons?|tests?|uncertaint(?:y|ies)|weakness(?:es)?|potential|importance|levels?\s+of\s+(?:government|leadership|political|the\s+(?:government|state|party|administration))|degree|extent|standards?|quality|hopes?|fears?|mistakes?|failures?|successes?|achievements?|winners?|losers?|beneficiar(?:y|ies)|stakes?)\b/i;
const HEDGE_BEFORE = /\b(?:perhaps|arguably|possibly|probably|likely|potentially|may be|might be|could be|could become|may become|would be)\s+(?:one of\s+)?$/i;

/* ---------------------------------------------------------------- statistics */

const CURRENCY_PREFIX = /(?:[$€£¥₹₩₫฿]|(?:US|A|C|NZ|HK|S|NT|R)\$|\b(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|AUD|CAD|SGD|IDR|VND|THB|MYR|PHP|TWD|HKD|CHF|Rs\.?|Rp\.?))\s?$/;
const PERCENT = /^\s?(?:%|per\s?cent\b|percent\b|percentage points?\b|pp\b|bps\b|basis points\b)/i;
const SCALE = /^(?:\+?\s?(?:million|billion|trillion|bn|mn|tn|lakh|crore)\b|(?:m|b|k|bn|mn|tn)\b)/i;
const SCALE_SPACE = /^\s(?:thousand)\b/i;
const CURRENCY_SUFFIX = /^\s?(?:USD|EUR|yuan|renminbi|RMB|yen|won|dollars|euros|pounds|rupees|ringgit|baht|dong|pesos|rupiah|francs)\b/i;
const UNIT = /^\s?(?:GW|MW|GWh|TWh|kWh|MWh|Mt|Mtpa|MMT|kt|tonnes|tons|metric tons|barrels|bpd|b\/d|TEUs?|hectares|km²|sq km|square (?:kilometres|kilometers|miles)|bcm|mtoe|kilotonnes|megatonnes|mb\/d)\b/;
const RATIO_AFTER = /^(?:-fold\b|\s?times\s+(?:more|less|larger|higher|greater|smaller|bigger|lower|as|faster|over|the)\b|-to-\d+\b|\s+out\s+of\s+\d+\b|\s+in\s+(?:every\s+)?\d+\b)/i;
const DURATION = /^\s(?:years?|months?|days?|weeks?|decades?|hours?|minutes?|centuries|century|quarters?|generations?)\b/i;
const APPROX_BEFORE = /\b(?:about|around|roughly|approximately|nearly|almost|over|more than|less than|fewer than|some|at least|up to|close to|upwards of|an estimated|estimated|in excess of|as many as|as much as|well over|just over|just under|under)\s+$/i;
const MEASURED_NOUNS = /^\s(?:people|persons|workers|employees|jobs|firms|companies|enterprises|businesses|deaths|casualties|refugees|migrants|students|tourists|visitors|vehicles|cars|ships|vessels|containers|flights|loans|factories|plants|patents|households|farmers|troops|soldiers|residents|cases|incidents|attacks|affiliates|subsidiaries|branches|stores|mines|tariff lines|products|items|units|transactions|shipments|sources)\b/i;
const LABEL_BEFORE = /\b(?:sections?|tables?|figures?|fig\.|charts?|chapters?|ch\.|articles?|art\.|annex(?:es)?|box(?:es)?|pillars?|phases?|parts?|titles?|rules?|resolutions?|no\.|nos\.|numbers?|items?|steps?|levels?|tiers?|stages?|appendix|appendices|notes?|pages?|p\.|pp\.|scenarios?|rounds?|groups?|categor(?:y|ies)|versions?|waves?|class(?:es)?|grades?|paragraphs?|para\.|clauses?|schedules?|cases?|regulations?|decisions?|orders?|directives?|hs|questions?|options?|lessons?|models?|exhibits?|maps?|protocols?|points?|layers?|footnotes?|endnotes?|lines?|rows?|columns?|priorit(?:y|ies)|recommendations?|findings?|vol\.|volumes?|issues?|series|editions?|ed\.|§|tranches?|batch(?:es)?|type|types|block|blocks|route|routes|highway|gate|terminal|berth|platform|program(?:me)?s?|plans?|docket|case study|generation|gen|cohort|model year|ECCN|ML|EAR|WT\/DS|DS)\s*$/i;
const MONTH = String.raw`January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sep\.?|Sept\.?|Oct\.?|Nov\.?|Dec\.?`;
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH})\s*$`);
const MONTH_AFTER = new RegExp(String.raw`^\s(?:${MONTH})\b`);
const YEAR = /^(?:1[5-9]\d\d|20\d\d)$/;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const FRACTION = /\b(?<!(?:first|second|latter|former|other|the)\s)(?:(?:one|two|three|four|five)[- ](?:thirds?|quarters?|fifths?|tenths?)|half|a third|a quarter|a fifth|a tenth)(?=\s+of\s+(?:all|the|its|their|global|world|total|\p{Lu}\p{L}{0,40}['’]s)\b)|\b(?:(?:fell|rose|dropped|declined|grew|increased|decreased|cut|reduced|shrank|expanded|climbed|jumped)\s+(?:by\s+)?|by\s+)(?:(?:one|two|three)[- ](?:thirds?|quarters?|fifths?)|half|a third|a quarter|a fifth|a tenth)\b/giu;
const ONE_IN = /\b(?:one|two|three)\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?!\s+(?:years?|months?|days?|weeks?))/giu;
const MULTIPLIED = /\b(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|hundred)-?fold)\b(?![\s-]+down)/giu;
const DATE_IN_SENTENCE = new RegExp(String.raw`\b(?:(?:in|on|since|by|from|during|as of|at the end of|end-)\s*(?:(?:${MONTH})\s+)?(?:\d{1,2}\s+)?(?:1[89]\d\d|20\d\d)|(?:${MONTH})\s+(?:\d{1,2},\s+)?(?:1[89]\d\d|20\d\d))\b`);
const EVENT_VERB = /\b(?:pledged|committed|announced|signed|approved|allocated|invested|launched|imposed|agreed|unveiled|provided|disbursed|lent|raised|awarded|granted|earmarked|promised|secured|sealed|concluded|introduced|levied|spent|paid|offered|issued|extended|financed|funded)\b/i;

/** Detects the claims of one sentence. `s` is the sentence with citations blanked; quotations are found by the caller. */
export function sentenceClaims(s: string): RawClaim[] {
  const out: RawClaim[] = [];
  // attributions
  const a1 = ATTRIBUTION_SUBJECT.exec(s);
  if (a1 && !precededByName(s, a1.index + a1[0].indexOf(a1[1]))) {
    const st = a1.index + a1[0].indexOf(a1[1]);
    out.push({ kind: 'attribution', start: st, end: st + a1[1].length });
  }
  ATTRIBUTION_OTHER.lastIndex = 0;
  for (let a2 = ATTRIBUTION_OTHER.exec(s); a2; a2 = ATTRIBUTION_OTHER.exec(s)) out.push({ kind: 'attribution', start: a2.index, end: a2.index + a2[0].length });
  // rankings (statistics) and superlatives, in a sentence with a word they all need
  if (RANK_OR_RECORD_HINT.test(s)) {
    RANKING.lastIndex = 0;
    for (let m = RANKING.exec(s); m; m = RANKING.exec(s)) out.push({ kind: 'statistic', start: m.index, end: m.index + m[0].length });
    SUPERLATIVE.lastIndex = 0;
    for (let m = SUPERLATIVE.exec(s); m; m = SUPERLATIVE.exec(s)) {
      const end = m.index + m[0].length;
      if (SUP_NOT_CLAIM.test(s.slice(end, end + 60))) continue;
      if (/^\s+(?:ever|on record|in (?:history|decades))\b/.test(s.slice(end, end + 20))) continue; // a record, reported below
      if (HEDGE_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (m[1]) continue; // a ranking, reported above
      // "the smallest importers fell…": a superlative naming a group (plural noun, not after a copula) is no claim
      const next = /^\s+([\p{L}-]+)/u.exec(s.slice(end, end + 40));
      const plural = next !== null && /[^sui]s$/.test(next[1]);
      if (plural && !/\b(?:is|are|was|were|be|been|being|become|becomes|became|remain|remains|remained|of|among|as|rank|ranks|ranked)\s+(?:\S+\s+)?$/i.test(s.slice(Math.max(0, m.index - 25), m.index))) continue;
      if (/^(?:its|their|his|her)\s/i.test(m[0]) && /\b(?:own|at)\s+$/i.test(s.slice(Math.max(0, m.index - 8), m.index))) continue; // "at its highest"
      out.push({ kind: 'superlative', start: m.index, end });
    }
    RECORD.lastIndex = 0;
    for (let m = RECORD.exec(s); m; m = RECORD.exec(s)) out.push({ kind: 'superlative', start: m.index, end: m.index + m[0].length });
  }
  // figures
  const figures = statistics(s);
  if (figures.length && DATE_IN_SENTENCE.test(s) && EVENT_VERB.test(s)) {
    for (const f of figures) f.kind = 'dated event';
  }
  for (const f of figures) out.push({ kind: f.kind, start: f.start, end: f.end });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop claims inside an earlier one (sorted by start, longest first: one pass)
  const kept: RawClaim[] = [];
  let reach = -1;
  for (const c of out) {
    if (c.end <= reach) continue;
    kept.push(c);
    reach = Math.max(reach, c.end);
  }
  return kept;
}

/** True when the sentence is a recommendation, the authors' own framing, hedged opinion or a hypothetical. */
export function exemptSentence(s: string): boolean {
  const t = s.trimStart();
  return NORMATIVE.test(s) || FRAMING.test(t) || OPINION.test(s) || IMPERATIVE.test(t) || HYPOTHETICAL.test(t);
}

/** A contributor's biography: "Jayant Krishna is currently the CEO of…", "She is a senior fellow at…". */
const BIO = /^(?:[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){1,3}|S?he)\s+(?:is|was|serves as|served as|has been)\s+(?:currently\s+|now\s+|also\s+)?(?:a|an|the)\s+[^.]{0,80}\b(?:fellow|director|professor|chair|researcher|president|CEO|founder|head|chief|economist|analyst|advis[eo]r|associate|scholar|lecturer|editor|partner|officer|secretary|minister|ambassador|consultant|student|candidate|manager|lead)\b/u;

export function isBiography(paragraph: string): boolean {
  return BIO.test(paragraph.trimStart());
}

/** True when the sentence names a legal provision, the source of a quotation of its text. */
export function namesProvision(s: string): boolean {
  return PROVISION.test(s);
}

/** True when the sentence names its source in words ("according to the IMF", "World Bank data show"). */
export function namesSource(s: string): boolean {
  const m = SOURCE_HINT.test(s) ? NAMED_SOURCE.exec(s) : null;
  if (!m) return false;
  // "According to Officials" at a sentence start is not a name; neither are the sentence-initial "The", "These"
  const t = m[0].trim().replace(/^[^\p{L}(]+/u, '');
  if (/^\(?(?:see|cf\.|Figure|Fig\.|Table|Chart|Exhibit)/i.test(t)) return true;
  return !/^(?:[Aa]ccording to (?:the |a |an )?)?(?:The|These|This|Those|Official|Recent|New|Latest|Such|Some|Many|Other|Most|Several|Previous|Earlier|Independent|Government|Industry|Its|Their)\s/.test(t) || /\p{Lu}{2,}/u.test(t.replace(/^\S+\s/, ''));
}

function precededByName(s: string, at: number): boolean {
  // "World Bank economists argue", "U.S. officials say": a named group
  const before = s.slice(Math.max(0, at - 30), at);
  return /[\p{Lu}][\p{L}.’'-]*\s+$/u.test(before) && !/(?:^|[.;:!?]\s*)$/.test(before.replace(/[\p{Lu}][\p{L}.’'-]*\s+$/u, ''));
}

interface Figure {
  kind: ClaimKind;
  start: number;
  end: number;
  money: boolean;
}

function statistics(s: string): Figure[] {
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
    let tok = m[0].replace(/[.,]+$/, '');
    const start = m.index;
    let end = start + tok.length;
    NUMBER.lastIndex = end;
    const prev = s[start - 1] ?? '';
    if (/[\p{L}_]/u.test(prev)) continue; // G20, COVID-19 written as COVID19, P4I
    if (prev === '-' && /[\p{L}]/u.test(s[start - 2] ?? '')) continue; // COVID-19, G-7
    if (prev === '.' && /\d/.test(s[start - 2] ?? '')) continue; // the tail of "1.2.3"
    // a range: 3–5%, 2018–2023, 0.5-0.8%
    const range = /^\s?(?:[-–—]|to)\s?[$€£¥]?(\d+(?:[.,]\d+)*)/.exec(s.slice(end, end + 24));
    let rangeEnd = end;
    if (range && !/^\s?to\s?$/.test(range[0])) rangeEnd = end + range[0].replace(/[.,]+$/, '').length;
    const after = s.slice(rangeEnd, rangeEnd + 60);
    const before = s.slice(Math.max(0, start - 40), start);
    const nextCh = s[end] ?? '';
    if (/[\p{L}]/u.test(nextCh) && !/^(?:m|b|k|bn|mn|tn)\b/i.test(s.slice(end)) && !/^%/.test(s.slice(end))) continue; // 5G, 2nd, 1990s, 10x
    if (nextCh === ':' && /\d/.test(s[end + 1] ?? '')) continue; // 10:30, 1:1
    if (prev === '/' || (s[end] === '/' && /\d/.test(s[end + 1] ?? ''))) continue; // 24/07, 2019/20
    if (LABEL_BEFORE.test(before) || /\bwithin\s+(?:about\s+|roughly\s+)?$/i.test(before)) {
      NUMBER.lastIndex = rangeEnd;
      continue;
    }
    const plain = tok.replace(/,/g, '');
    const value = Number(plain);
    const isYear = YEAR.test(tok);
    let kind: ClaimKind | undefined;
    let money = false;
    let figEnd = rangeEnd;
    let figStart = start;
    const cur = CURRENCY_PREFIX.exec(before);
    let sm: RegExpExecArray | null;
    if ((sm = PERCENT.exec(after))) {
      kind = 'statistic';
      figEnd = rangeEnd + sm[0].length;
    } else if (cur) {
      kind = 'statistic';
      money = true;
      figStart = start - cur[0].length;
      const sc = SCALE.exec(after) ?? SCALE_SPACE.exec(after);
      figEnd = rangeEnd + (sc ? sc[0].length : 0);
    } else if ((sm = SCALE.exec(after) ?? SCALE_SPACE.exec(after)) && !isYear) {
      {
        kind = 'statistic';
        figEnd = rangeEnd + sm[0].length;
        const cs = CURRENCY_SUFFIX.exec(s.slice(figEnd, figEnd + 20));
        const un = UNIT.exec(s.slice(figEnd, figEnd + 30));
        if (cs) {
          money = true;
          figEnd += cs[0].length;
        } else if (un) figEnd += un[0].length;
      }
    } else if ((sm = CURRENCY_SUFFIX.exec(after)) && !isYear) {
      kind = 'statistic';
      money = true;
      figEnd = rangeEnd + sm[0].length;
    } else if ((sm = UNIT.exec(after)) && !isYear) {
      kind = 'statistic';
      figEnd = rangeEnd + sm[0].length;
    } else if ((sm = RATIO_AFTER.exec(after)) && !isYear) {
      kind = 'statistic';
      figEnd = rangeEnd + sm[0].length;
    } else if (!isYear && !DURATION.test(after) && !MONTH_BEFORE.test(before) && !MONTH_AFTER.test(after)) {
      const approx = APPROX_BEFORE.exec(before);
      const noun = /^\s([\p{L}][\p{L}-]*)/u.exec(after);
      const counted = noun && (MEASURED_NOUNS.test(after) || /s$/.test(noun[1])) && !/^(?:years|months|days|weeks|decades|hours|times|percent|per)$/i.test(noun[1]);
      const grouped = tok.includes(',') || /^\d{4}$/.test(tok);
      if (counted && ((value >= 1000 && grouped) || (approx && value >= 10 && value < 1000) || (value >= 100 && value < 1000 && MEASURED_NOUNS.test(after)))) {
        kind = 'statistic';
        figEnd = rangeEnd + noun![0].length;
        if (approx) figStart = start - approx[0].length;
      }
    }
    if (kind) {
      if (kind === 'statistic' && figStart === start) {
        const approx = APPROX_BEFORE.exec(s.slice(Math.max(0, figStart - 30), figStart));
        if (approx) figStart -= approx[0].length;
      }
      out.push({ kind, start: figStart, end: figEnd, money });
    }
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, rangeEnd);
  }
  for (const re of [FRACTION, ONE_IN, MULTIPLIED]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const approx = APPROX_BEFORE.exec(s.slice(Math.max(0, m.index - 30), m.index));
      out.push({ kind: 'statistic', start: m.index - (approx ? approx[0].length : 0), end: m.index + m[0].length, money: false });
    }
  }
  return out;
}

/* ---------------------------------------------------------------- quotations */

export interface Quote {
  /** Offsets of the quotation marks themselves (inclusive of both marks). */
  start: number;
  end: number;
  words: number;
}

const SPEECH = /\b(?:said|says|stated|told|wrote|writes|declared|declares|remarked|warned|warns|noted|argued|argues|added|explained|insisted|described|asserted|acknowledged|admitted|vowed|quoted|[Aa]ccording to|put it|in (?:his|her|their) (?:own )?words|testified|tweeted)\b/;
const TITLE_CONTEXT = /\b(?:titled|entitled|called|named|dubbed|known as|labell?ed|branded|slogan|theme|motto|headlined|under the (?:heading|banner|title)|the (?:report|book|article|paper|speech|strategy|document|law|act|policy|plan|initiative|programme|program|campaign|white paper|concept|principle|doctrine|term|phrase|notion|idea|slogan)|(?:strategy|policy|approach|principle|concept|doctrine|vision|model|paradigm) of|(?:logic|story|narrative|notion|idea|claim|view|argument|assumption|belief|perception|mantra|refrain|formula|framing|image|version|rhetoric|language|discourse) (?:of|that)|so-called|from|to)\s*,?\s*$/i;
/** A quoted name: “pivot to Asia” strategy, “small courtyard, high wall” approach. */
const NAME_AFTER = /^\s*(?:[\p{L}-]+\s+)?(?:strategy|strategies|policy|policies|initiative|doctrine|approach|concept|framework|plan|campaign|program|programme|model|theory|narrative|slogan|principle|agenda|vision|formula|paradigm|mechanism|project|label|rhetoric|era|logic|mindset|mentality|category|option|scenario|regime|camp|bloc|group|alliance|club|pact|deal)\b/iu;

/** Quoted spans of a block's (masked) prose: “…”, "…", ‘…’, «…», 「…」, 『…』. */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  const push = (s: number, e: number) => {
    const inner = text.slice(s + 1, e);
    out.push({ start: s, end: e + 1, words: inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length + cjkWords(inner) });
  };
  const pairs: [string, string][] = [['“', '”'], ['«', '»'], ['「', '」'], ['『', '』']];
  for (const [open, close] of pairs) {
    for (let i = text.indexOf(open); i >= 0; ) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      const reopen = text.indexOf(open, i + 1);
      if (reopen >= 0 && reopen < j) {
        i = reopen;
        continue;
      }
      if (j - i < 1500) push(i, j);
      i = text.indexOf(open, j + 1);
    }
  }
  // straight double quotes, paired in order
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) {
      if (i === 0 || /[\s([{—–\-/]/.test(text[i - 1])) open = i;
    } else {
      if (i - open < 1500) push(open, i);
      open = -1;
    }
  }
  // single curly quotes: an opening ‘ after a space, a closing ’ not followed by a letter (not an apostrophe)
  for (let i = text.indexOf('‘'); i >= 0; ) {
    if (i > 0 && !/[\s([{—–“"]/.test(text[i - 1])) {
      i = text.indexOf('‘', i + 1);
      continue;
    }
    let j = i + 1;
    for (; j < text.length && j - i < 1500; j++) {
      if (text[j] === '‘') break;
      if (text[j] === '’' && !/[\p{L}\p{N}]/u.test(text[j + 1] ?? '') && !/\s/.test(text[j - 1])) break;
    }
    if (j < text.length && text[j] === '’') {
      push(i, j);
      i = text.indexOf('‘', j + 1);
    } else i = text.indexOf('‘', i + 1);
  }
  // drop quotes nested in another (sorted by start, longest first: one pass)
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quote[] = [];
  let reach = -1;
  for (const q of out) {
    if (q.end <= reach) continue;
    kept.push(q);
    reach = Math.max(reach, q.end);
  }
  return kept;
}

function cjkWords(s: string): number {
  let n = 0;
  for (const ch of s) if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(ch)) n++;
  return Math.floor(n / 2);
}

/**
 * A quotation of someone's words that needs a source: long enough, or introduced by a speech verb near it (within
 * its sentence, `from`–`to`); not a title or a name. Looks only at a bounded window around the quote.
 */
export function isQuotationClaim(text: string, q: Quote, from: number, to: number): boolean {
  if (q.words < 3) return false;
  const before = text.slice(Math.max(0, q.start - 60), q.start);
  if (TITLE_CONTEXT.test(before)) return false;
  if (NAME_AFTER.test(text.slice(q.end, q.end + 40))) return false;
  if (q.end - q.start < 600 && isTitleCase(text.slice(q.start + 1, q.end - 1).trim())) return false;
  if (q.words >= 6) return true;
  return SPEECH.test(`${text.slice(Math.max(from, q.start - 100), q.start)} ${text.slice(q.end, Math.min(to, q.end + 100))}`);
}

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'to', 'at', 'by', 'with', 'from', 'as', 'vs', 'via', 'into', 'its', 'is', 'are']);

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w && !SMALL.has(w.toLowerCase()));
  if (words.length < 2) return false;
  const caps = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return caps / words.length >= 0.75;
}

/** The patterns and the hints that let a sentence skip them, for a test that every match contains its hint. */
export const CLAIM_PATTERN_HINTS: readonly { pattern: RegExp; hint: RegExp }[] = [
  { pattern: NAMED_SOURCE, hint: SOURCE_HINT },
  { pattern: RANKING, hint: RANK_OR_RECORD_HINT },
  { pattern: SUPERLATIVE, hint: RANK_OR_RECORD_HINT },
  { pattern: RECORD, hint: RANK_OR_RECORD_HINT },
];
