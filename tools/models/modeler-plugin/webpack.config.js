const path = require('path');

module.exports = {
  mode: 'production',
  entry: './client/index.js',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'client.js'
  },
  module: {
    rules: [
      {
        test: /\.bpmnlintrc$/,
        use: 'bpmnlint-loader'
      }
    ]
  },
  devtool: false
};
