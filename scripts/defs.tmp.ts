import { readFileSync } from 'node:fs';
import { analyze } from '../server/src/core/analyze';
const text = readFileSync(process.argv[2], 'utf8');
const r = analyze(text);
for (const d of r.ledgers.acronyms.definitions) console.log(r.paper.lines.positionAt(d.span.start).line + 1, d.form, d.acronym, '=', JSON.stringify(d.longForm), d.fits ? 'fits' : 'NOFIT', d.kbStatus, d.otherEntry?.acronym ?? '');
