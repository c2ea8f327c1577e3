/*
 * The page skeleton every console page shares. A page module exports one object:
 *
 *   { route, nav?, title?, note?(data), roles, keepNav?, load?(ctx), render(container, data, ctx) }
 *
 * route: the hash (#/route/args?params); nav: the sidebar entry's text (none: not in the sidebar);
 * roles: any one of them opens the page (null: everyone signed in); keepNav: leave the sidebar entry
 * the user came from highlighted. ctx is {args, params, isCurrent()}.
 *
 * showPage() does what every page used to repeat: "正在加载…", load(), a check that the user has not
 * moved on meanwhile, the header (title and a grey note), then render(); a failure shows the server's
 * message instead. The helpers below are the pieces the pages have in common.
 */
import * as Ui from '../ui.js';

const { h, clear } = Ui;

export const PAGE_SIZE = 20;

export function loading() {
  return h('p', { class: 'loading' }, '正在加载…');
}

export async function showPage(page, container, ctx) {
  clear(container).appendChild(loading());
  try {
    const data = page.load ? await page.load(ctx) : undefined;
    // a slow answer for a page the user has already left must not replace the page they are on
    if (!ctx.isCurrent()) return;
    clear(container);
    if (page.title) {
      const note = page.note ? page.note(data) : null;
      container.appendChild(pageHeader(page.title, note ? h('span', { class: 'muted' }, note) : null));
    }
    await page.render(container, data, ctx);
  } catch (error) {
    if (ctx.isCurrent()) Ui.showError(container, error);
  }
}

export function pageHeader(title, ...extra) {
  return h('div', { class: 'page-header' }, h('h2', {}, title), extra);
}

/** A white card with a heading. */
export function card(title, ...content) {
  return h('section', { class: 'card' }, h('h3', {}, title), content);
}

/** Where a page or form shows its errors and confirmations. */
export function messageBox(id) {
  return h('div', { class: 'message-box', id });
}

const NOTICE_KEY = 'console.notice';

/** Keeps a confirmation for the page about to be rendered afresh (go() replaces the view). */
export function leaveNotice(text) {
  sessionStorage.setItem(NOTICE_KEY, text);
}

/** Shows, once, a confirmation left by leaveNotice(). */
export function showNotice(box) {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  if (notice) {
    sessionStorage.removeItem(NOTICE_KEY);
    Ui.showSuccess(box, notice);
  }
}

/** A server page answer {items, total, page, size} as a table with the pager under it. */
export function pagedTable(columns, result, options) {
  return [Ui.table(columns, result.items, options), Ui.pager(result, options.onPage)];
}

/** The filter row above a list: fields in a grid, an optional note, 查询 and any more buttons. */
export function filterForm({ fields, note, submitId, buttons, onSubmit }) {
  const form = h('form', { class: 'filters card' },
    h('div', { class: 'filter-grid' }, fields),
    note,
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button primary', id: submitId }, '查询'), buttons));
  form.addEventListener('submit', event => {
    event.preventDefault();
    onSubmit();
  });
  return form;
}

/**
 * Sends a form through action() with its submit button busy (no double sends); whatever action()
 * throws — the server's error or a check of the input — shows in the message box.
 */
export function onSubmit(form, submit, box, action) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    run(submit, box, action);
  });
  return form;
}

/** The same for a single button. */
export function onClick(button, box, action) {
  button.addEventListener('click', () => run(button, box, action));
  return button;
}

function run(button, box, action) {
  return Ui.busy(button, async () => {
    try {
      await action();
    } catch (error) {
      Ui.showError(box, error);
    }
  });
}
