// Jest resolver: `@tarojs/components` is Taro's H5 React build (@tarojs/components-react), as in the H5 bundle.
// Inside that package, its own components import `@tarojs/components` again (a cycle webpack's live ES bindings
// tolerate but CommonJS does not); those imports get the two components they use, straight from their files.
const path = require('node:path');

const componentsReact = path.dirname(require.resolve('@tarojs/components-react/package.json'));

module.exports = (request, options) => {
  if (request === '@tarojs/components') {
    const fromInside = options.basedir.startsWith(componentsReact + path.sep);
    return fromInside
      ? path.join(__dirname, 'taro-components-internal.cjs')
      : path.join(componentsReact, 'dist/index.js');
  }
  return options.defaultResolver(request, options);
};
