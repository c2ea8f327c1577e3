/* One reminder rule on the 提醒规则 page: its switch, days, title and body with the placeholders it may
 * use, 预览 (sample values filled in by the server) and 保存 (with the version read, so two
 * administrators cannot overwrite each other's change). A save changes this card only: edits in other
 * cards stay. On a county's page the card says whether the rule is the county's own or 沿用全市设置; saving an
 * inherited one makes it the county's own, and 恢复为全市设置 drops the county's own again. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { clearFieldErrors, fieldError, leaveNotice, messageBox, onClick, placeFieldErrors } from './skeleton.js';
import { named } from './push-audience.js';

const { h, clear, field, group } = Ui;

/** The server's error codes that belong to one input (the rest, such as UNKNOWN_PLACEHOLDER, show in the card's box). */
const CODE_FIELDS = {
  TITLE_REQUIRED: 'title', TITLE_TOO_LONG: 'title', BODY_REQUIRED: 'body', BODY_TOO_LONG: 'body', OFFSETS_INVALID: 'offsets',
};

/** office: the county named in the page's address (the city office's choice; '') and whether the page is a county's. */
export function ruleCard(initial, office = { county: '', countyView: false }) {
  let rule = initial;
  const code = rule.code;
  const path = '/api/console/admin/reminder-rules/' + code;
  const where = Api.query({ county: office.county });
  const source = h('span', { class: 'badge rule-source', id: 'rule-source-' + code });
  const reset = h('button', { type: 'button', class: 'button', id: 'rule-reset-' + code }, '恢复为全市设置');
  const box = messageBox('rule-message-' + code);
  const preview = h('div', { class: 'rule-preview', id: 'rule-preview-' + code, hidden: true });
  const updated = h('span', { class: 'muted rule-updated' });
  const enabled = h('input', { type: 'checkbox', id: 'rule-enabled-' + code, checked: rule.enabled });
  const state = h('span', { class: 'switch-state' });
  const offsets = h('input', { id: 'rule-offsets-' + code, value: rule.offsets.join(','), autocomplete: 'off', inputmode: 'numeric' });
  const title = h('input', { id: 'rule-title-' + code, value: rule.title, maxlength: 100 });
  const body = h('textarea', { id: 'rule-body-' + code, rows: 5, value: rule.body });
  // a placeholder goes where the cursor was last: the title or (by default) the body
  let target = body;
  title.addEventListener('focus', () => { target = title; });
  body.addEventListener('focus', () => { target = body; });

  const showState = () => {
    state.textContent = enabled.checked ? '已启用' : '已停用';
    section.classList.toggle('rule-disabled', !enabled.checked);
  };
  const showUpdated = () => {
    updated.textContent = rule.updatedAt ? '最后修改：' + Ui.dateTime(rule.updatedAt) : '';
  };
  const showSource = () => {
    source.hidden = !office.countyView;
    source.textContent = rule.inherited ? '沿用全市设置' : '本县（区）设置';
    source.classList.toggle('badge-draft', rule.inherited);
    source.classList.toggle('badge-approved', !rule.inherited);
    reset.hidden = !office.countyView || rule.inherited;
  };
  enabled.addEventListener('change', showState);

  const previewButton = h('button', { type: 'button', class: 'button', id: 'rule-preview-button-' + code }, '预览');
  const saveButton = h('button', { type: 'button', class: 'button primary', id: 'rule-save-' + code }, '保存');
  const form = h('div', { class: 'rule-form' },
    h('div', { class: 'form-grid' }, named('offsets', field('提醒时间（天）', offsets, rule.offsetMeaning + '；多个用逗号分隔'))),
    named('title', field('标题', title)),
    named('body', field('正文', body)),
    group('可用占位符', h('div', { class: 'placeholders' }, rule.placeholders.map(placeholder => h('button', {
      type: 'button', class: 'button small placeholder', 'data-placeholder': placeholder, title: '插入到光标处',
      onclick: () => insert(target, placeholder),
    }, placeholder))), '点击插入到标题或正文的光标处；发送时换成每个公众号的实际内容'),
    h('div', { class: 'button-row' }, previewButton, saveButton, reset, updated));

  // a card whose heading carries the on/off switch
  const section = h('section', { class: 'card rule-card', id: 'rule-' + code },
    h('div', { class: 'rule-head' },
      h('h3', {}, rule.name, ' ', h('small', { class: 'muted' }, code), ' ', source),
      h('label', { class: 'switch', title: '停用后不再产生此类提醒' }, enabled, h('span', { class: 'switch-track' }), state)),
    box, form, preview);
  showState();
  showUpdated();
  showSource();
  if (office.countyView && rule.citywideOnly) {
    // the staff's digest is one for the whole city
    for (const input of section.querySelectorAll('input, textarea, button')) input.disabled = true;
    box.append(Ui.message('info', '逾期日报由市委网信办统一设置，县（区）不能单独修改。'));
  }

  onClick(reset, box, async () => {
    if (!window.confirm(`将“${rule.name}”恢复为全市设置？本县（区）对此规则的设置将被删除。`)) return;
    await Api.del(path, { county: office.county });
    leaveNotice(`“${rule.name}”已恢复为全市设置。`);
    go('reminder-rules', office.county ? { county: office.county } : {});
  });

  onClick(previewButton, box, async () => {
    clearFieldErrors(form);
    clear(box);
    try {
      const result = await Api.post(path + '/preview', { title: title.value, body: body.value });
      showPreview(preview, result);
    } catch (error) {
      preview.hidden = true;
      throw placeFieldErrors(form, error, CODE_FIELDS);
    }
  });

  onClick(saveButton, box, async () => {
    clearFieldErrors(form);
    clear(box);
    try {
      rule = await Api.put(path + where, {
        enabled: enabled.checked, offsets: parseOffsets(offsets.value), title: title.value, body: body.value, version: rule.version,
      });
    } catch (error) {
      if (error.code === 'RULE_CHANGED') {
        showChanged(box, error, office.county);
        return;
      }
      throw placeFieldErrors(form, error, CODE_FIELDS);
    }
    // the server sorts the days and drops repeats, and strips the texts
    offsets.value = rule.offsets.join(',');
    title.value = rule.title;
    body.value = rule.body;
    enabled.checked = rule.enabled;
    showState();
    showUpdated();
    showSource();
    Ui.showSuccess(box, `已保存“${rule.name}”（${rule.enabled ? '已启用' : '已停用'}，提醒时间：${rule.offsets.join('、')} 天）。`);
  });
  return section;
}

