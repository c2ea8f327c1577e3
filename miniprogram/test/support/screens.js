// Documentation screenshots of pages (test/screenshots.test.js): a page is rendered with
// miniprogram-simulate as in the other tests, its DOM is written into a standalone HTML file with
// app.wxss and the page's WXSS as CSS (750 rpx = 375 px) inside a phone frame (navigation bar, tab
// bar), and, on request, headless Chromium takes a 375 × 812 screenshot of it at device scale 2.
//
// miniprogram-simulate drops the attributes of WeChat's built-in components (an <input> renders as an
// empty <wx-input>), so for screenshots the WXML's input, textarea, switch, button, picker and
// progress are first rewritten into views that show their value, placeholder, state and type.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const simulate = require('miniprogram-simulate');

const ROOT = path.join(__dirname, '..', '..');
const SCREENS = path.join(ROOT, 'target', 'screens');
const IMAGES = path.join(ROOT, '..', 'docs', 'images');
const CHROMIUM = '/usr/bin/chromium';
const APP = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'));

function parseAttributes(source) {
  const attributes = [];
  const pattern = /([\w:.-]+)(?:\s*=\s*"([^"]*)")?/g;
  let match;
  while ((match = pattern.exec(source)) !== null) attributes.push([match[1], match[2] === undefined ? null : match[2]]);
  return attributes;
}

function writeAttributes(attributes) {
  return attributes.map(([name, value]) => (value === null ? ' ' + name : ' ' + name + '="' + value + '"')).join('');
}

