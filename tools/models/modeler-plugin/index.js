// Camunda Modeler loads this file from its plugins folder; the client script is built by `npm run build`.
module.exports = {
  name: 'NRS platform rules',
  script: './dist/client.js'
};
