/* DOM helpers, formatting and small charts for the console. All text goes through textContent
 * (never innerHTML), so nothing typed by an operator can inject markup. */
import { Labels } from './reference.js';

/** h('div', {class: 'x', onclick: fn}, 'text', childNode, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = !!value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-01 09:30" in Beijing time, or "—". */
export function dateTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  if (isNaN(date)) return String(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function date(value) {
  return value ? String(value).slice(0, 10) : '—';
}

export function today() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date()).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function text(value) {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

export function fileSize(bytes) {
  if (bytes === undefined || bytes === null) return '—';
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

export function statusBadge(status, label) {
  return h('span', { class: 'badge badge-' + String(status || '').toLowerCase() }, label || Labels.status[status] || status);
}

/** A message box inside a view: kind is 'error', 'success' or 'info'. */
export function message(kind, content) {
  return h('div', { class: 'message message-' + kind, role: kind === 'error' ? 'alert' : 'status' }, content);
}

/** Shows an error (ApiError or any Error) in the given box, replacing what was there. */
export function showError(box, error) {
  clear(box);
  const textContent = error && typeof error.describe === 'function' ? error.describe() : (error && error.message) || String(error);
  box.appendChild(message('error', textContent));
}

export function showSuccess(box, content) {
  clear(box);
  box.appendChild(message('success', content));
}

/**
 * A bordered table. columns: [{title, render(row) -> node|text, sortKey?, class?}].
 * options: {sort: '-createdAt', onSort(key), empty: '暂无数据', rowClass(row)}.
 */
export function table(columns, rows, options = {}) {
  const currentKey = options.sort ? options.sort.replace(/^-/, '') : null;
  const descending = options.sort ? options.sort.startsWith('-') : false;
  const head = h('tr', {}, columns.map(col => {
    if (!col.sortKey || !options.onSort) return h('th', { class: col.class }, col.title);
    const active = currentKey === col.sortKey;
    const arrow = active ? (descending ? ' ▼' : ' ▲') : ' ↕';
    const next = active && !descending ? '-' + col.sortKey : col.sortKey;
    return h('th', { class: (col.class || '') + ' sortable' + (active ? ' sorted' : '') },
      h('button', {
        type: 'button', class: 'sort-button', 'data-sort': col.sortKey,
        title: '点击按此列排序', onclick: () => options.onSort(next),
      }, col.title, h('span', { class: 'sort-arrow' }, arrow)));
  }));
  const body = rows.length === 0
    ? [h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, options.empty || '暂无数据'))]
    : rows.map(row => h('tr', { class: options.rowClass ? options.rowClass(row) : null, 'data-id': row.id },
      columns.map(col => h('td', { class: col.class }, col.render(row)))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, h('thead', {}, head), h('tbody', {}, body)));
}

/**
 * "共 n 条，第 p / q 页" with previous/next buttons, for a page answer {items, total, totalCapped, page, size}.
 * A capped total (the server stops counting at 10,000) is shown as "10000+" and paging goes on while pages are full.
 */
export function pager(result, onPage) {
  const { page, size, total } = result;
  const capped = !!result.totalCapped;
  const pages = Math.max(1, Math.ceil(total / size));
  const info = capped ? `共 ${total}+ 条，第 ${page} 页` : `共 ${total} 条，第 ${page} / ${pages} 页`;
  const last = capped ? (result.items || []).length < size : page >= pages;
  return h('div', { class: 'pager' },
    h('span', { class: 'pager-info' }, info),
    h('button', { type: 'button', class: 'button', disabled: page <= 1, onclick: () => onPage(page - 1) }, '上一页'),
    h('button', { type: 'button', class: 'button', disabled: last, onclick: () => onPage(page + 1) }, '下一页'));
}

/** Horizontal bars: entries [[label, count]], drawn with CSS widths. */
export function barChart(title, entries, options = {}) {
  const max = Math.max(1, ...entries.map(e => e[1]));
  const rows = entries.length === 0
    ? [h('p', { class: 'muted' }, '暂无数据')]
    : entries.map(([label, count]) => h('div', { class: 'bar-row' },
      h('span', { class: 'bar-label', title: label }, label),
      h('span', { class: 'bar-track' },
        count > 0 ? h('span', { class: 'bar-fill' + (options.tone ? ' tone-' + options.tone(label) : ''), style: { width: (count / max * 100) + '%' } }) : null),
      h('span', { class: 'bar-value' }, String(count))));
  return h('section', { class: 'card chart' }, h('h3', {}, title), rows);
}

export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control,
    hint ? h('span', { class: 'field-hint' }, hint) : null);
}

/** field() for several controls (radio buttons, an editor with its toolbar): a <label> would pass every click on it to its first control. */
export function group(label, control, hint) {
  return h('div', { class: 'field', role: 'group' }, h('span', { class: 'field-label' }, label), control,
    hint ? h('span', { class: 'field-hint' }, hint) : null);
}

/** [value, label] pairs for a select from a label map, after an optional "all" entry. */
export function optionsOf(labels, emptyLabel) {
  const options = Object.entries(labels);
  return emptyLabel === undefined ? options : [['', emptyLabel], ...options];
}

export function select(name, options, value, attrs = {}) {
  return h('select', Object.assign({ name }, attrs),
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, label)));
}

/** Runs an async action with the button disabled, so a double click cannot send twice. */
export async function busy(button, action) {
  const previous = button.disabled;
  button.disabled = true;
  button.classList.add('busy');
  try {
    return await action();
  } finally {
    button.disabled = previous;
    button.classList.remove('busy');
  }
}
