/*
 * The page skeleton every console page shares. A page module exports one object:
 *
 *   { route, nav?, title?, note?(data), roles, keepNav?, load?(ctx), render(container, data, ctx) }
 *
 * route: the hash (#/route/args?params); nav: the sidebar entry's text (none: not in the sidebar);
 * roles: any one of them opens the page (null: everyone signed in); keepNav: true leaves the sidebar entry
 * the user came from highlighted, a route name highlights that entry. ctx is {args, params, isCurrent()}.
 *
 * showPage() does what every page used to repeat: "正在加载…", load(), a check that the user has not
 * moved on meanwhile, the header (title and a grey note), then render(); a failure shows the server's
 * message instead. The helpers below are the pieces the pages have in common.
 */
import * as Ui from '../ui.js';
import { ApiError } from '../api.js';

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

/** A failed check of the input, shown at the field marked data-field="<field>" (see placeFieldErrors). */
export function fieldError(field, message) {
  return Object.assign(new Error(message), { field });
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.field-error').forEach(el => el.remove());
  form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
}

/**
 * Shows each field error — the server's fieldErrors, an error code listed in codeFields ({CODE: field}),
 * or a fieldError() — under the element of the form marked data-field="<path>" (a "draft." prefix and
 * list indexes dropped). Returns the error for the message box, holding only what found no field.
 */
export function placeFieldErrors(form, error, codeFields = {}) {
  clearFieldErrors(form);
  const problems = [...(error.fieldErrors || [])];
  if (error.field) problems.push({ field: error.field, message: error.message });
  if (error.code && codeFields[error.code]) problems.push({ field: codeFields[error.code], message: error.message });
  const unplaced = problems.filter(problem => {
    const name = String(problem.field || '').replace(/^draft\./, '').replace(/\[\d*\]/g, '');
    const target = name ? form.querySelector(`[data-field="${CSS.escape(name)}"]`) : null;
    if (!target) return true;
    if (!target.querySelector('.field-error')) {
      target.classList.add('invalid');
      target.appendChild(h('span', { class: 'field-error' }, problem.message));
    }
    return false;
  });
  if (unplaced.length === problems.length) return error;
  const message = '请按标出的栏目修改';
  return error instanceof ApiError ? new ApiError(error.status, { code: error.code, message, fieldErrors: unplaced }) : new Error(message);
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
