module.exports = () => "only needed while building";
