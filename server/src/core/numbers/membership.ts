/**
 * How the membership of some knowledge-base entries changed over time, so that a paper written before the latest
 * change is not contradicted: "the ten ASEAN member states" was true from 1999 to 2025, "the 11-member CPTPP"
 * until the UK's accession. Keyed by knowledge-base id. Only entries listed here get membership checks: for the
 * others the knowledge base's current list alone cannot tell an old but correct figure from a wrong one.
 *
 * Current members are the knowledge base's `members`; every member not listed in `joined` was a founding member.
 * Dates are ISO (day precision where the source gives it).
 */

export interface MembershipHistory {
  /** Members that joined after the founding, with the date they joined. */
  joined: Record<string, string>;
  /** Former members (not in the knowledge base's current list): when they joined (absent: founding) and left. */
  former: { name: string; joined?: string; left: string }[];
  /** Countries that negotiated but never joined: counted when the sentence speaks of negotiations ("the 16 RCEP negotiating countries"). */
  negotiating?: string[];
  /** Where the history was checked. */
  source: string;
  /** When it was checked. */
  asOf: string;
}

export const MEMBERSHIP_HISTORY: Record<string, MembershipHistory> = {
  asean: {
    joined: { Brunei: '1984-01-07', Vietnam: '1995-07-28', Laos: '1997-07-23', Myanmar: '1997-07-23', Cambodia: '1999-04-30', 'Timor-Leste': '2025-10-26' },
    former: [],
    source: 'https://asean.org/about-asean/the-founding-of-asean/',
    asOf: '2025-10-31',
  },
  // negotiated by sixteen from 2012; India left the talks in November 2019, before the signature by fifteen
  rcep: { joined: {}, former: [], negotiating: ['India'], source: 'https://www.dfat.gov.au/trade/agreements/in-force/rcep', asOf: '2025-10-31' },
  cptpp: {
    joined: { 'United Kingdom': '2024-12-15' },
    former: [],
    source: 'https://www.mfat.govt.nz/en/trade/free-trade-agreements/free-trade-agreements-in-force/cptpp',
    asOf: '2025-10-31',
  },
  // signed by twelve in 2016; the United States withdrew its signature in January 2017 (the other eleven went on as the CPTPP)
  tpp: { joined: {}, former: [{ name: 'United States', left: '2017-01-23' }], source: 'https://ustr.gov/trade-agreements/free-trade-agreements/trans-pacific-partnership', asOf: '2025-10-31' },
  ipef: { joined: { Fiji: '2022-05-26' }, former: [], source: 'https://www.commerce.gov/ipef', asOf: '2025-10-31' },
  quad: { joined: {}, former: [], source: 'https://www.dfat.gov.au/international-relations/regional-architecture/quad', asOf: '2025-10-31' },
  aukus: { joined: {}, former: [], source: 'https://www.defence.gov.au/about/strategic-planning/aukus', asOf: '2025-10-31' },
  'five-eyes': {
    joined: { Canada: '1949', Australia: '1956', 'New Zealand': '1956' },
    former: [],
    source: 'https://www.nsa.gov/Helpful-Links/NSA-FOIA/Declassification-Transparency-Initiatives/Historical-Releases/UKUSA/',
    asOf: '2025-10-31',
  },
  g7: { joined: { Canada: '1976-06-27' }, former: [], source: 'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/g7/index.aspx?lang=eng', asOf: '2025-10-31' },
  nato: {
    joined: {
      Greece: '1952-02-18', Türkiye: '1952-02-18', Germany: '1955-05-06', Spain: '1982-05-30', Czechia: '1999-03-12', Hungary: '1999-03-12',
      Poland: '1999-03-12', Bulgaria: '2004-03-29', Estonia: '2004-03-29', Latvia: '2004-03-29', Lithuania: '2004-03-29', Romania: '2004-03-29',
      Slovakia: '2004-03-29', Slovenia: '2004-03-29', Albania: '2009-04-01', Croatia: '2009-04-01', Montenegro: '2017-06-05',
      'North Macedonia': '2020-03-27', Finland: '2023-04-04', Sweden: '2024-03-07',
    },
    former: [],
    source: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
    asOf: '2025-10-31',
  },
  eu: {
    joined: {
      Austria: '1995-01-01', Finland: '1995-01-01', Sweden: '1995-01-01', Cyprus: '2004-05-01', Czechia: '2004-05-01', Estonia: '2004-05-01',
      Hungary: '2004-05-01', Latvia: '2004-05-01', Lithuania: '2004-05-01', Malta: '2004-05-01', Poland: '2004-05-01', Slovakia: '2004-05-01',
      Slovenia: '2004-05-01', Bulgaria: '2007-01-01', Romania: '2007-01-01', Croatia: '2013-07-01',
    },
    former: [{ name: 'United Kingdom', left: '2020-01-31' }],
    source: 'https://european-union.europa.eu/principles-countries-history/eu-countries_en',
    asOf: '2025-10-31',
  },
  oecd: {
    joined: {
      Japan: '1964-04-28', Finland: '1969-01-28', Australia: '1971-06-07', 'New Zealand': '1973-05-29', Mexico: '1994-05-18', Czechia: '1995-12-21',
      Hungary: '1996-05-07', Poland: '1996-11-22', 'South Korea': '1996-12-12', Slovakia: '2000-12-14', Chile: '2010-05-07', Slovenia: '2010-07-21',
      Israel: '2010-09-07', Estonia: '2010-12-09', Latvia: '2016-07-01', Lithuania: '2018-07-05', Colombia: '2020-04-28', 'Costa Rica': '2021-05-25',
    },
    former: [],
    source: 'https://www.oecd.org/en/about/members-partners.html',
    asOf: '2025-10-31',
  },
  usmca: { joined: {}, former: [], source: 'https://ustr.gov/trade-agreements/free-trade-agreements/united-states-mexico-canada-agreement', asOf: '2025-10-31' },
  nafta: { joined: {}, former: [], source: 'https://ustr.gov/trade-agreements/free-trade-agreements/north-american-free-trade-agreement-nafta', asOf: '2025-10-31' },
  gcc: { joined: {}, former: [], source: 'https://www.gcc-sg.org/en', asOf: '2025-10-31' },
  saarc: { joined: { Afghanistan: '2007-04-03' }, former: [], source: 'https://www.saarc-sec.org/', asOf: '2025-10-31' },
  depa: {
    joined: { 'South Korea': '2024-05-03' },
    former: [],
    source: 'https://www.mfat.govt.nz/en/trade/free-trade-agreements/free-trade-agreements-in-force/digital-economy-partnership-agreement-depa',
    asOf: '2025-10-31',
  },
  sco: {
    joined: { India: '2017-06-09', Pakistan: '2017-06-09', Iran: '2023-07-04', Belarus: '2024-07-04' },
    former: [],
    source: 'https://eng.sectsco.org/',
    asOf: '2025-10-31',
  },
  apec: {
    joined: {
      China: '1991-11', 'Hong Kong, China': '1991-11', 'Chinese Taipei': '1991-11', Mexico: '1993-11', 'Papua New Guinea': '1993-11', Chile: '1994-11',
      Peru: '1998-11', Russia: '1998-11', Vietnam: '1998-11',
    },
    former: [],
    source: 'https://www.apec.org/about-us/about-apec/member-economies',
    asOf: '2025-10-31',
  },
  scri: { joined: {}, former: [], source: 'https://www.meti.go.jp/english/', asOf: '2025-10-31' },
};

/** Every membership the entry has had, oldest first (founding, then after each change). */
export function membershipsOverTime(members: readonly string[], h: MembershipHistory): Set<string>[] {
  const founding = new Set(members.filter((m) => !(m in h.joined)));
  for (const f of h.former) if (!f.joined) founding.add(f.name);
  const events: { date: string; name: string; add: boolean }[] = [];
  for (const [name, date] of Object.entries(h.joined)) events.push({ date, name, add: true });
  for (const f of h.former) {
    if (f.joined) events.push({ date: f.joined, name: f.name, add: true });
    events.push({ date: f.left, name: f.name, add: false });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  const out = [new Set(founding)];
  const cur = new Set(founding);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.add) cur.add(e.name);
    else cur.delete(e.name);
    if (i === events.length - 1 || events[i + 1].date !== e.date) out.push(new Set(cur));
  }
  return out;
}
