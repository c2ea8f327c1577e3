/* A filing's enforcement records: the table (also on the filing detail) and the panel on the overdue
 * list that records a new action. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { card, loading, messageBox, onSubmit } from './skeleton.js';

const { h, clear, field, select } = Ui;

/** staffNames: id → name of who recorded each action (the id is shown when unknown). */
export function enforcementTable(records, staffNames) {
  return Ui.table([
    { title: '处置日期', render: r => Ui.date(r.actedOn) },
    { title: '措施', render: r => r.actionLabel || Labels.enforcement[r.action] || r.action },
    { title: '备注', render: r => Ui.text(r.note) },
    { title: '登记人', render: r => staffNames[r.staffId] || '#' + r.staffId },
    { title: '登记时间', render: r => Ui.dateTime(r.recordedAt) },
  ], records, { empty: '尚无处置记录' });
}

/** Loads the filing's records into the panel, with a form for the next action. */
export async function showEnforcement(panel, filing, staffNames) {
  clear(panel).appendChild(loading());
  let records;
  try {
    records = await Api.get('/api/console/admin/enforcement/filings/' + filing.id);
  } catch (error) {
    Ui.showError(panel, error);
    return;
  }
  const box = messageBox();
  const action = select('action', Ui.optionsOf(Labels.enforcement, '请选择处置措施'), '', { id: 'enforce-action' });
  const actedOn = h('input', { type: 'date', name: 'actedOn', id: 'enforce-date', value: Ui.today(), max: Ui.today() });
  const note = h('textarea', { name: 'note', id: 'enforce-note', rows: 2, maxlength: 500, placeholder: '如：电话联系管理员李四，承诺三日内提交' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'enforce-submit' }, '登记处置');
  const form = h('form', { class: 'enforce-form' },
    h('div', { class: 'form-grid' }, field('处置措施', action), field('处置日期', actedOn)),
    field('备注', note), h('div', { class: 'button-row' }, submit));
  onSubmit(form, submit, box, async () => {
    if (!action.value) throw new Error('请选择处置措施');
    await Api.post('/api/console/admin/enforcement/filings/' + filing.id,
      { action: action.value, actedOn: actedOn.value, note: note.value.trim() || null });
    await showEnforcement(panel, filing, staffNames);
    Ui.showSuccess(panel.querySelector('.message-box'), '已登记处置措施。');
  });
  clear(panel).appendChild(card(
    '处置记录：' + (filing.accountName || '') + (filing.subjectName ? '（' + filing.subjectName + '）' : ''),
    box,
    enforcementTable(records, staffNames),
    h('h4', {}, '登记新的处置措施'),
    form));
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
