/**
 * Countries and territories as the number rules see them: a canonical name (the knowledge base's spelling of
 * members, e.g. "South Korea", "United States", "Türkiye") with the names, short forms and adjectives papers use
 * for it. Matching is case-sensitive on the first letter (proper nouns), so "turkey" or "china" the porcelain is
 * no country.
 */

/** canonical name → other names (short forms, official names, adjectives). */
const COUNTRIES: Record<string, string[]> = {
  Afghanistan: ['Afghan'],
  Albania: ['Albanian'],
  Algeria: ['Algerian'],
  Argentina: ['Argentine', 'Argentinian'],
  Armenia: ['Armenian'],
  Australia: ['Australian', 'Commonwealth of Australia'],
  Austria: ['Austrian'],
  Bahrain: ['Bahraini'],
  Bangladesh: ['Bangladeshi'],
  Belarus: ['Belarusian'],
  Belgium: ['Belgian'],
  Bhutan: ['Bhutanese'],
  Bolivia: ['Bolivian'],
  Brazil: ['Brazilian'],
  Brunei: ['Brunei Darussalam', 'Bruneian'],
  Bulgaria: ['Bulgarian'],
  Cambodia: ['Cambodian', 'Kingdom of Cambodia'],
  Canada: ['Canadian'],
  Chile: ['Chilean'],
  China: ['PRC', 'P.R.C.', "People's Republic of China", 'People’s Republic of China', 'Mainland China', 'mainland China', 'Chinese'],
  Colombia: ['Colombian'],
  'Costa Rica': ['Costa Rican'],
  Croatia: ['Croatian'],
  Cyprus: ['Cypriot'],
  Czechia: ['Czech Republic', 'Czech'],
  Denmark: ['Danish'],
  Egypt: ['Egyptian'],
  Estonia: ['Estonian'],
  Ethiopia: ['Ethiopian'],
  Fiji: ['Fijian'],
  Finland: ['Finnish'],
  France: ['French'],
  Germany: ['German'],
  Greece: ['Greek'],
  'Hong Kong': ['Hong Kong, China', 'Hong Kong SAR', 'HKSAR'],
  Hungary: ['Hungarian'],
  Iceland: ['Icelandic'],
  India: ['Indian', 'Republic of India'],
  Indonesia: ['Indonesian', 'Republic of Indonesia'],
  Iran: ['Iranian', 'Islamic Republic of Iran'],
  Iraq: ['Iraqi'],
  Ireland: ['Irish'],
  Israel: ['Israeli'],
  Italy: ['Italian'],
  Japan: ['Japanese'],
  Kazakhstan: ['Kazakh', 'Kazakhstani'],
  Kenya: ['Kenyan'],
  Kuwait: ['Kuwaiti'],
  Kyrgyzstan: ['Kyrgyz', 'Kyrgyz Republic'],
  Laos: ['Lao PDR', "Lao People's Democratic Republic", 'Lao People’s Democratic Republic', 'Laotian'],
  Latvia: ['Latvian'],
  Liechtenstein: [],
  Lithuania: ['Lithuanian'],
  Luxembourg: [],
  Macau: ['Macao'],
  Malaysia: ['Malaysian'],
  Maldives: ['Maldivian'],
  Malta: ['Maltese'],
  Mexico: ['Mexican'],
  Mongolia: ['Mongolian'],
  Montenegro: ['Montenegrin'],
  Morocco: ['Moroccan'],
  Myanmar: ['Burma', 'Burmese'],
  Nepal: ['Nepali', 'Nepalese'],
  Netherlands: ['Dutch', 'Holland'],
  'New Zealand': ['Aotearoa New Zealand'],
  Nigeria: ['Nigerian'],
  'North Korea': ['DPRK', "Democratic People's Republic of Korea", 'Democratic People’s Republic of Korea', 'North Korean'],
  'North Macedonia': ['Macedonia'],
  Norway: ['Norwegian'],
  Oman: ['Omani'],
  Pakistan: ['Pakistani'],
  'Papua New Guinea': ['PNG'],
  Paraguay: ['Paraguayan'],
  Peru: ['Peruvian'],
  Philippines: ['Philippine', 'Filipino', 'Republic of the Philippines'],
  Poland: ['Polish'],
  Portugal: ['Portuguese'],
  Qatar: ['Qatari'],
  Romania: ['Romanian'],
  Russia: ['Russian Federation', 'Russian'],
  'Saudi Arabia': ['Saudi', 'KSA'],
  Singapore: ['Singaporean', 'Republic of Singapore'],
  Slovakia: ['Slovak Republic', 'Slovak'],
  Slovenia: ['Slovenian', 'Slovene'],
  'South Africa': ['South African'],
  'South Korea': ['Korea', 'Republic of Korea', 'ROK', 'R.O.K.', 'South Korean', 'Korean'],
  Spain: ['Spanish'],
  'Sri Lanka': ['Sri Lankan'],
  Sweden: ['Swedish'],
  Switzerland: ['Swiss'],
  Taiwan: ['Chinese Taipei', 'Taiwanese', 'Republic of China'],
  Tajikistan: ['Tajik'],
  Thailand: ['Thai'],
  'Timor-Leste': ['East Timor', 'Timorese'],
  Türkiye: ['Turkey', 'Turkiye', 'Turkish'],
  Ukraine: ['Ukrainian'],
  'United Arab Emirates': ['UAE', 'U.A.E.', 'Emirati'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain', 'British', 'United Kingdom of Great Britain and Northern Ireland'],
  'United States': ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America', 'American'],
  Uruguay: ['Uruguayan'],
  Uzbekistan: ['Uzbek'],
  Venezuela: ['Venezuelan'],
  Vietnam: ['Viet Nam', 'Vietnamese', 'Socialist Republic of Vietnam'],
};

/**
 * Regions and groupings whose extent is vague: recognised so that they are not mistaken for something else, but
 * never treated as distinct from any country (so shares of them are never added up).
 */
const REGIONS = [
  'Asia', 'Europe', 'Africa', 'Latin America', 'North America', 'South America', 'Central America', 'Oceania', 'Middle East',
  'Southeast Asia', 'South-East Asia', 'East Asia', 'Northeast Asia', 'South Asia', 'Central Asia', 'West Asia', 'Asia-Pacific',
  'Indo-Pacific', 'Pacific', 'Western Europe', 'Eastern Europe', 'Latin American', 'European', 'Asian', 'African', 'Taiwan Strait',
  'Sub-Saharan Africa', 'Gulf', 'Caribbean', 'Pacific Islands', 'Global South', 'West', 'Mainland',
];

export interface PlaceName {
  /** Canonical country name, or the region's name. */
  id: string;
  kind: 'country' | 'region';
}

let table: Map<string, PlaceName> | undefined;

/** Every name (as written, case-sensitive) → the place it names. */
export function placeNames(): Map<string, PlaceName> {
  if (table) return table;
  table = new Map();
  for (const [id, aliases] of Object.entries(COUNTRIES)) {
    for (const n of [id, ...aliases]) table.set(n, { id, kind: 'country' });
  }
  for (const r of REGIONS) if (!table.has(r)) table.set(r, { id: r, kind: 'region' });
  return table;
}

/** The canonical country for a name as the knowledge base writes members ("Hong Kong, China" → "Hong Kong"). */
export function canonicalCountry(name: string): string | undefined {
  const p = placeNames().get(name) ?? placeNames().get(name.replace(/^the /i, ''));
  return p?.kind === 'country' ? p.id : undefined;
}

/** How a country is written in messages ("the United States", "the Philippines", "Japan"). */
export function displayCountry(id: string): string {
  return /^(United |Philippines$|Netherlands$|Maldives$|Czech Republic$|Republic )/.test(id) ? `the ${id}` : id;
}
