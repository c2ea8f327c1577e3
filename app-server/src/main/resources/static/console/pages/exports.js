/* 导出: start an .xlsx export of the registry or the enforcement records, follow its progress,
 * download it. The exports started in this window are remembered (sessionStorage) and shown again. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, townships } from '../reference.js';
import { card, messageBox, onSubmit } from './skeleton.js';

const { h, clear, field, select } = Ui;

const EXPORTS_KEY = 'console.exports';

export default {
  route: 'exports',
  nav: '导出',
  title: '导出',
  roles: ['ADMIN'],
  load: () => townships().catch(() => []),
  async render(container, names, ctx) {
    const box = messageBox('export-message');
    const jobs = h('div', { id: 'export-jobs' });
    container.append(box, exportForm(names, box, job => jobs.prepend(exportJob(job, ctx))),
      card('最近的导出（本窗口）', jobs,
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
  },
};

function rememberedExports() {
  try {
    return JSON.parse(sessionStorage.getItem(EXPORTS_KEY) || '[]');
  } catch (e) {
    return [];
  }
}

function remember(id) {
  sessionStorage.setItem(EXPORTS_KEY, JSON.stringify([id, ...rememberedExports().filter(other => other !== id)].slice(0, 10)));
}

function exportForm(names, box, started) {
  const kindRegistry = h('input', { type: 'radio', name: 'kind', value: 'REGISTRY', id: 'export-kind-registry', checked: true });
  const kindEnforcement = h('input', { type: 'radio', name: 'kind', value: 'ENFORCEMENT', id: 'export-kind-enforcement' });
  const status = select('status', Ui.optionsOf(Labels.status, '全部状态'), '', { id: 'export-status' });
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
  // the filters apply to the registry only
  const syncFilters = () => {
    filters.hidden = !kindRegistry.checked;
  };
  kindRegistry.addEventListener('change', syncFilters);
  kindEnforcement.addEventListener('change', syncFilters);
  return onSubmit(form, submit, box, async () => {
    const kind = kindRegistry.checked ? 'REGISTRY' : 'ENFORCEMENT';
    const body = { kind, fullIdNumbers: fullIds.checked };
    if (kind === 'REGISTRY') {
      if (status.value) body.status = status.value;
      if (township.value) body.township = township.value;
      if (text.value.trim()) body.text = text.value.trim();
    }
    const job = await Api.post('/api/console/admin/exports', body);
    clear(box);
    remember(job.id);
    started(job);
  });
}

/** One export with a progress bar, polled until it is done or failed (or the user has left the page). */
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
      // a finished or failed job is not asked again
      if (current.status === 'RUNNING') setTimeout(poll, 700);
    } catch (error) {
      clear(detail).appendChild(Ui.message('error', error.message));
    }
  };
  if (job.status === 'RUNNING') setTimeout(poll, 500);
  return item;
}
