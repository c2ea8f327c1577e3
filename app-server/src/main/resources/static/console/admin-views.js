/* Administrators' reference data: filing campaigns, the place-name dictionary, the audit log. */
'use strict';

const AdminViews = (() => {
  const { h, clear, table, pager, field, select } = Ui;

  const KIND_LABELS = {
    COUNTY_NAME: '县名', COUNTY_ALIAS: '县的别称', HISTORIC_NAME: '历史名称', TOWNSHIP_NAME: '乡镇名称',
    TOWNSHIP_ALIAS: '乡镇简称', LOCAL_FEATURE: '本地特征词',
  };
  const ACTOR_LABELS = { STAFF: '工作人员', OPERATOR: '运营者', SYSTEM: '系统' };
  const ACTION_LABELS = {
    LOGIN: '登录', LOGIN_FAILED: '登录失败', MATERIAL_DOWNLOAD_LINK: '签发材料查看链接', EXPORT: '导出',
    EXPORT_WITH_FULL_ID_NUMBERS: '导出（含完整身份证号码）', EXPORT_DOWNLOAD: '下载导出文件',
    CAMPAIGN_CREATED: '新增备案期', CAMPAIGN_UPDATED: '修改备案期', CAMPAIGN_DELETED: '删除备案期',
    PLACE_NAME_ADDED: '新增地名词', PLACE_NAME_REMOVED: '删除地名词',
  };

  function pageHeader(title) {
    return h('div', { class: 'page-header' }, h('h2', {}, title));
  }

  // ---------------------------------------------------------------- campaigns

  async function campaigns(container, ctx) {
    const list = await Api.get('/api/console/admin/campaigns');
    if (!ctx.isCurrent()) return;
    clear(container);
    const messageBox = h('div', { class: 'message-box', id: 'campaign-message' });
    const name = h('input', { name: 'name', id: 'campaign-name', maxlength: 100, required: true, placeholder: '如：2027年集中登记备案' });
    const startsOn = h('input', { type: 'date', name: 'startsOn', id: 'campaign-starts', required: true });
    const endsOn = h('input', { type: 'date', name: 'endsOn', id: 'campaign-ends', required: true });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'campaign-submit' }, '新增');
    const form = h('form', { class: 'card' }, h('h3', {}, '新增集中登记备案期'),
      h('div', { class: 'filter-grid' }, field('名称', name), field('开始日期', startsOn), field('结束日期', endsOn)),
      h('p', { class: 'field-hint' }, '保存后系统在后台重新计算各公众号的备案截止日期。'),
      h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/admin/campaigns', { name: name.value.trim(), startsOn: startsOn.value, endsOn: endsOn.value });
          App.go('campaigns', {});
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    container.append(pageHeader('集中登记备案期'), messageBox,
      table([
        { title: '名称', render: c => Ui.text(c.name) },
        { title: '开始日期', render: c => c.startsOn },
        { title: '结束日期', render: c => c.endsOn },
        {
          title: '操作', render: c => h('button', {
            type: 'button', class: 'button small', 'data-delete': c.id,
            onclick: async () => {
              if (!window.confirm(`删除“${c.name}”？删除后截止日期将重新计算。`)) return;
              try {
                await Api.del('/api/console/admin/campaigns/' + c.id);
                App.go('campaigns', {});
              } catch (error) {
                Ui.showError(messageBox, error);
              }
            },
          }, '删除'),
        },
      ], list, { empty: '尚无集中登记备案期' }),
      form);
  }

  // ---------------------------------------------------------------- place names

  async function placeNames(container, ctx) {
    const dictionary = await Api.get('/api/console/admin/place-names');
    if (!ctx.isCurrent()) return;
    clear(container);
    const messageBox = h('div', { class: 'message-box', id: 'place-name-message' });
    const term = h('input', { name: 'term', id: 'place-name-term', maxlength: 32, required: true, placeholder: '如：恒山湖' });
    const kind = select('kind', Object.entries(KIND_LABELS), 'LOCAL_FEATURE', { id: 'place-name-kind' });
    const township = select('township', [['', '（不属于某个乡镇）'], ...dictionary.townships.map(t => [t.name, t.name])], '',
      { id: 'place-name-township' });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'place-name-submit' }, '新增');
    const form = h('form', { class: 'card' }, h('h3', {}, '新增地名词'),
      h('div', { class: 'filter-grid' }, field('词语', term), field('类别', kind), field('所属乡镇', township, '乡镇名称、简称须选择')),
      h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/admin/place-names', { term: term.value.trim(), kind: kind.value, township: township.value || null });
          App.go('place-names', {});
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    container.append(pageHeader('地名词典'),
      Ui.message('info', '公众号名称含下列词语之一，即视为具有本县显著本地特征（通知第二条第3项），须登记备案。'),
      messageBox, form,
      table([
        { title: '词语', render: p => p.term },
        { title: '类别', render: p => KIND_LABELS[p.kind] || p.kind },
        { title: '所属乡镇', render: p => Ui.text(p.township) },
        {
          title: '操作', render: p => h('button', {
            type: 'button', class: 'button small', 'data-remove': p.term,
            onclick: async () => {
              if (!window.confirm(`从词典中删除“${p.term}”？`)) return;
              try {
                await Api.del('/api/console/admin/place-names', { term: p.term });
                App.go('place-names', {});
              } catch (error) {
                Ui.showError(messageBox, error);
              }
            },
          }, '删除'),
        },
      ], dictionary.placeNames, { empty: '词典为空' }));
  }

  // ---------------------------------------------------------------- audit log

  async function audit(container, ctx) {
    const params = ctx.params;
    const result = await Api.get('/api/console/admin/audit', {
      action: params.action, actorType: params.actorType, targetType: params.targetType, targetId: params.targetId,
      from: params.from, to: params.to, page: params.page || 1, size: 20,
    });
    if (!ctx.isCurrent()) return;
    clear(container);
    const action = h('input', { name: 'action', id: 'audit-action', value: params.action || '', placeholder: '如 LOGIN、MATERIAL_DOWNLOAD_LINK' });
    const actorType = select('actorType', [['', '全部'], ...Object.entries(ACTOR_LABELS)], params.actorType, { id: 'audit-actor-type' });
    const targetId = h('input', { name: 'targetId', id: 'audit-target-id', value: params.targetId || '', placeholder: '对象编号' });
    const from = h('input', { type: 'date', name: 'from', id: 'audit-from', value: params.from || '' });
    const to = h('input', { type: 'date', name: 'to', id: 'audit-to', value: params.to || '' });
    const form = h('form', { class: 'filters card' },
      h('div', { class: 'filter-grid' }, field('操作', action), field('操作者', actorType), field('对象编号', targetId),
        field('日期从', from), field('日期到', to)),
      h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button primary', id: 'audit-submit' }, '查询')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      App.go('audit', { action: action.value.trim(), actorType: actorType.value, targetId: targetId.value.trim(),
        from: from.value, to: to.value, page: 1 });
    });
    container.append(pageHeader('审计日志'), form,
      table([
        { title: '时间', render: e => Ui.dateTime(e.occurredAt) },
        { title: '操作者', render: e => (ACTOR_LABELS[e.actorType] || e.actorType) + (e.actorId ? ' #' + e.actorId : '') },
        { title: '操作', render: e => [ACTION_LABELS[e.action] || e.action, h('span', { class: 'field-hint' }, ' ' + e.action)] },
        { title: '对象', render: e => e.targetType + ' ' + e.targetId },
        { title: '说明', render: e => Ui.text(e.detail) },
        { title: '来源 IP', render: e => Ui.text(e.clientIp) },
      ], result.items, { empty: '没有符合条件的记录' }),
      pager(result, page => App.go('audit', Object.assign({}, params, { page }))));
  }

  return { campaigns, placeNames, audit };
})();
