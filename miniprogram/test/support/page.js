// Pages under test: the page's JS is loaded with a fake Page() that captures its definition; the
// instance has data and setData (with 'a.b[0].c' paths) as in WeChat, and render() draws the page's
// WXML with the current data through miniprogram-simulate, for asserting what the operator sees.
const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');

const ROOT = path.join(__dirname, '..', '..');

function setPath(target, key, value) {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i += 1) {
    if (node[parts[i]] === undefined || node[parts[i]] === null) node[parts[i]] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = node[parts[i]];
  }
  node[parts[parts.length - 1]] = value;
}

/** Loads pages/<name>.js and returns an instance (not yet loaded: call instance.onLoad(query) yourself). */
function loadPage(name) {
  let definition = null;
  global.Page = (def) => {
    definition = def;
  };
  global.getApp = () => ({ globalData: {} });
  const file = path.join(ROOT, 'pages', name + '.js');
  jest.isolateModules(() => {
    require(file);
  });
  if (!definition) throw new Error('pages/' + name + '.js did not call Page()');
  const instance = Object.create(definition);
  instance.data = JSON.parse(JSON.stringify(definition.data || {}));
  instance.route = 'pages/' + name;
  instance.setData = function setData(changes, callback) {
    Object.keys(changes).forEach((key) => setPath(this.data, key, changes[key]));
    if (callback) callback();
  };
  instance.__name = name;
  return instance;
}

/** The page's WXML rendered with its current data; returns the simulate component (attached). */
function render(page) {
  const template = fs.readFileSync(path.join(ROOT, 'pages', page.__name + '.wxml'), 'utf8');
  const id = simulate.load({ template, data: JSON.parse(JSON.stringify(page.data)) });
  const component = simulate.render(id);
  component.attach(document.createElement('parent-wrapper'));
  return component;
}

/** All text the operator sees in the rendered page. */
function textOf(page) {
  return render(page).dom.textContent.replace(/\s+/g, ' ').trim();
}

/** Lets promise chains (fake requests answer asynchronously) run to the end. */
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

module.exports = { loadPage, render, textOf, settle };
