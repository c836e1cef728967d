// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // WeChat 8 needs iOS 12+ and ships a modern V8 on Android, so classes and async/await run natively.
        // Compiling our code to ES5 (package.json browserslist) would add the regenerator runtime and
        // roughly double our own bytes in the main package. Older devices are covered by WeChat's own
        // ES6 → ES5 step on upload (project.config.json `es6: true`).
        targets: { ios: '12', chrome: '66' },
      },
    ],
  ],
};