/** "3, 1" or "3，1" or "3 1" → [3, 1]; anything but whole days is refused at the field. */
function parseOffsets(text) {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  if (!parts.length) throw fieldError('offsets', '请填写提醒时间（天数）');
  if (parts.some(part => !/^\d{1,3}$/.test(part))) throw fieldError('offsets', '请填写整数天数，多个用逗号分隔，如 3,1');
  return parts.map(Number);
}

function insert(input, placeholder) {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.value = input.value.slice(0, start) + placeholder + input.value.slice(end);
  input.focus();
  input.setSelectionRange(start + placeholder.length, start + placeholder.length);
}

function showPreview(preview, result) {
  clear(preview).append(
    h('h4', {}, '预览（示例数据）'),
    h('dl', { class: 'facts' },
      h('dt', {}, '标题'), h('dd', { class: 'preview-title' }, Ui.text(result.title)),
      h('dt', {}, '摘要'), h('dd', { class: 'preview-summary' }, Ui.text(result.summary)),
      h('dt', {}, '正文'), h('dd', { class: 'preview-body' }, Ui.text(result.body))));
  preview.hidden = false;
}

/** Someone else saved the rule since this page was loaded: say so, and offer to load it again. */
function showChanged(box, error, county) {
  Ui.showError(box, error);
  box.firstChild.append(' ', h('button', {
    type: 'button', class: 'button small', id: 'rules-reload', onclick: () => go('reminder-rules', county ? { county } : {}),
  }, '重新加载'));
}
