/* The reviewer's panel on a filing: 通过 (after a confirmation), 退回 with a reason, 登记纸质材料.
 * Each action re-renders the filing and leaves its confirmation for the new page. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { leaveNotice, onClick, onSubmit, showNotice } from './skeleton.js';

const { h, field, select } = Ui;

export function reviewActions(filing, templates, box) {
  const panel = h('section', { class: 'card actions-card' }, h('h3', {}, '审核操作'));
  const reload = () => go('filings/' + filing.id);
  const buttons = h('div', { class: 'button-row' });
  panel.appendChild(buttons);

  if (filing.status === 'SUBMITTED') {
    const confirmRow = h('div', { class: 'confirm-row', hidden: true },
      h('span', {}, '确认通过后将分配备案编号，运营者会收到通知。'));
    const confirmButton = h('button', { type: 'button', class: 'button primary', id: 'approve-confirm' }, '确认通过');
    confirmRow.append(confirmButton, h('button', { type: 'button', class: 'button', onclick: () => { confirmRow.hidden = true; } }, '取消'));
    onClick(confirmButton, box, async () => {
      const decision = await Api.post('/api/console/review/filings/' + filing.id + '/approve');
      leaveNotice('已通过审核，备案编号：' + decision.filingNumber);
      reload();
    });

    const rejectForm = buildRejectForm(filing, templates, box, reload);
    rejectForm.hidden = true;
    buttons.append(
      h('button', {
        type: 'button', class: 'button primary', id: 'approve', onclick: () => { confirmRow.hidden = false; rejectForm.hidden = true; },
      }, '通过'),
      h('button', {
        type: 'button', class: 'button danger', id: 'reject', onclick: () => { rejectForm.hidden = false; confirmRow.hidden = true; },
      }, '退回'));
    panel.append(confirmRow, rejectForm);
  }

  if (!filing.paperReceivedAt && (filing.status === 'SUBMITTED' || filing.status === 'APPROVED')) {
    const paperButton = h('button', { type: 'button', class: 'button', id: 'paper-received' }, '登记纸质材料');
    onClick(paperButton, box, async () => {
      await Api.post('/api/console/review/filings/' + filing.id + '/paper-received');
      leaveNotice('已登记收到纸质材料。');
      reload();
    });
    buttons.append(paperButton, h('span', { class: 'field-hint' }, '收到加盖公章的纸质登记表（一式两份）后登记。'));
  }

  showNotice(box);
  if (!buttons.childElementCount) {
    panel.appendChild(h('p', { class: 'muted' }, '当前状态无需审核操作。'));
  }
  return panel;
}

function buildRejectForm(filing, templates, box, reload) {
  const templateSelect = select('templateId', [['', '请选择退回原因（可不选，直接填写补充说明）'], ...templates.map(t => [t.id, t.text])], '',
    { id: 'reject-template' });
  const text = h('textarea', { id: 'reject-text', name: 'text', rows: 3, maxlength: 400, placeholder: '补充说明（选填，运营者可见）' });
  const submit = h('button', { type: 'submit', class: 'button danger', id: 'reject-confirm' }, '确认退回');
  const form = h('form', { class: 'reject-form' },
    field('退回原因', templateSelect), field('补充说明', text, '退回原因会显示给运营者，请写清需要修改的地方。'),
    h('div', { class: 'button-row' }, submit));
  // an old complaint disappears as soon as the reviewer changes the reason
  const clearMessage = () => Ui.clear(box);
  templateSelect.addEventListener('change', clearMessage);
  text.addEventListener('input', clearMessage);
  return onSubmit(form, submit, box, async () => {
    clearMessage();
    if (!templateSelect.value && !text.value.trim()) throw new Error('请选择退回原因或填写补充说明');
    await Api.post('/api/console/review/filings/' + filing.id + '/reject', {
      templateId: templateSelect.value ? Number(templateSelect.value) : null,
      text: text.value.trim() || null,
    });
    leaveNotice('已退回，运营者可在小程序中看到退回原因。');
    reload();
  });
}
