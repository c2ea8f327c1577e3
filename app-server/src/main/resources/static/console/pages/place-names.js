/* 县（区）与地名: the counties of the city and each county's place-name dictionary, the words that give an account
 * name a local feature (notice §2.3; they apply at once). The city office picks a county (#/place-names?county=411421),
 * adds a county and imports a county's place names; a county office keeps its own county's dictionary. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { currentUser } from '../session.js';
import { leaveNotice, messageBox, onSubmit, showNotice } from './skeleton.js';

const { h, field, select } = Ui;

const KIND_LABELS = {
  COUNTY_NAME: '县名', COUNTY_ALIAS: '县的别称', HISTORIC_NAME: '历史名称', TOWNSHIP_NAME: '乡镇名称',
  TOWNSHIP_ALIAS: '乡镇简称', LOCAL_FEATURE: '本地特征词',
};

const IMPORT_EXAMPLE = '# 每行一个：类别 名称 [所属乡镇]，# 后为注释\n镇 蓼堤镇\n乡 城郊乡\n街道 东关街道\n乡镇简称 蓼堤 蓼堤镇\n'
  + '县名别称 睢州\n历史名称 襄邑\n本地特征 北湖';

export default {
  route: 'place-names',
  nav: '县（区）与地名',
  title: '县（区）与地名词典',
  roles: ['ADMIN'],
  async load(ctx) {
    const county = ctx.params.county || '';
    const [counties, dictionary] = await Promise.all([
      Api.get('/api/console/admin/counties'),
      Api.get('/api/console/admin/place-names', { county }),
    ]);
    return { counties, dictionary };
  },
  render(container, { counties, dictionary }) {
    const box = messageBox('place-name-message');
    showNotice(box);
    const county = dictionary.countyCode;
    const citywide = !!(currentUser() && currentUser().citywide);
    const current = counties.find(c => c.code === county);
    Ui.append(container, [
      citywide ? countyCard(counties, county) : null,
      Ui.message('info', `公众号名称含下列词语之一，即视为具有${current ? current.name : '本县'}显著本地特征（通知第二条第3项），须登记备案。`),
      box,
      newWordForm(county, dictionary.townships, box),
      importForm(county),
      wordTable([
        { title: '词语', render: p => p.term },
        { title: '类别', render: p => KIND_LABELS[p.kind] || p.kind },
        { title: '所属乡镇', render: p => Ui.text(p.township) },
        {
          title: '操作', render: p => h('button', {
            type: 'button', class: 'button small', 'data-remove': p.term,
            onclick: async () => {
              if (!window.confirm(`从词典中删除“${p.term}”？`)) return;
              try {
                await Api.del('/api/console/admin/place-names', { term: p.term, county });
                go('place-names', { county });
              } catch (error) {
                Ui.showError(box, error);
              }
            },
          }, '删除'),
        },
      ], dictionary.placeNames),
    ]);
  },
};

function wordTable(columns, rows) {
  const table = Ui.table(columns, rows, { empty: '词典为空' });
  table.id = 'place-names-table';
  return table;
}

/** The city office: which county's dictionary is shown, the counties with their sizes, and adding a county. */
function countyCard(counties, county) {
  const box = messageBox('county-message');
  const picker = select('county', counties.map(c => [c.code, c.name]), county, { id: 'county-picker' });
  picker.addEventListener('change', () => go('place-names', { county: picker.value }));
  const code = h('input', { name: 'code', id: 'new-county-code', maxlength: 6, inputmode: 'numeric', placeholder: '如：411421' });
  const name = h('input', { name: 'name', id: 'new-county-name', maxlength: 16, placeholder: '如：民权县' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'new-county-submit' }, '新增县（区）');
  const form = h('form', { id: 'new-county' }, box,
    h('div', { class: 'filter-grid' }, field('行政区划代码', code, '6位，须为本市下属县（区）'), field('名称', name)),
    h('div', { class: 'button-row' }, submit));
  onSubmit(form, submit, box, async () => {
    const added = await Api.post('/api/console/admin/counties', { code: code.value.trim(), name: name.value.trim() });
    leaveNotice(`已新增${added.name}（${added.code}），请导入其乡镇和地名。`);
    go('place-names', { county: added.code });
  });
  return h('section', { class: 'card', id: 'counties' }, h('h3', {}, '本市县（区）'),
    field('查看和维护', picker),
    Ui.table([
      { title: '代码', render: c => c.code },
      { title: '名称', render: c => h('a', { href: '#/place-names?county=' + c.code, 'data-county': c.code }, c.name) },
      { title: '乡镇（街道）', render: c => String(c.townships) },
      { title: '地名词', render: c => String(c.placeNames) },
    ], counties, { empty: '暂无县（区）' }),
    form);
}

function newWordForm(county, townships, box) {
  const term = h('input', { name: 'term', id: 'place-name-term', maxlength: 32, required: true, placeholder: '如：恒山湖' });
  const kind = select('kind', Object.entries(KIND_LABELS), 'LOCAL_FEATURE', { id: 'place-name-kind' });
  const township = select('township', [['', '（不属于某个乡镇）'], ...townships.map(t => [t.name, t.name])], '',
    { id: 'place-name-township' });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'place-name-submit' }, '新增');
  const form = h('form', { class: 'card' }, h('h3', {}, '新增地名词'),
    h('div', { class: 'filter-grid' }, field('词语', term), field('类别', kind), field('所属乡镇', township, '乡镇名称、简称须选择')),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    await Api.post('/api/console/admin/place-names' + Api.query({ county }),
      { term: term.value.trim(), kind: kind.value, township: township.value || null });
    go('place-names', { county });
  });
}

/** A list pasted or read from a text file; all of it or nothing is imported, what is there already is skipped. */
function importForm(county) {
  const box = messageBox('import-message');
  const text = h('textarea', { name: 'text', id: 'import-text', rows: 8, placeholder: IMPORT_EXAMPLE });
  const file = h('input', { type: 'file', id: 'import-file', accept: '.txt,.tsv,.csv,text/plain' });
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const submit = h('button', { type: 'submit', class: 'button primary', id: 'import-submit' }, '导入');
  const form = h('form', { class: 'card', id: 'import-place-names' }, h('h3', {}, '导入乡镇和地名'), box,
    field('名单', text, '每行一个：镇、乡、街道、县名、县名别称、历史名称、乡镇名称、乡镇简称或本地特征，后跟名称（乡镇名称、简称再跟所属乡镇），以空格、逗号或制表符分隔；全部无误才导入，已有的跳过'),
    field('或从文本文件读取', file),
    h('div', { class: 'button-row' }, submit));
  return onSubmit(form, submit, box, async () => {
    const result = await Api.post('/api/console/admin/counties/' + county + '/place-names/import', { text: text.value });
    leaveNotice(`已导入：乡镇 ${result.townshipsAdded} 个、地名词 ${result.placeNamesAdded} 个；已有而跳过 ${result.alreadyThere} 项。`);
    go('place-names', { county });
  });
}
