'use strict';

const isNumber = require('is-number');

const inputs = ['42', 'forty-two', 3.5, '', NaN];
const numeric = inputs.filter((x) => isNumber(x));
console.log(`node-app: ${numeric.length} of ${inputs.length} inputs are numbers (${numeric.join(', ')})`);
