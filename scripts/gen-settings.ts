// Writes the generated `policyLint.rules` setting into package.json (see scripts/settings.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesSetting } from './settings';

const file = join(__dirname, '..', 'package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8'));
pkg.contributes ??= {};
pkg.contributes.configuration ??= { title: 'Policy Lint', properties: {} };
pkg.contributes.configuration.properties ??= {};
pkg.contributes.configuration.properties['policyLint.rules'] = rulesSetting();
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: policyLint.rules regenerated');
