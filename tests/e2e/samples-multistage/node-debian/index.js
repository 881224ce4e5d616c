// Uses a production dependency; reports on stderr whether the dev one is there.
const duration = require("duration");
let dev = "present";
try { require.resolve("devcheck"); } catch (e) { dev = "absent"; }
console.log(`node-debian: ${duration(90000)} ${duration(7200000)} node=${process.versions.node.split(".")[0]}`);
console.error(`dev dependency devcheck: ${dev}`);
