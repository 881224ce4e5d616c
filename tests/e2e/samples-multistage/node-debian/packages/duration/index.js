// Formats milliseconds as the largest whole unit: 7200000 -> "2h".
const UNITS = [["d", 86400000], ["h", 3600000], ["m", 60000], ["s", 1000]];
module.exports = function duration(ms) {
  for (const [name, size] of UNITS) {
    if (ms % size === 0 && ms >= size) return `${ms / size}${name}`;
  }
  return `${ms}ms`;
};
