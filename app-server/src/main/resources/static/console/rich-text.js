/* Rich text of policy pushes: a small editor and a viewer.
 *
 * The editor is a contenteditable area with a toolbar (加粗, 标题, 列表, 链接); its innerHTML is what the
 * server receives, and the server cleans it with an allowlist (jsoup) before storing it. Pasted content
 * arrives as plain text (no foreign styles, which the console's CSP would refuse anyway).
 *
 * The viewer shows the server's cleaned HTML through an allowlist of its own: the markup is parsed in
 * an inert document (DOMParser runs no script and loads nothing) and rebuilt element by element, so
 * nothing but the formatting below reaches the page. */
import { h } from './ui.js';

const BLOCKS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'div', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
const INLINE = ['b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small', 'code', 'cite', 'q', 'span', 'br'];
const ALLOWED = new Set([...BLOCKS, ...INLINE, 'a']);
const SAFE_LINK = /^(https?:|mailto:)/i;

/** The editor: {element, html(), isEmpty()}. */
export function richEditor(initialHtml, attrs = {}) {
  const area = h('div', Object.assign({ class: 'rich-area', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true' }, attrs));
  if (initialHtml) area.appendChild(richText(initialHtml));
  const linkUrl = h('input', { type: 'url', class: 'rich-link-url', placeholder: 'https://', 'aria-label': '链接地址' });
  const linkError = h('span', { class: 'field-error' });
  const linkBar = h('div', { class: 'rich-link-bar', hidden: true }, '链接地址', linkUrl,
    h('button', { type: 'button', class: 'button small primary', onclick: () => insertLink() }, '确定'),
    h('button', { type: 'button', class: 'button small', onclick: () => { linkBar.hidden = true; } }, '取消'), linkError);
  let savedRange = null;

  const command = (name, value) => {
    area.focus();
    document.execCommand(name, false, value);
  };
  const tool = (label, title, action) => h('button', {
    type: 'button', class: 'rich-tool', title, 'data-tool': title,
    // keep the selection in the text while the button is pressed
    onmousedown: event => event.preventDefault(), onclick: action,
  }, label);

  function openLinkBar() {
    const selection = window.getSelection();
    savedRange = selection.rangeCount && area.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
    linkUrl.value = '';
    linkError.textContent = '';
    linkBar.hidden = false;
    linkUrl.focus();
  }

  function insertLink() {
    const url = linkUrl.value.trim();
    if (!SAFE_LINK.test(url)) {
      linkError.textContent = '链接须以 http://、https:// 或 mailto: 开头';
      return;
    }
    area.focus();
    const selection = window.getSelection();
    if (savedRange) {
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }
    if (savedRange && !savedRange.collapsed) {
      document.execCommand('createLink', false, url);
    } else {
      // nothing selected: the address itself becomes the link, where the cursor was (or at the end)
      const range = savedRange || document.createRange();
      if (!savedRange) {
        range.selectNodeContents(area);
        range.collapse(false);
      }
      range.insertNode(h('a', { href: url }, url));
    }
    linkBar.hidden = true;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const toolbar = h('div', { class: 'rich-toolbar', role: 'toolbar', 'aria-label': '正文格式' },
    tool(h('b', {}, 'B'), '加粗', () => command('bold')),
    tool('标题', '标题', () => command('formatBlock', document.queryCommandValue('formatBlock') === 'h3' ? 'p' : 'h3')),
    tool('• 列表', '列表', () => command('insertUnorderedList')),
    tool('链接', '链接', openLinkBar));

  area.addEventListener('focus', () => document.execCommand('defaultParagraphSeparator', false, 'p'));
  area.addEventListener('paste', event => {
    event.preventDefault();
    document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
  });
  linkUrl.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      insertLink();
    }
  });

  const isEmpty = () => !area.textContent.trim();
  return {
    element: h('div', { class: 'rich-editor' }, toolbar, linkBar, area),
    area,
    isEmpty,
    html: () => (isEmpty() ? '' : area.innerHTML.trim()),
  };
}

/** The server's cleaned HTML as DOM nodes, rebuilt through the allowlist above. */
export function richText(html) {
  const source = new DOMParser().parseFromString(String(html || ''), 'text/html').body;
  const fragment = document.createDocumentFragment();
  copyChildren(source, fragment);
  return fragment;
}

function copyChildren(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const copy = copyElement(node);
      if (copy) {
        copyChildren(node, copy);
        to.appendChild(copy);
      } else if (node.localName !== 'script' && node.localName !== 'style') {
        copyChildren(node, to); // an element outside the list: its text stays, the element goes
      }
    }
  }
}

function copyElement(node) {
  const tag = node.localName;
  if (tag === 'img') {
    // images from elsewhere are refused by the console's CSP: show where the image is instead
    const src = node.getAttribute('src') || '';
    return SAFE_LINK.test(src) ? h('a', { href: src, target: '_blank', rel: 'noopener noreferrer' }, '[图片' + (node.alt ? '：' + node.alt : '') + ']') : null;
  }
  if (!ALLOWED.has(tag)) return null;
  const copy = document.createElement(tag);
  if (tag === 'a') {
    const href = node.getAttribute('href') || '';
    if (SAFE_LINK.test(href)) {
      copy.setAttribute('href', href);
      copy.setAttribute('target', '_blank');
      copy.setAttribute('rel', 'noopener noreferrer');
    }
  }
  for (const name of ['colspan', 'rowspan', 'start']) {
    if (node.hasAttribute(name) && /^\d{1,3}$/.test(node.getAttribute(name))) copy.setAttribute(name, node.getAttribute(name));
  }
  return copy;
}
