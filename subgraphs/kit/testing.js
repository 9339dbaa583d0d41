// `@kh02/subgraph-kit/testing`: test kits are imported by path, never from the production barrel.
module.exports = require('./dist/testing');
