/* 推送对象 and 发送渠道 on the compose page: who receives the push (PushAudience) and on which WeChat
 * channels besides the inbox. value() returns what the API takes, or throws a fieldError(). */
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { fieldError } from './skeleton.js';

const { h, field, select } = Ui;

const KINDS = [
  ['APPROVED', '全部已备案运营者', '所有已取得备案编号的公众号运营者。'],
  ['FILTERED', '按条件筛选', '有备案且符合下列条件的运营者（条件同台账的筛选）。'],
  ['LISTED', '指定运营者', '只发给下面列出编号的运营者。'],
  ['FOLLOWERS', '全部公众号关注者', '关注本办公众号的全部用户：发送模板消息；已关联小程序的运营者同时收到收件箱消息。'],
];

/** A field wrapper that placeFieldErrors() finds by the API's field path. */
export function named(path, element) {
  element.dataset.field = path;
  return element;
}

/**
 * countyList: the counties the city office may address ([{code, name}]); empty for a county office, whose pushes
 * reach its own county only.
 */
export function audienceFields(audience, townshipNames, onKindChange, countyList = []) {
  const current = audience || { kind: 'APPROVED' };
  const radios = KINDS.map(([kind, label]) => h('input', {
    type: 'radio', name: 'audience-kind', value: kind, id: 'push-audience-' + kind.toLowerCase(), checked: current.kind === kind,
  }));
  const hint = h('p', { class: 'field-hint audience-hint' });

  const formType = select('formType', Ui.optionsOf(Labels.formType, '表一、表二均可'), current.formType, { id: 'push-filter-form-type' });
  const names = current.township && !townshipNames.includes(current.township) ? [...townshipNames, current.township] : townshipNames;
  const township = select('township', [['', '全部乡镇'], ...names.map(n => [n, n])], current.township, { id: 'push-filter-township' });
  const status = select('status', Ui.optionsOf(Labels.status, '全部状态'), current.status, { id: 'push-filter-status' });
  const overdue = h('input', { type: 'checkbox', id: 'push-filter-overdue', checked: !!current.overdue });
  const filters = h('div', { class: 'filter-grid audience-panel' },
    named('audience.formType', field('登记表', formType)), named('audience.township', field('乡镇（办事处）', township)),
    named('audience.status', field('备案状态', status)), h('label', { class: 'check' }, overdue, '仅逾期未备案'));

  const ids = h('textarea', {
    id: 'push-operator-ids', rows: 2, placeholder: '例如：1024, 1025, 1030',
  });
  ids.value = (current.operatorIds || []).join(', ');
  const listed = h('div', { class: 'audience-panel' },
    named('audience.operatorIds', field('指定运营者编号', ids, '运营者编号见备案详情的“运营者”一栏；用逗号分隔，最多 1000 个。')));

  // the city office: all counties (none ticked) or some; for 已备案 and 按条件筛选, which read the registry
  const chosenCounties = current.counties || [];
  const countyBoxes = countyList.map(county => h('input', {
    type: 'checkbox', value: county.code, id: 'push-county-' + county.code, checked: chosenCounties.includes(county.code),
  }));
  const countyPanel = h('div', { class: 'audience-panel', id: 'push-counties' },
    named('audience.counties', h('div', { class: 'field' },
      h('span', { class: 'field-label' }, '县（区）'),
      h('div', { class: 'checks' }, countyList.map((county, i) => h('label', { class: 'check' }, countyBoxes[i], county.name))),
      h('p', { class: 'field-hint' }, '不勾选即发往全市各县（区）；勾选后只发往所选县（区）的运营者。'))));

  const sync = () => {
    const kind = value().kind;
    const entry = KINDS.find(([k]) => k === kind);
    hint.textContent = entry ? entry[2] : '';
    filters.hidden = kind !== 'FILTERED';
    listed.hidden = kind !== 'LISTED';
    countyPanel.hidden = !countyList.length || (kind !== 'APPROVED' && kind !== 'FILTERED');
    if (onKindChange) onKindChange(kind);
  };
  radios.forEach(radio => radio.addEventListener('change', sync));

  function value() {
    const checked = radios.find(radio => radio.checked);
    return { kind: checked ? checked.value : 'APPROVED' };
  }

  const element = named('audience', h('div', { class: 'field' },
    h('div', { class: 'checks', role: 'radiogroup', 'aria-label': '推送对象' },
      KINDS.map(([, label], i) => h('label', { class: 'check' }, radios[i], label))),
    hint, countyList.length ? countyPanel : null, filters, listed));
  sync();

  return {
    element,
    value() {
      const audience = value();
      if (audience.kind === 'APPROVED' || audience.kind === 'FILTERED') {
        const counties = countyBoxes.filter(box => box.checked).map(box => box.value);
        if (counties.length) audience.counties = counties;
      }
      if (audience.kind === 'FILTERED') {
        Object.assign(audience, {
          formType: formType.value || null, township: township.value || null, status: status.value || null, overdue: overdue.checked || null,
        });
      } else if (audience.kind === 'LISTED') {
        audience.operatorIds = operatorIds(ids.value, 'audience.operatorIds');
        if (!audience.operatorIds.length) throw fieldError('audience.operatorIds', '请填写至少一个运营者编号');
      }
      return audience;
    },
  };
}

/** "1, 2，3 4" → [1, 2, 3]; anything else than numbers is a field error. */
export function operatorIds(text, path) {
  const parts = String(text).split(/[\s,，、;；]+/).filter(Boolean);
  const wrong = parts.find(part => !/^\d{1,18}$/.test(part));
  if (wrong) throw fieldError(path, `“${wrong}”不是运营者编号，编号为数字，用逗号分隔`);
  return [...new Set(parts.map(Number))];
}

/** The channel checkboxes: 收件箱 always (disabled), 订阅消息, 模板消息. */
export function channelFields(channels) {
  const chosen = channels || [];
  const subscribe = h('input', { type: 'checkbox', id: 'push-channel-subscribe', value: 'SUBSCRIBE', checked: chosen.includes('SUBSCRIBE') });
  const template = h('input', { type: 'checkbox', id: 'push-channel-template', value: 'TEMPLATE', checked: chosen.includes('TEMPLATE') });
  const note = h('p', { class: 'field-hint' });
  const element = named('channels', h('div', { class: 'field' },
    h('div', { class: 'checks' },
      h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: true, disabled: true, id: 'push-channel-inbox' }), '收件箱（始终发送）'),
      h('label', { class: 'check' }, subscribe, '订阅消息'),
      h('label', { class: 'check' }, template, '模板消息')),
    note));
  const explain = '订阅消息只发给事先在小程序中同意接收的运营者（每次同意可收一条）；模板消息只发给关注本办公众号的运营者。两者都指向小程序收件箱中的全文。';
  note.textContent = explain;
  return {
    element,
    /** A followers push is sent as template messages whatever is ticked here. */
    setFollowers(followers) {
      subscribe.disabled = followers;
      template.disabled = followers;
      note.textContent = followers ? '向公众号关注者推送时固定使用模板消息，此处选择不适用。' : explain;
    },
    value: () => [subscribe, template].filter(box => box.checked).map(box => box.value),
  };
}
