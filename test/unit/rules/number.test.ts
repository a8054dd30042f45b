import { describe, it } from 'vitest';
import { runCase, type Case } from './harness';

/**
 * Table tests of the number rules: own invented sentences, exact ranges [line, startChar, endChar], messages,
 * related locations, fix titles and the fixed text (re-checked by the harness).
 */
const table: Record<string, Case[]> = {
  'number/inconsistent-figure': [
    {
      name: 'a share restated with a slipped decimal point, in another section (each mention reported, the other related)',
      md: "## Trade\n\nIn 2021, Chile's exports to Korea reached $9.8 billion, accounting for 10.3% of Chile's total exports.\n\n## Conclusion\n\nIn 2021, Korea accounted for 1.03% of Chile's total exports.",
      expect: [
        {
          at: [2, 71, 76],
          message: "“10.3%” (South Korea’s share of Chile's total exports in 2021) differs from “1.03%” on line 7 by a factor of 10 — a slipped decimal point?",
          fixes: ['Replace “10.3” with “1.03”'],
          related: [[6, 29, 34]],
          output: "## Trade\n\nIn 2021, Chile's exports to Korea reached $9.8 billion, accounting for 1.03% of Chile's total exports.\n\n## Conclusion\n\nIn 2021, Korea accounted for 1.03% of Chile's total exports.",
        },
        {
          at: [6, 29, 34],
          message: "“1.03%” (South Korea’s share of Chile's total exports in 2021) differs from “10.3%” on line 3 by a factor of 10 — a slipped decimal point?",
          fixes: ['Replace “1.03” with “10.3”'],
          related: [[2, 71, 76]],
          output: "## Trade\n\nIn 2021, Chile's exports to Korea reached $9.8 billion, accounting for 10.3% of Chile's total exports.\n\n## Conclusion\n\nIn 2021, Korea accounted for 10.3% of Chile's total exports.",
        },
      ],
    },
    {
      name: 'one trade volume given two ways ("X’s trade with Y" = "trade between Y and X"), with values that disagree',
      md: "Brazil's trade with India was $15.2 billion in 2022.\n\nIn 2022, trade between India and Brazil was $17.9 billion.",
      expect: [
        { at: [0, 30, 43], message: "“$15.2 billion” (Brazil's trade with India in 2022) disagrees with “$17.9 billion” on line 3.", fixes: [], related: [[2, 44, 57]] },
        { at: [2, 44, 57], message: '“$17.9 billion” (trade between India and Brazil in 2022) disagrees with “$15.2 billion” on line 1.', fixes: [], related: [[0, 30, 43]] },
      ],
    },
    {
      name: 'the year comes from an earlier sentence of the paragraph',
      md: "Trade grew fast in 2019. Peru's exports to Japan were $2.4 billion.\n\nIn 2019, Peru's exports to Japan were $3.1 billion.",
      expect: [
        { at: [0, 54, 66], message: "“$2.4 billion” (Peru's exports to Japan in 2019) disagrees with “$3.1 billion” on line 3.", fixes: [], related: [[2, 38, 50]] },
        { at: [2, 38, 50], message: "“$3.1 billion” (Peru's exports to Japan in 2019) disagrees with “$2.4 billion” on line 1.", fixes: [], related: [[0, 54, 66]] },
      ],
    },
    {
      name: 'valid: a figure and its rounding, an approximation, a bound, a range that contains it',
      md: "Brazil's trade with India was $15.2 billion in 2022.\n\nIn 2022, trade between India and Brazil was about $15 billion.\n\nIn 2022, trade between India and Brazil was $15 billion.\n\nIn 2022, Brazil's trade with India exceeded $14 billion.\n\nIn 2022, Brazil's trade with India was $15–16 billion.",
      expect: [],
    },
    {
      name: 'valid: different years, parts, wholes and places',
      md: "In 2021, Korea accounted for 10.3% of Chile's total exports.\n\nIn 2022, Korea accounted for 12.9% of Chile's total exports.\n\nIn 2021, Japan accounted for 8.8% of Chile's total exports.\n\nIn 2021, Korea accounted for 4.1% of Chile's total imports.\n\nIn 2021, Korea accounted for 9.7% of Peru's total exports.",
      expect: [],
    },
    {
      name: 'valid: hypothetical and revised figures, contrasts within one paragraph, tables',
      md: "In 2021, Korea accounted for 10.3% of Chile's total exports.\n\nIf the agreement is ratified, Korea would account for 14% of Chile's total exports in 2021.\n\nRevised data show that in 2021 Korea accounted for 11.5% of Chile's total exports.\n\nBrazil's trade with India was $15.2 billion in 2022. Brazil's trade with India was $11.2 billion in 2022 under the old method.\n\n| Year | Trade |\n|---|---|\n| 2022 | $19 billion |",
      expect: [],
    },
    {
      name: 'valid: flows in opposite directions are different measures',
      md: "China's exports to ASEAN were $567 billion in 2022.\n\nIn 2022, ASEAN's exports to China were $432 billion.",
      expect: [],
    },
    {
      name: 'valid: section numbers, dates, pages and citations are not figures',
      md: "Section 3 shows that Korea accounted for 10.3% of Chile's total exports in 2021 (Lee, 2020, p. 14).[^1]\n\nOn 14 March 2021, Korea accounted for 10.3% of Chile's total exports.\n\n[^1]: Lee (2020), pp. 12–19.",
      expect: [],
    },
  ],
  'number/shares-exceed-total': [
    {
      name: 'two parts of one whole in one sentence (the second share borrows the whole of the first)',
      md: "In 2020, Germany accounted for 58% of Austria's car imports, while 47% came from Italy and France combined.",
      expect: [{
        at: [0, 67, 70],
        message: "Shares of Austria's car imports in 2020 add up to 105%: 58% (Germany) and 47% (France and Italy). Shares of one whole for distinct parts cannot exceed 100%.",
        related: [[0, 31, 34]],
      }],
    },
    {
      name: 'two parts of one whole in different sections, same year',
      md: "## Imports\n\nIn 2020, Germany accounted for 58% of Austria's car imports.\n\n## Partners\n\nItaly and France together made up 45% of Austria's car imports in 2020.",
      expect: [{
        at: [6, 34, 37],
        message: "Shares of Austria's car imports in 2020 add up to 103%: 58% (Germany) and 45% (France and Italy). Shares of one whole for distinct parts cannot exceed 100%.",
        related: [[2, 31, 34]],
      }],
    },
    {
      name: 'a share stated as "X’s share of W was …" counts too',
      md: "In 2020, Germany’s share of Austria's car imports was 58%, and Italy accounted for 45% of Austria's car imports.",
      expect: [{
        at: [0, 83, 86],
        message: "Shares of Austria's car imports in 2020 add up to 103%: 58% (Germany) and 45% (Italy). Shares of one whole for distinct parts cannot exceed 100%.",
        related: [[0, 54, 57]],
      }],
    },
    {
      name: 'further parts listed after the first ("…, Italy for 33% and France for 12%")',
      md: "In 2020, Germany accounted for 58% of Austria's car imports, Italy for 33% and France for 12%.",
      expect: [{
        at: [0, 90, 93],
        message: "Shares of Austria's car imports in 2020 add up to 103%: 58% (Germany), 33% (Italy) and 12% (France). Shares of one whole for distinct parts cannot exceed 100%.",
        related: [[0, 31, 34], [0, 71, 74]],
      }],
    },
    {
      name: 'shares given as "…, or N% of W" after a level',
      md: "In 2021, trade between Laos and Thailand amounted to $5 billion, or 62% of Laos's total trade, while China's trade with Laos stood at $3.6 billion, or 45% of Laos's total trade.",
      expect: [{
        at: [0, 151, 154],
        message: "Shares of Laos's total trade in 2021 add up to 107%: 62% (Thailand) and 45% (China). Shares of one whole for distinct parts cannot exceed 100%.",
        related: [[0, 68, 71]],
      }],
    },
    {
      name: 'valid: overlapping parts (a country and its bloc), different years, upper bounds, different wholes',
      md: "In 2020, Germany accounted for 58% of Austria's car imports, while the EU accounted for 91%.\n\nIn 2021, Italy accounted for 49% of Austria's car imports.\n\nIn 2020, France accounted for less than 60% of Austria's steel imports, while Italy accounted for 45%.\n\nIn 2020, Germany accounted for 58% of Austria's car imports and 61% of Austria's car exports.",
      expect: [],
    },
    {
      name: 'valid: rounding (50.2% + 49.9%), undated shares in different paragraphs, survey answers',
      md: "In 2020, Germany accounted for 50.2% of Austria's car imports. In 2020, Italy accounted for 49.9% of Austria's car imports.\n\nGermany accounts for 58% of Austria's car imports.\n\nItaly accounts for 47% of Austria's car imports.\n\nIn a 2020 survey, 58% of respondents in Austria said yes and 47% of respondents in Austria said no.",
      expect: [],
    },
  ],
  'number/list-count-mismatch': [
    {
      name: '"the following three goals:" before a Markdown list of four',
      md: 'The plan sets out the following three goals:\n\n- Open markets.\n- Fair rules.\n- Clean energy.\n- Shared data.',
      expect: [{
        at: [0, 32, 43],
        message: '“three goals” announces 3, but the list that follows has 4 items.',
        fixes: ['Change “three” to “four”'],
        related: [[2, 0, 15]],
        output: 'The plan sets out the following four goals:\n\n- Open markets.\n- Fair rules.\n- Clean energy.\n- Shared data.',
      }],
    },
    {
      name: 'an inline list after a colon',
      md: 'The charter rests on five principles: openness, transparency, inclusiveness and accountability.',
      expect: [{
        at: [0, 21, 36],
        message: '“five principles” announces 5, but 4 items are listed.',
        fixes: ['Change “five” to “four”'],
        output: 'The charter rests on four principles: openness, transparency, inclusiveness and accountability.',
      }],
    },
    {
      name: 'an inline list between dashes',
      md: 'The treaty created three bodies — a council, a court, an assembly and a secretariat — that meet yearly.',
      expect: [{
        at: [0, 19, 31],
        message: '“three bodies” announces 3, but 4 items are listed.',
        fixes: ['Change “three” to “four”'],
        output: 'The treaty created four bodies — a council, a court, an assembly and a secretariat — that meet yearly.',
      }],
    },
    {
      name: 'an "including" list longer than its count',
      md: 'The strategy names two priorities, including tariffs, standards and data flows.',
      expect: [{
        at: [0, 19, 33],
        message: '“two priorities” announces 2, but 3 items are listed after it.',
        fixes: ['Change “two” to “three”'],
        output: 'The strategy names three priorities, including tariffs, standards and data flows.',
      }],
    },
    {
      name: 'valid: matching counts, "top three", partial lists, gerund phrases with commas inside, a list split by headings',
      md: [
        'The strategy names four priorities: tariffs, standards, data flows and customs.',
        '',
        'The top three reasons were cost, risk and demand. Four of the top five reasons concern costs, including wages, rents, energy and taxes.',
        '',
        'The ministry lists nine sectors (steel, autos, chips). It lists nine sectors, such as steel, autos and chips.',
        '',
        'It adopted ten measures: promoting exports to Africa, building ports, deepening ties between the U.S., Japan, and Korea, reforming customs, funding research, training staff, cutting fees, opening markets, easing visas, and supporting open, secure, and trusted networks.',
        '',
        'The code has ten categories:',
        '',
        '- 0: Nuclear', '- 1: Materials', '- 2: Processing', '- 3: Electronics', '- 4: Computers', '- 5: Telecoms', '- 6: Sensors', '- 7: Navigation', '- 8: Marine', '- 9: Aerospace',
        '',
        '**Three Scenarios**:',
        '',
        '**Scenario 1: Drift**',
        '',
        'The report has four parts:',
        '',
        '4. Trade',
        '5. Money',
      ].join('\n'),
      expect: [],
    },
  ],
  'number/kb-contradiction': [
    {
      name: 'a member count no membership ever had',
      md: 'The 16-member RCEP took effect in 2022.',
      expect: [{
        at: [0, 4, 18],
        message: 'RCEP has 15 members (as of 2025-10-31) — never 16.',
        fixes: ['Replace “16” with “15”'],
        output: 'The 15-member RCEP took effect in 2022.',
      }],
    },
    {
      name: 'a count of member states after a possessive',
      md: "The EU's 29 member states met in Brussels.",
      expect: [{
        at: [0, 9, 25],
        message: 'The EU has 27 members (as of 2025-10-31), and had 12, 15, 25 and 28 before — never 29.',
        fixes: ['Replace “29” with “27”'],
        output: "The EU's 27 member states met in Brussels.",
      }],
    },
    {
      name: 'a member list in parentheses that leaves a member out',
      md: 'Leaders of the Quad (the United States, Japan and Australia) met in May.',
      expect: [{ at: [0, 21, 59], message: 'The members of the Quad are Australia, India, Japan and the United States (as of 2025-10-31); this list leaves out India.' }],
    },
    {
      name: 'a member list in parentheses that adds a country',
      md: 'AUKUS (Australia, the UK, the US and Canada) was announced in 2021.',
      expect: [{ at: [0, 7, 43], message: 'The members of AUKUS are Australia, the United Kingdom and the United States (as of 2025-10-31); this list adds Canada.' }],
    },
    {
      name: 'a partial member list naming a non-member',
      md: 'The Quad (including India and Brazil) met.',
      expect: [{ at: [0, 10, 36], message: 'Brazil has never been a member of the Quad (members as of 2025-10-31: Australia, India, Japan and the United States).' }],
    },
    {
      name: 'a wrong count of members two frameworks share',
      md: "Eight of ASEAN's members joined IPEF in 2022.",
      expect: [{
        at: [0, 0, 24],
        message: 'ASEAN and IPEF share 7 members (Brunei, Indonesia, Malaysia, the Philippines, Singapore, Thailand and Vietnam; as of 2025-10-26), not 8.',
        fixes: ['Replace “Eight” with “Seven”'],
        output: "Seven of ASEAN's members joined IPEF in 2022.",
      }],
    },
    {
      name: 'valid: sixteen parties in RCEP negotiations; a subset named after the count',
      md: 'Talks among the 16 RCEP countries dragged on until 2019. The three RCEP members China, Japan and Korea met.',
      expect: [],
    },
    {
      name: 'valid: counts true at an earlier date, subsets, correct lists and overlaps, bodies without a recorded history',
      md: "The 10-member ASEAN and the 11 CPTPP parties met. Nine ASEAN members joined. The Quad (Australia, India, Japan and the US) met. The 164-member WTO met. The 13 IPEF partners met in 2022. ASEAN's five founding members met. The EU has 28 members. NATO, with 30 members, met. Seven of ASEAN's members joined IPEF. The 11 TPP countries went ahead. The 27 members of the OECD met.",
      expect: [],
    },
  ],
};

for (const [ruleId, cases] of Object.entries(table)) {
  describe(ruleId, () => {
    for (const c of cases) it(c.name, () => runCase(ruleId, c));
  });
}
