// Runs in a worker thread: bcryptjs is pure JavaScript and would otherwise block the event loop.
// Plain CommonJS so the same file serves the built app and the tests.
const bcrypt = require('bcryptjs');

module.exports = function compare({ secret, hash }) {
  return bcrypt.compareSync(secret, hash);
};

module.exports.hash = function hash({ secret, cost }) {
  return bcrypt.hashSync(secret, cost);
};
