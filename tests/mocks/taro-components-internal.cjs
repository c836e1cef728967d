// What @tarojs/components-react's own components import from `@tarojs/components` (see resolver.cjs).
module.exports = {
  get View() {
    return require('@tarojs/components-react/dist/components/view/index.js').default;
  },
  get ScrollView() {
    return require('@tarojs/components-react/dist/components/scroll-view/index.js').default;
  },
};