/** The expression inside "{{…}}", or the literal quoted for use in an expression. */
function expression(value) {
  const mustache = /^\s*\{\{(.*)\}\}\s*$/.exec(value || '');
  return mustache ? mustache[1] : JSON.stringify(value || '').replace(/"/g, "'");
}

// Attributes a view keeps (structure and events); the component's own ones are shown another way.
const KEPT = /^(wx:|bind|catch|data-|id$)/;

function view(attributes, classes, inner) {
  const kept = attributes.filter(([name]) => KEPT.test(name));
  const own = (attributes.find(([name]) => name === 'class') || [null, ''])[1];
  const classList = classes.concat(own ? [own] : []).join(' ');
  return '<view' + writeAttributes(kept) + ' class="' + classList + '">' + inner + '</view>';
}

/** WXML with the built-in form components replaced by views that show what the phone shows. */
function screenWxml(template) {
  const get = (attributes, name) => (attributes.find(([n]) => n === name) || [null, null])[1];
  return template
    .replace(/<(input|textarea)\b((?:[^>"]|"[^"]*")*?)\/?>(\s*<\/\1>)?/g, (all, tag, source) => {
      const attributes = parseAttributes(source);
      const value = expression(get(attributes, 'value'));
      const placeholder = get(attributes, 'placeholder') || '';
      return view(attributes, ['__' + tag],
        '<text wx:if="{{' + value + '}}">{{' + value + '}}</text><text wx:else class="__placeholder">' + placeholder + '</text>');
    })
    .replace(/<switch\b((?:[^>"]|"[^"]*")*?)\/?>(\s*<\/switch>)?/g, (all, source) => {
      const attributes = parseAttributes(source);
      const checked = get(attributes, 'checked');
      const on = checked === null ? "''" : '(' + expression(checked) + ") ? '__on' : ''";
      return view(attributes, ['__switch', '{{' + on + '}}'], '<view class="__knob"></view>');
    })
    .replace(/<progress\b((?:[^>"]|"[^"]*")*?)\/?>(\s*<\/progress>)?/g, (all, source) => {
      const attributes = parseAttributes(source);
      return view(attributes, ['__progress'], '<view class="__bar"></view>');
    })
    .replace(/<button\b((?:[^>"]|"[^"]*")*?)>([\s\S]*?)<\/button>/g, (all, source, inner) => {
      const attributes = parseAttributes(source);
      const classes = ['__button'];
      const type = get(attributes, 'type');
      if (type) classes.push('__' + type);
      if (get(attributes, 'size') === 'mini') classes.push('__mini');
      const disabled = get(attributes, 'disabled');
      if (disabled !== null) classes.push('{{(' + expression(disabled) + ") ? '__disabled' : ''}}");
      return view(attributes, classes, inner);
    })
    .replace(/<picker\b((?:[^>"]|"[^"]*")*?)>/g, (all, source) => view(parseAttributes(source), ['__picker'], '').replace('</view>', ''))
    .replace(/<\/picker>/g, '</view>')
    // the renderer trims text; a deliberate single space at the start of a <text> stays (as on the phone)
    .replace(/(<text\b(?:[^>"]|"[^"]*")*>) (?=\S)/g, "$1{{' '}}");
}

const TAGS = { input: '.__input', textarea: '.__textarea', button: '.__button', switch: '.__switch', picker: '.__picker',
  progress: '.__progress', view: 'wx-view', text: 'wx-text', page: '.page' };

/** WXSS as CSS: rpx → px (750 rpx = 375 px), WXML tag selectors → the rendered elements. */
function wxssToCss(wxss) {
  return wxss.replace(/([^{}]+)\{([^}]*)\}/g, (all, selector, body) => {
    const css = selector.replace(/(^|[\s,>+~])(input|textarea|button|switch|picker|progress|view|text|page)(?![\w-])/g,
      (m, before, tag) => before + TAGS[tag]);
    const declarations = body.replace(/(-?\d*\.?\d+)rpx/g, (m, n) => +(Number(n) / 2).toFixed(2) + 'px');
    return css + '{' + declarations + '}';
  });
}

// What WeChat's built-in components look like ("style": "v2"), roughly.
const BASE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans SC", "PingFang SC", sans-serif; width: 375px; min-height: 812px; line-height: 1.5;
  -webkit-font-smoothing: antialiased; }
wx-view { display: block; }
wx-text { display: inline; }
.__status { height: 20px; background: ${APP.window.navigationBarBackgroundColor}; }
.__nav { height: 44px; display: flex; align-items: center; justify-content: center; position: relative;
  background: ${APP.window.navigationBarBackgroundColor}; color: #fff; font-size: 17px; font-weight: 600; }
.__nav .__capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; border-radius: 16px;
  border: 1px solid rgba(255,255,255,.35); background: rgba(0,0,0,.12); }
.__nav .__capsule::before { content: "···"; position: absolute; left: 12px; top: 2px; font-size: 16px; letter-spacing: 1px; }
.__nav .__capsule::after { content: ""; position: absolute; right: 12px; top: 8px; width: 14px; height: 14px;
  border: 2px solid #fff; border-radius: 50%; }
.__nav .__back { position: absolute; left: 14px; top: 12px; width: 12px; height: 12px; border-left: 2px solid #fff;
  border-bottom: 2px solid #fff; transform: rotate(45deg); }
.page { padding-bottom: 16px; }
.__tabbar { position: fixed; left: 0; right: 0; bottom: 0; height: 50px; display: flex; align-items: center;
  background: #fff; border-top: 1px solid #e5e5e5; }
/* app.json gives the tabs no icons: WeChat shows their text only */
.__tab { flex: 1; text-align: center; font-size: 14px; color: ${APP.tabBar.color}; }
.__tab.__selected { color: ${APP.tabBar.selectedColor}; }
.__input, .__textarea { display: block; min-height: 1.5em; font-size: 15px; }
.__textarea { min-height: 80px; }
.__placeholder { color: #a0a8b2; }
.__placeholder:empty::after { content: "\\200b"; }
.__switch { display: inline-block; flex: none; position: relative; width: 52px; height: 32px; border-radius: 16px;
  background: #dfdfdf; vertical-align: middle; }
.__switch .__knob { position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 50%; background: #fff;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.__switch.__on { background: #07c160; }
.__switch.__on .__knob { left: 22px; }
.__button { display: block; width: auto; margin-left: auto; margin-right: auto; padding: 10px 12px; border-radius: 8px;
  background: #f2f2f2; color: #06ae56; font-size: 17px; font-weight: 700; text-align: center; line-height: 1.41; }
.__button.__primary { background: #07c160; color: #fff; }
.__button.__warn { color: #fa5151; }
.__button.__mini { display: inline-block; padding: 0 1.2em; font-size: 13px; line-height: 2.3; border-radius: 4px; margin: 0 4px; }
.__button.__disabled { opacity: .5; }
.__progress { height: 4px; background: #ebebeb; }
.__progress .__bar { height: 4px; width: 60%; background: #1f5fae; }
`;

/** The rendered page as a standalone HTML document inside the phone's frame. */
function pageHtml(name, dom) {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'pages', name + '.json'), 'utf8'));
  const title = json.navigationBarTitleText || APP.window.navigationBarTitleText;
  const route = 'pages/' + name;
  const tabs = APP.tabBar.list;
  const isTab = tabs.some((t) => t.pagePath === route);
  const css = BASE_CSS + wxssToCss(fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8'))
    + wxssToCss(fs.readFileSync(path.join(ROOT, 'pages', name + '.wxss'), 'utf8'));
  const tabbar = isTab ? '<div class="__tabbar">' + tabs.map((t) => '<div class="__tab' + (t.pagePath === route ? ' __selected' : '')
    + '">' + t.text + '</div>').join('') + '</div>' : '';
  return '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=375">'
    + '<title>' + title + '</title><style>' + css + '</style></head><body class="page"'
    + (isTab ? ' style="padding-bottom: 66px"' : '') + '>'
    + '<div class="__status"></div><div class="__nav">' + (isTab ? '' : '<span class="__back"></span>') + title
    + '<span class="__capsule"></span></div>'
    + dom.innerHTML + tabbar + '</body></html>\n';
}

/** Renders the page (a test/support/page.js instance) for a screenshot; returns {file, html, text}. */
function renderScreen(page, shot) {
  const template = screenWxml(fs.readFileSync(path.join(ROOT, 'pages', page.__name + '.wxml'), 'utf8'));
  const id = simulate.load({ template, data: JSON.parse(JSON.stringify(page.data)) });
  const component = simulate.render(id);
  component.attach(document.createElement('parent-wrapper'));
  const html = pageHtml(page.__name, component.dom);
  fs.mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, 'mp-' + shot + '.html');
  fs.writeFileSync(file, html);
  return { file, html, text: component.dom.textContent.replace(/\s+/g, ' ').trim() };
}

/** Noto Sans SC from the ph-fonts jar in the local Maven repository (the console's browser tests use it too). */
function fontConfig() {
  const home = path.join(SCREENS, 'fonts');
  const conf = path.join(home, 'fonts.conf');
  if (fs.existsSync(conf)) return conf;
  const base = path.join(os.homedir(), '.m2', 'repository', 'com', 'helger', 'font', 'ph-fonts-noto-sans-sc');
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort().pop() : null;
  if (!version) throw new Error('Noto Sans SC not found under ' + base + ': run the app-server tests once (mvn) to fetch ph-fonts-noto-sans-sc');
  const jar = path.join(base, version, 'ph-fonts-noto-sans-sc-' + version + '.jar');
  fs.mkdirSync(home, { recursive: true });
  execFileSync('unzip', ['-o', '-j', '-q', jar, 'fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf',
    'fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf', '-d', home]);
  fs.writeFileSync(conf, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
    + '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>' + home + '</dir>\n'
    + '  <cachedir>' + path.join(home, 'cache') + '</cachedir>\n</fontconfig>\n');
  return conf;
}

/** Only with DOCS_SCREENSHOTS=1: Chromium photographs the HTML into docs/images/mp-<shot>.png (375 px wide, 812 px
 * high unless a longer page is asked for, as a scrolling screenshot of the phone would be). */
function capture(screen, shot, height) {
  if (process.env.DOCS_SCREENSHOTS !== '1') return null;
  const png = path.join(IMAGES, 'mp-' + shot + '.png');
  fs.rmSync(png, { force: true }); // a failed capture must not leave the old image looking current
  const profile = path.join(SCREENS, 'profile');
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--lang=zh-CN', '--user-data-dir=' + profile,
    '--force-device-scale-factor=2', '--window-size=375,' + (height || 812), '--screenshot=' + png, 'file://' + screen.file],
  { env: Object.assign({}, process.env, { FONTCONFIG_FILE: fontConfig() }), stdio: 'pipe', timeout: 60000 });
  return png;
}

module.exports = { renderScreen, capture, screenWxml, wxssToCss };
