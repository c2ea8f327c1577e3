/* The console's pages. Each view gets its container (showing "正在加载…") and a context
 * {args, params, isCurrent}; it loads what it needs, then replaces the container's content. */
'use strict';

const Views = (() => {
  const { h, clear, table, pager, field, select } = Ui;

  const PAGE_SIZE = 20;

  /** The township names of the county, loaded once (public place-name dictionary). */
  let townshipsPromise = null;

  function townships() {
    if (!townshipsPromise) {
      townshipsPromise = Api.get('/api/regions/dictionary')
        .then(dictionary => (dictionary.townships || []).map(t => t.name))
        .catch(error => {
          townshipsPromise = null;
          throw error;
        });
    }
    return townshipsPromise;
  }

  function pageHeader(title, ...extra) {
    return h('div', { class: 'page-header' }, h('h2', {}, title), extra);
  }

  function optionsOf(labels, emptyLabel) {
    const options = Object.entries(labels);
    return emptyLabel === undefined ? options : [['', emptyLabel], ...options];
  }

  // ---------------------------------------------------------------- login

  function login(container, notice) {
    const messageBox = h('div', { class: 'message-box', id: 'login-message' });
    if (notice) messageBox.appendChild(Ui.message('info', notice));
    const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, maxlength: 32 });
    const password = h('input', {
      id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 72,
    });
    const submit = h('button', { type: 'submit', class: 'button primary wide', id: 'login-submit' }, '登录');
    const form = h('form', { class: 'login-form', novalidate: true },
      field('用户名', username), field('密码', password), submit);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!username.value.trim() || !password.value) {
        Ui.showError(messageBox, new Error('请输入用户名和密码'));
        return;
      }
      await Ui.busy(submit, async () => {
        try {
          await Api.ensureCsrf(false);
          const staff = await Api.post('/api/console/auth/login', { username: username.value.trim(), password: password.value });
          password.value = '';
          await App.signedIn(staff);
        } catch (error) {
          Ui.showError(messageBox, error);
          password.select();
        }
      });
    });
    container.appendChild(h('div', { class: 'login-card' },
      h('div', { class: 'login-brand' },
        h('div', { class: 'brand-mark' }, '网'),
        h('div', {}, h('h1', {}, '公众号登记备案平台'), h('p', {}, '睢县网信办 · 工作人员登录'))),
      messageBox, form,
      h('p', { class: 'login-hint' }, '忘记密码或账号被锁定，请联系系统管理员重置。')));
    username.focus();
  }

  // ---------------------------------------------------------------- dashboard

  async function dashboard(container, ctx) {
    const stats = await Api.get('/api/console/dashboard');
    if (!ctx.isCurrent()) return;
    clear(container);
    const byStatus = stats.byStatus || {};
    const tile = (label, value, tone, route, params) => h(route ? 'a' : 'div', {
      class: 'stat tone-' + tone, href: route ? '#/' + route + Api.query(params) : null, 'data-stat': label,
    }, h('span', { class: 'stat-value' }, String(value ?? 0)), h('span', { class: 'stat-label' }, label));
    const registryRoute = 'registry';
    container.append(
      pageHeader('概览', h('span', { class: 'muted' }, '数据截至 ' + Ui.dateTime(new Date().toISOString()))),
      h('div', { class: 'stats' },
        tile('备案总数', stats.total, 'neutral', registryRoute, {}),
        tile('待审核', byStatus.SUBMITTED, 'info', App.hasRole('REVIEWER') ? 'review' : registryRoute,
          App.hasRole('REVIEWER') ? {} : { status: 'SUBMITTED' }),
        tile('已备案', byStatus.APPROVED, 'ok', registryRoute, { status: 'APPROVED' }),
        tile('已退回', byStatus.REJECTED, 'warn', registryRoute, { status: 'REJECTED' }),
        tile('逾期未备案', stats.overdue, 'danger', registryRoute, { overdue: 'true' }),
        tile('待收纸质材料', stats.awaitingPaper, 'warn', null)),
      h('div', { class: 'charts' },
        Ui.barChart('按状态', Object.keys(Labels.status).map(s => [Labels.status[s], byStatus[s] || 0]), {
          tone: label => ({ 待审核: 'info', 已备案: 'ok', 已退回: 'warn', 已撤销: 'muted', 草稿: 'neutral' }[label] || 'neutral'),
        }),
        Ui.barChart('按乡镇（办事处）', sortedEntries(stats.byTownship)),
        Ui.barChart('按主体类型', sortedEntries(stats.bySubjectType).map(([key, n]) => [Labels.subjectType[key] || key, n]))));
  }

  function sortedEntries(map) {
    return Object.entries(map || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  }

  // ---------------------------------------------------------------- review queue

  async function reviewQueue(container, ctx) {
    const page = Number(ctx.params.page) || 1;
    const result = await Api.get('/api/console/review/queue', { page, size: PAGE_SIZE });
    if (!ctx.isCurrent()) return;
    clear(container);
    container.append(
      pageHeader('待审核', h('span', { class: 'muted' }, '先提交的排在前面，请按顺序审核。')),
      table([
        { title: '提交时间', render: r => Ui.dateTime(r.submittedAt) },
        { title: '公众号名称', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
        { title: '微信号', render: r => Ui.text(r.wechatId) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '类型', render: r => Labels.formTypeShort[r.formType] || r.formType },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '截止日期', render: r => Ui.date(r.dueOn) },
        { title: '操作', render: r => h('a', { class: 'button small primary', href: '#/filings/' + r.id }, '审核') },
      ], result.items, { empty: '没有待审核的备案。' }),
      pager(result, p => App.go('review', { page: p })));
  }

  // ---------------------------------------------------------------- filing detail

  async function filingDetail(container, ctx) {
    const id = ctx.args[0];
    const reviewer = App.hasRole('REVIEWER');
    let filing;
    let materials = null;
    let templates = [];
    if (reviewer) {
      const [detail, reasons] = await Promise.all([
        Api.get('/api/console/review/filings/' + encodeURIComponent(id)),
        Api.get('/api/console/review/reason-templates'),
      ]);
      filing = detail.filing;
      materials = detail.materials;
      templates = reasons;
    } else {
      filing = await Api.get('/api/console/registry/' + encodeURIComponent(id));
    }
    if (!ctx.isCurrent()) return;
    clear(container);
    const form = filing.form || {};
    const account = form.account || {};
    const actionBox = h('div', { class: 'message-box', id: 'detail-message' });

    container.append(
      h('div', { class: 'page-header' },
        h('div', {},
          h('p', { class: 'crumbs' }, h('button', {
            type: 'button', class: 'link-button', onclick: () => (history.length > 1 ? history.back() : App.go('registry')),
          }, '← 返回')),
          h('h2', {}, Ui.text(account.name), ' ', Ui.statusBadge(filing.status, filing.statusLabel),
            filing.overdue ? h('span', { class: 'badge badge-overdue' }, '已逾期') : null)),
        h('div', { class: 'filing-number-box' },
          h('span', { class: 'muted' }, '备案编号'),
          h('strong', { id: 'filing-number' }, filing.filingNumber || '尚未分配'))),
      actionBox,
      reviewer ? reviewActions(filing, templates, actionBox) : null,
      h('div', { class: 'detail-grid' },
        h('div', { class: 'detail-main' },
          section('公众号信息', definitionList([
            ['公众号名称', account.name], ['微信号', account.wechatId], ['原始ID', account.originalId],
            ['账号类型', Labels.accountType[account.type] || account.type], ['开通日期', Ui.date(account.openedOn)],
            ['内容类别', account.contentCategory], ['注册地', account.registrationPlace], ['运营地', account.operatingPlace],
            ['所在乡镇', account.township], ['主营业务范围', account.businessScope],
          ])),
          subjectSections(form),
          materials ? materialSection(materials, actionBox) : null,
          filing.enforcement && filing.enforcement.length ? section('处置记录', enforcementTable(filing.enforcement, {})) : null),
        h('aside', { class: 'detail-side' },
          section('备案状态', definitionList([
            ['状态', filing.statusLabel || Labels.status[filing.status]], ['登记表', Labels.formType[form.formType]],
            ['备案编号', filing.filingNumber], ['截止日期', Ui.date(filing.dueOn)], ['提交时间', Ui.dateTime(filing.submittedAt)],
            ['审核时间', Ui.dateTime(filing.decidedAt)],
            ['纸质材料', filing.paperReceivedAt ? '已于 ' + Ui.dateTime(filing.paperReceivedAt) + ' 收到' : '未收到'],
            ['退回原因', filing.rejectionReason], ['撤销原因', filing.revocationReason],
            ['运营者', h('a', { href: '#/registry' + Api.query({ operatorId: filing.operatorId }), title: '查看此运营者的全部备案' },
              '#' + filing.operatorId + '（查看其全部备案）')],
            ['版本', filing.version],
          ])),
          section('状态记录', timeline(filing.history || [])))));
  }

  function section(title, ...content) {
    return h('section', { class: 'card' }, h('h3', {}, title), content);
  }

  function definitionList(rows) {
    return h('dl', { class: 'facts' }, rows.map(([label, value]) => [
      h('dt', {}, label), h('dd', {}, value instanceof Node ? value : Ui.text(value === '—' ? null : value))]));
  }

  function subjectSections(form) {
    if (form.unit) {
      const unit = form.unit;
      const responsible = unit.responsiblePerson || {};
      const admin = unit.administrator || {};
      return [
        section('单位信息', definitionList([
          ['单位名称', unit.name], ['单位类型', Labels.subjectType[unit.type] || unit.type],
          ['统一社会信用代码', unit.creditCode], ['单位地址', unit.address],
        ])),
        h('div', { class: 'two-columns' },
          section('单位负责人', definitionList([
            ['姓名', responsible.name], ['身份证号码', responsible.idNumber], ['手机号码', responsible.phone],
          ])),
          section('公众号管理员', definitionList([
            ['姓名', admin.name], ['身份证号码', admin.idNumber], ['手机号码', admin.phone], ['职务', admin.position],
          ]))),
      ];
    }
    if (form.individual) {
      const person = form.individual;
      return section('个人或个体经营者', definitionList([
        ['姓名', person.name], ['身份证号码', person.idNumber], ['手机号码', person.phone], ['住址', person.address],
        ['是否个体经营者', person.selfEmployed === true ? '是' : person.selfEmployed === false ? '否' : null],
        ['字号名称', person.businessName], ['营业执照号码', person.licenceNumber],
      ]));
    }
    return section('主体信息', h('p', { class: 'muted' }, '尚未填写'));
  }

  function timeline(history) {
    if (!history.length) return h('p', { class: 'muted' }, '暂无记录');
    return h('ol', { class: 'timeline' }, history.map(step => h('li', {},
      h('div', { class: 'timeline-when' }, Ui.dateTime(step.at)),
      h('div', { class: 'timeline-what' },
        step.from ? [Labels.status[step.from] || step.from, ' → '] : null,
        h('strong', {}, Labels.status[step.to] || step.to)),
      h('div', { class: 'timeline-who muted' }, (Labels.actor[step.actorType] || step.actorType) + (step.actorId ? ' #' + step.actorId : '')),
      step.reason ? h('div', { class: 'timeline-reason' }, '原因：' + step.reason) : null)));
  }

  function materialSection(materials, messageBox) {
    const rows = [...materials].sort((a, b) => Number(b.current) - Number(a.current));
    return section('材料清单', table([
      { title: '材料', render: m => Ui.text(m.label || m.materialType) },
      { title: '文件名', render: m => Ui.text(m.fileName) },
      { title: '大小', class: 'nowrap', render: m => Ui.fileSize(m.size) },
      { title: '上传时间', class: 'nowrap', render: m => Ui.dateTime(m.uploadedAt) },
      { title: '状态', class: 'nowrap', render: m => m.purged ? '已清理' : m.current ? '当前版本' : '历史版本' },
      {
        title: '操作', render: m => m.purged ? '—' : h('button', {
          type: 'button', class: 'button small', 'data-material': m.id, onclick: event => openMaterial(event.currentTarget, m, messageBox),
        }, '查看'),
      },
    ], rows, { empty: '尚未上传材料', rowClass: m => (m.current ? '' : 'dimmed') }),
    h('p', { class: 'field-hint' }, '“查看”会生成5分钟内有效的链接，并记录查看人和时间。'));
  }

  async function openMaterial(button, material, messageBox) {
    // open the tab within the click, then point it at the link (a tab opened after an await may be blocked)
    const tab = window.open('', '_blank');
    await Ui.busy(button, async () => {
      try {
        const link = await Api.post('/api/console/review/materials/' + material.id + '/link');
        if (tab) {
          tab.opener = null;
          tab.location.href = link.url;
        }
        Ui.showSuccess(messageBox, [
          `已生成“${material.label || material.fileName}”的查看链接，有效期至 ${Ui.dateTime(link.expiresAt)}。`,
          tab ? '' : ' ',
          h('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', id: 'material-link' }, tab ? '若未自动打开，请点此查看' : '点此查看'),
        ]);
      } catch (error) {
        if (tab) tab.close();
        Ui.showError(messageBox, error);
      }
    });
  }

  function reviewActions(filing, templates, messageBox) {
    const panel = h('section', { class: 'card actions-card' }, h('h3', {}, '审核操作'));
    const reload = () => App.go('filings/' + filing.id);
    const buttons = h('div', { class: 'button-row' });
    panel.appendChild(buttons);

    if (filing.status === 'SUBMITTED') {
      const confirmRow = h('div', { class: 'confirm-row', hidden: true },
        h('span', {}, '确认通过后将分配备案编号，运营者会收到通知。'));
      const confirmButton = h('button', { type: 'button', class: 'button primary', id: 'approve-confirm' }, '确认通过');
      confirmRow.append(confirmButton, h('button', { type: 'button', class: 'button', onclick: () => { confirmRow.hidden = true; } }, '取消'));
      confirmButton.addEventListener('click', () => Ui.busy(confirmButton, async () => {
        try {
          const decision = await Api.post('/api/console/review/filings/' + filing.id + '/approve');
          sessionStorage.setItem('console.notice', '已通过审核，备案编号：' + decision.filingNumber);
          reload();
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      }));

      const rejectForm = buildRejectForm(filing, templates, messageBox, reload);
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
      paperButton.addEventListener('click', () => Ui.busy(paperButton, async () => {
        try {
          await Api.post('/api/console/review/filings/' + filing.id + '/paper-received');
          sessionStorage.setItem('console.notice', '已登记收到纸质材料。');
          reload();
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      }));
      buttons.append(paperButton, h('span', { class: 'field-hint' }, '收到加盖公章的纸质登记表（一式两份）后登记。'));
    }

    const notice = sessionStorage.getItem('console.notice');
    if (notice) {
      sessionStorage.removeItem('console.notice');
      Ui.showSuccess(messageBox, notice);
    }
    if (!buttons.childElementCount) {
      panel.appendChild(h('p', { class: 'muted' }, '当前状态无需审核操作。'));
    }
    return panel;
  }

  function buildRejectForm(filing, templates, messageBox, reload) {
    const templateSelect = select('templateId', [['', '请选择退回原因（可不选，直接填写补充说明）'], ...templates.map(t => [t.id, t.text])], '',
      { id: 'reject-template' });
    const text = h('textarea', { id: 'reject-text', name: 'text', rows: 3, maxlength: 400, placeholder: '补充说明（选填，运营者可见）' });
    const submit = h('button', { type: 'submit', class: 'button danger', id: 'reject-confirm' }, '确认退回');
    const form = h('form', { class: 'reject-form' },
      field('退回原因', templateSelect), field('补充说明', text, '退回原因会显示给运营者，请写清需要修改的地方。'),
      h('div', { class: 'button-row' }, submit));
    const clearMessage = () => Ui.clear(messageBox);
    templateSelect.addEventListener('change', clearMessage);
    text.addEventListener('input', clearMessage);
    form.addEventListener('submit', event => {
      event.preventDefault();
      clearMessage();
      if (!templateSelect.value && !text.value.trim()) {
        Ui.showError(messageBox, new Error('请选择退回原因或填写补充说明'));
        return;
      }
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/review/filings/' + filing.id + '/reject', {
            templateId: templateSelect.value ? Number(templateSelect.value) : null,
            text: text.value.trim() || null,
          });
          sessionStorage.setItem('console.notice', '已退回，运营者可在小程序中看到退回原因。');
          reload();
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    return form;
  }

  // ---------------------------------------------------------------- registry

  const REGISTRY_FILTERS = ['text', 'subject', 'status', 'township', 'formType', 'overdue', 'dueFrom', 'dueTo', 'operatorId'];

  async function registry(container, ctx) {
    const params = ctx.params;
    const page = Number(params.page) || 1;
    const sort = params.sort || '-createdAt';
    const [result, names] = await Promise.all([
      Api.get('/api/console/registry', Object.assign(pick(params, REGISTRY_FILTERS), { sort, page, size: PAGE_SIZE })),
      townships().catch(() => []),
    ]);
    if (!ctx.isCurrent()) return;
    clear(container);

    const filters = registryFilterForm(params, names, sort);
    const withParams = changes => App.go('registry', Object.assign(pick(params, REGISTRY_FILTERS), { sort, page }, changes));
    container.append(
      pageHeader('台账'),
      filters,
      table([
        { title: '公众号名称', sortKey: 'accountName', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
        { title: '微信号', render: r => Ui.text(r.wechatId) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '类型', render: r => Labels.formTypeShort[r.formType] || r.formType },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '状态', render: r => Ui.statusBadge(r.status, r.statusLabel) },
        { title: '备案编号', sortKey: 'filingNumber', render: r => Ui.text(r.filingNumber) },
        {
          title: '截止日期', sortKey: 'dueOn',
          render: r => [Ui.date(r.dueOn), r.overdue ? h('span', { class: 'badge badge-overdue' }, '逾期') : null],
        },
        { title: '提交时间', sortKey: 'submittedAt', render: r => Ui.dateTime(r.submittedAt) },
        { title: '登记时间', sortKey: 'createdAt', render: r => Ui.dateTime(r.createdAt) },
        { title: '纸质材料', render: r => (r.paperReceived ? '已收到' : '未收到') },
      ], result.items, {
        sort, onSort: key => withParams({ sort: key, page: 1 }), empty: '没有符合条件的备案。',
        rowClass: r => (r.overdue ? 'overdue' : null),
      }),
      pager(result, p => withParams({ page: p })));
  }

  function pick(source, keys) {
    const picked = {};
    for (const key of keys) if (source[key]) picked[key] = source[key];
    return picked;
  }

  function registryFilterForm(params, names, sort) {
    const text = h('input', { name: 'text', id: 'filter-text', value: params.text || '', placeholder: '公众号名称、微信号、gh_原始ID或备案编号（前缀）' });
    const subject = h('input', { name: 'subject', id: 'filter-subject', value: params.subject || '', placeholder: '单位或个人名称（前缀）' });
    const status = select('status', optionsOf(Labels.status, '全部状态'), params.status, { id: 'filter-status' });
    const townshipNames = params.township && !names.includes(params.township) ? [...names, params.township] : names;
    const township = select('township', [['', '全部乡镇'], ...townshipNames.map(n => [n, n])], params.township, { id: 'filter-township' });
    const formType = select('formType', optionsOf(Labels.formTypeShort, '全部类型'), params.formType, { id: 'filter-form-type' });
    const overdue = h('input', { type: 'checkbox', name: 'overdue', id: 'filter-overdue', checked: params.overdue === 'true' });
    const dueFrom = h('input', { type: 'date', name: 'dueFrom', id: 'filter-due-from', value: params.dueFrom || '' });
    const dueTo = h('input', { type: 'date', name: 'dueTo', id: 'filter-due-to', value: params.dueTo || '' });
    const form = h('form', { class: 'filters card' },
      h('div', { class: 'filter-grid' },
        field('关键词', text), field('主体名称', subject), field('状态', status), field('乡镇（办事处）', township), field('登记表', formType),
        field('截止日期从', dueFrom), field('截止日期到', dueTo),
        h('label', { class: 'check' }, overdue, '只看逾期未备案')),
      params.operatorId ? h('p', { class: 'filter-note' }, `仅显示运营者 #${params.operatorId} 的备案。`,
        h('button', { type: 'button', class: 'link-button', onclick: () => App.go('registry', Object.assign({}, params, { operatorId: '', page: 1 })) },
          '取消此条件')) : null,
      h('div', { class: 'button-row' },
        h('button', { type: 'submit', class: 'button primary', id: 'filter-submit' }, '查询'),
        h('button', { type: 'button', class: 'button', onclick: () => App.go('registry', {}) }, '清空条件')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      App.go('registry', {
        text: text.value.trim(), subject: subject.value.trim(), status: status.value, township: township.value, formType: formType.value,
        overdue: overdue.checked ? 'true' : '', dueFrom: dueFrom.value, dueTo: dueTo.value, operatorId: params.operatorId, sort, page: 1,
      });
    });
    return form;
  }

  // ---------------------------------------------------------------- enforcement

  async function enforcement(container, ctx) {
    const page = Number(ctx.params.page) || 1;
    const [result, staff] = await Promise.all([
      Api.get('/api/console/admin/enforcement/overdue', { page, size: PAGE_SIZE }),
      Api.get('/api/console/admin/staff').catch(() => []),
    ]);
    if (!ctx.isCurrent()) return;
    clear(container);
    const staffNames = Object.fromEntries(staff.map(s => [s.id, s.displayName || s.username]));
    const panel = h('div', { id: 'enforcement-panel' });
    const todayDate = Ui.today();
    container.append(
      pageHeader('逾期处置', h('span', { class: 'muted' }, '草稿或被退回、且已过截止日期仍未完成备案的公众号，截止日期早的在前。')),
      table([
        { title: '公众号名称', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '状态', render: r => Ui.statusBadge(r.status, r.statusLabel) },
        { title: '截止日期', render: r => Ui.date(r.dueOn) },
        { title: '逾期天数', render: r => overdueDays(r.dueOn, todayDate) },
        {
          title: '操作', render: r => h('button', {
            type: 'button', class: 'button small', 'data-enforce': r.id,
            onclick: event => {
              for (const row of container.querySelectorAll('tr.selected')) row.classList.remove('selected');
              event.currentTarget.closest('tr').classList.add('selected');
              showEnforcement(panel, r, staffNames);
            },
          }, '处置记录'),
        },
      ], result.items, { empty: '目前没有逾期未备案的公众号。' }),
      pager(result, p => App.go('enforcement', { page: p })),
      panel);
  }

  function overdueDays(dueOn, todayDate) {
    if (!dueOn) return '—';
    const days = Math.round((Date.parse(todayDate) - Date.parse(dueOn)) / 86400000);
    return days > 0 ? days + ' 天' : '—';
  }

  function enforcementTable(records, staffNames) {
    return table([
      { title: '处置日期', render: r => Ui.date(r.actedOn) },
      { title: '措施', render: r => r.actionLabel || Labels.enforcement[r.action] || r.action },
      { title: '备注', render: r => Ui.text(r.note) },
      { title: '登记人', render: r => staffNames[r.staffId] || '#' + r.staffId },
      { title: '登记时间', render: r => Ui.dateTime(r.recordedAt) },
    ], records, { empty: '尚无处置记录' });
  }

  async function showEnforcement(panel, filing, staffNames) {
    clear(panel).appendChild(h('p', { class: 'loading' }, '正在加载…'));
    let records;
    try {
      records = await Api.get('/api/console/admin/enforcement/filings/' + filing.id);
    } catch (error) {
      Ui.showError(panel, error);
      return;
    }
    const messageBox = h('div', { class: 'message-box' });
    const action = select('action', optionsOf(Labels.enforcement, '请选择处置措施'), '', { id: 'enforce-action' });
    const actedOn = h('input', { type: 'date', name: 'actedOn', id: 'enforce-date', value: Ui.today(), max: Ui.today() });
    const note = h('textarea', { name: 'note', id: 'enforce-note', rows: 2, maxlength: 500, placeholder: '如：电话联系管理员李四，承诺三日内提交' });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'enforce-submit' }, '登记处置');
    const form = h('form', { class: 'enforce-form' },
      h('div', { class: 'form-grid' }, field('处置措施', action), field('处置日期', actedOn)),
      field('备注', note), h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!action.value) {
        Ui.showError(messageBox, new Error('请选择处置措施'));
        return;
      }
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/admin/enforcement/filings/' + filing.id,
            { action: action.value, actedOn: actedOn.value, note: note.value.trim() || null });
          await showEnforcement(panel, filing, staffNames);
          Ui.showSuccess(panel.querySelector('.message-box'), '已登记处置措施。');
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    clear(panel).appendChild(h('section', { class: 'card' },
      h('h3', {}, '处置记录：' + (filing.accountName || '') + (filing.subjectName ? '（' + filing.subjectName + '）' : '')),
      messageBox,
      enforcementTable(records, staffNames),
      h('h4', {}, '登记新的处置措施'),
      form));
    panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---------------------------------------------------------------- staff

  async function staff(container, ctx) {
    const list = await Api.get('/api/console/admin/staff');
    if (!ctx.isCurrent()) return;
    clear(container);
    const messageBox = h('div', { class: 'message-box', id: 'staff-message' });
    const editor = h('div', { id: 'staff-editor' });
    const notice = sessionStorage.getItem('console.notice');
    if (notice) {
      sessionStorage.removeItem('console.notice');
      Ui.showSuccess(messageBox, notice);
    }
    container.append(
      pageHeader('工作人员'),
      messageBox,
      table([
        { title: '用户名', render: s => s.username },
        { title: '姓名', render: s => Ui.text(s.displayName) },
        { title: '角色', render: s => s.roles.map(r => Labels.role[r] || r).join('、') },
        {
          title: '状态', render: s => [
            h('span', { class: 'badge ' + (s.enabled ? 'badge-approved' : 'badge-revoked') }, s.enabled ? '启用' : '已停用'),
            s.locked ? h('span', { class: 'badge badge-overdue' }, '已锁定') : null],
        },
        {
          title: '操作', render: s => h('div', { class: 'button-row tight' },
            h('button', { type: 'button', class: 'button small', 'data-edit': s.username, onclick: () => editStaff(editor, s, messageBox) }, '编辑'),
            h('button', { type: 'button', class: 'button small', 'data-reset': s.username, onclick: () => resetPassword(editor, s, messageBox) }, '重置密码')),
        },
      ], list, { empty: '暂无工作人员' }),
      editor,
      newStaffForm(messageBox));
  }

  function roleCheckboxes(prefix, selected) {
    return h('div', { class: 'checks' }, Object.entries(Labels.role).map(([role, label]) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'roles', value: role, id: prefix + role.toLowerCase(), checked: selected.includes(role) }), label)));
  }

  function checkedRoles(form) {
    return [...form.querySelectorAll('input[name=roles]:checked')].map(input => input.value);
  }

  const PASSWORD_HINT = '10至72位，同时包含字母和数字，不能与用户名相同';

  function newStaffForm(pageMessage) {
    const messageBox = h('div', { class: 'message-box' });
    const username = h('input', { name: 'username', id: 'new-username', maxlength: 32, autocomplete: 'off' });
    const displayName = h('input', { name: 'displayName', id: 'new-display-name', maxlength: 32 });
    const password = h('input', { name: 'password', id: 'new-password', type: 'password', maxlength: 72, autocomplete: 'new-password' });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'new-submit' }, '新增');
    const form = h('form', { class: 'card', id: 'new-staff' },
      h('h3', {}, '新增工作人员'), messageBox,
      h('div', { class: 'form-grid' },
        field('用户名', username, '3至32位字母、数字或 _ . -，以字母开头'), field('姓名', displayName),
        field('初始密码', password, PASSWORD_HINT)),
      field('角色', roleCheckboxes('new-role-', ['REVIEWER'])),
      h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        try {
          const created = await Api.post('/api/console/admin/staff', {
            username: username.value.trim(), displayName: displayName.value.trim(), password: password.value, roles: checkedRoles(form),
          });
          sessionStorage.setItem('console.notice', `已新增工作人员 ${created.username}，请将初始密码当面告知本人并提醒其登录后修改。`);
          App.go('staff');
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    return form;
  }

  function editStaff(editor, person, pageMessage) {
    const messageBox = h('div', { class: 'message-box' });
    const displayName = h('input', { name: 'displayName', id: 'edit-display-name', value: person.displayName || '', maxlength: 32 });
    const enabled = h('input', { type: 'checkbox', name: 'enabled', id: 'edit-enabled', checked: person.enabled });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'edit-submit' }, '保存');
    const form = h('form', { class: 'card editor' },
      h('h3', {}, '编辑工作人员：' + person.username), messageBox,
      h('div', { class: 'form-grid' }, field('姓名', displayName),
        h('label', { class: 'check' }, enabled, '启用（停用后不能登录）')),
      field('角色', roleCheckboxes('edit-role-', person.roles)),
      h('div', { class: 'button-row' }, submit,
        h('button', { type: 'button', class: 'button', onclick: () => clear(editor) }, '取消')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        try {
          await Api.put('/api/console/admin/staff/' + person.id,
            { displayName: displayName.value.trim(), enabled: enabled.checked, roles: checkedRoles(form) });
          sessionStorage.setItem('console.notice', `已保存 ${person.username} 的信息。`);
          App.go('staff');
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    clear(editor).appendChild(form);
    displayName.focus();
  }

  function resetPassword(editor, person) {
    const messageBox = h('div', { class: 'message-box' });
    const password = h('input', { type: 'password', name: 'newPassword', id: 'reset-password', maxlength: 72, autocomplete: 'new-password' });
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'reset-submit' }, '确认重置');
    const form = h('form', { class: 'card editor' },
      h('h3', {}, '重置密码：' + person.username), messageBox,
      field('新密码', password, PASSWORD_HINT + '；重置后同时解除锁定'),
      h('div', { class: 'button-row' }, submit, h('button', { type: 'button', class: 'button', onclick: () => clear(editor) }, '取消')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/admin/staff/' + person.id + '/password', { newPassword: password.value });
          sessionStorage.setItem('console.notice', `已重置 ${person.username} 的密码。`);
          App.go('staff');
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    clear(editor).appendChild(form);
    password.focus();
  }

  // ---------------------------------------------------------------- exports

  const EXPORTS_KEY = 'console.exports';

  function rememberedExports() {
    try {
      return JSON.parse(sessionStorage.getItem(EXPORTS_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  async function exports(container, ctx) {
    const names = await townships().catch(() => []);
    if (!ctx.isCurrent()) return;
    clear(container);
    const messageBox = h('div', { class: 'message-box', id: 'export-message' });
    const jobs = h('div', { id: 'export-jobs' });
    const kindRegistry = h('input', { type: 'radio', name: 'kind', value: 'REGISTRY', id: 'export-kind-registry', checked: true });
    const kindEnforcement = h('input', { type: 'radio', name: 'kind', value: 'ENFORCEMENT', id: 'export-kind-enforcement' });
    const status = select('status', optionsOf(Labels.status, '全部状态'), '', { id: 'export-status' });
    const township = select('township', [['', '全部乡镇'], ...names.map(n => [n, n])], '', { id: 'export-township' });
    const text = h('input', { name: 'text', id: 'export-text', placeholder: '公众号名称、微信号、gh_原始ID或备案编号（前缀）' });
    const fullIds = h('input', { type: 'checkbox', name: 'fullIdNumbers', id: 'export-full-ids' });
    const filters = h('div', { class: 'filter-grid' }, field('状态', status), field('乡镇（办事处）', township), field('关键词', text));
    const submit = h('button', { type: 'submit', class: 'button primary', id: 'export-start' }, '开始导出');
    const form = h('form', { class: 'card' },
      h('h3', {}, '新建导出'),
      field('导出内容', h('div', { class: 'checks' },
        h('label', { class: 'check' }, kindRegistry, Labels.exportKind.REGISTRY),
        h('label', { class: 'check' }, kindEnforcement, Labels.exportKind.ENFORCEMENT))),
      filters,
      h('label', { class: 'check warn-check' }, fullIds, '导出完整身份证号码（默认脱敏；仅在确有需要时勾选，导出行为会被记录）'),
      h('div', { class: 'button-row' }, submit));
    const syncFilters = () => {
      filters.hidden = !kindRegistry.checked;
    };
    kindRegistry.addEventListener('change', syncFilters);
    kindEnforcement.addEventListener('change', syncFilters);
    form.addEventListener('submit', event => {
      event.preventDefault();
      Ui.busy(submit, async () => {
        const kind = kindRegistry.checked ? 'REGISTRY' : 'ENFORCEMENT';
        const body = { kind, fullIdNumbers: fullIds.checked };
        if (kind === 'REGISTRY') {
          if (status.value) body.status = status.value;
          if (township.value) body.township = township.value;
          if (text.value.trim()) body.text = text.value.trim();
        }
        try {
          const job = await Api.post('/api/console/admin/exports', body);
          clear(messageBox);
          sessionStorage.setItem(EXPORTS_KEY, JSON.stringify([job.id, ...rememberedExports().filter(id => id !== job.id)].slice(0, 10)));
          jobs.prepend(exportJob(job, ctx));
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    container.append(pageHeader('导出'), messageBox, form,
      h('section', { class: 'card' }, h('h3', {}, '最近的导出（本窗口）'), jobs,
        h('p', { class: 'field-hint' }, '导出文件为 Excel（.xlsx）格式，生成完成后点击“下载”。')));
    for (const id of rememberedExports()) {
      try {
        const job = await Api.get('/api/console/admin/exports/' + id);
        if (!ctx.isCurrent()) return;
        jobs.appendChild(exportJob(job, ctx));
      } catch (error) {
        // an export that no longer exists is simply not shown
      }
    }
  }

  /** One export with a progress bar, polled until it is done or failed. */
  function exportJob(job, ctx) {
    const bar = h('span', { class: 'progress-fill' });
    const label = h('span', { class: 'progress-label' });
    const detail = h('div', { class: 'export-detail' });
    const item = h('div', { class: 'export-job', 'data-export': job.id },
      h('div', { class: 'export-title' }, h('strong', {}, Labels.exportKind[job.kind] || job.kind), h('span', { class: 'muted' }, ' · 编号 ' + job.id)),
      h('div', { class: 'progress-row' },
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar), label),
      detail);
    const update = current => {
      const progress = Math.max(0, Math.min(100, Number(current.progress) || 0));
      bar.style.width = (current.status === 'DONE' ? 100 : progress) + '%';
      bar.className = 'progress-fill' + (current.status === 'FAILED' ? ' failed' : current.status === 'DONE' ? ' done' : '');
      item.querySelector('.progress').setAttribute('aria-valuenow', progress);
      label.textContent = (Labels.exportStatus[current.status] || current.status) + ' ' + (current.status === 'DONE' ? 100 : progress) + '%';
      item.dataset.status = current.status;
      clear(detail);
      const rows = current.totalRows != null ? `已写入 ${current.rowsWritten ?? 0} / ${current.totalRows} 行` : '';
      if (current.status === 'DONE') {
        detail.append(h('span', { class: 'muted' }, rows + ' '), h('a', {
          class: 'button small primary', href: '/api/console/admin/exports/' + current.id + '/download', download: current.fileName || '',
          id: 'export-download-' + current.id,
        }, '下载 ' + (current.fileName || '')));
      } else if (current.status === 'FAILED') {
        detail.append(Ui.message('error', '导出失败：' + (current.error || '原因不明，请重试')));
      } else {
        detail.append(h('span', { class: 'muted' }, rows || '正在准备…'));
      }
    };
    update(job);
    const poll = async () => {
      if (!ctx.isCurrent() || !item.isConnected) return;
      try {
        const current = await Api.get('/api/console/admin/exports/' + job.id);
        update(current);
        if (current.status === 'RUNNING') setTimeout(poll, 700);
      } catch (error) {
        clear(detail).appendChild(Ui.message('error', error.message));
      }
    };
    if (job.status === 'RUNNING') setTimeout(poll, 500);
    return item;
  }

  // ---------------------------------------------------------------- own password

  async function password(container) {
    clear(container);
    const messageBox = h('div', { class: 'message-box' });
    const current = h('input', { type: 'password', id: 'current-password', autocomplete: 'current-password' });
    const next = h('input', { type: 'password', id: 'new-own-password', autocomplete: 'new-password', maxlength: 72 });
    const repeat = h('input', { type: 'password', id: 'repeat-own-password', autocomplete: 'new-password', maxlength: 72 });
    const submit = h('button', { type: 'submit', class: 'button primary' }, '修改密码');
    const form = h('form', { class: 'card narrow' }, messageBox,
      field('当前密码', current), field('新密码', next, PASSWORD_HINT), field('再次输入新密码', repeat),
      h('div', { class: 'button-row' }, submit));
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (next.value !== repeat.value) {
        Ui.showError(messageBox, new Error('两次输入的新密码不一致'));
        return;
      }
      Ui.busy(submit, async () => {
        try {
          await Api.post('/api/console/auth/password', { currentPassword: current.value, newPassword: next.value });
          form.reset();
          Ui.showSuccess(messageBox, '密码已修改，下次登录请使用新密码。');
        } catch (error) {
          Ui.showError(messageBox, error);
        }
      });
    });
    const user = App.user();
    if (!App.hasRole('REVIEWER', 'ADMIN')) {
      container.appendChild(Ui.message('info', `${user.displayName}，您好。您的账号（${user.roles.map(r => r.label).join('、')}）目前在本控制台只能修改密码。`));
    }
    container.append(pageHeader('修改密码'), form);
  }

  return {
    login, dashboard, reviewQueue, filingDetail, registry, enforcement, staff, exports, password,
  };
})();
