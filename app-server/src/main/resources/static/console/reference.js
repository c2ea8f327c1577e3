/* Reference data the pages share: Chinese labels for the server's codes, the county's townships and the city's counties. */
import { Api } from './api.js';

export const Labels = {
  status: { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已备案', REJECTED: '已退回', REVOKED: '已撤销' },
  formType: { UNIT: '表一（单位及社会团体）', INDIVIDUAL: '表二（个人或个体经营者）' },
  formTypeShort: { UNIT: '单位', INDIVIDUAL: '个人' },
  subjectType: {
    TOWNSHIP: '乡镇（办事处）', ORGAN: '机关', ENTERPRISE: '企业', INSTITUTION: '事业单位', SOCIAL_GROUP: '社会团体',
    COMPANY: '公司', STATIONED_UNIT: '驻县单位', INDIVIDUAL: '个人或个体经营者',
  },
  accountType: { SUBSCRIPTION: '订阅号', SERVICE: '服务号' },
  role: { ADMIN: '管理员', REVIEWER: '审核员', PUBLISHER: '发布员' },
  actor: { OPERATOR: '运营者', STAFF: '工作人员', SYSTEM: '系统' },
  enforcement: {
    PHONE_URGED: '电话督促', WRITTEN_NOTICE: '书面通知', REPORTED_TO_PLATFORM: '报请平台暂停', SUSPENDED: '已暂停',
    CLOSED: '已永久关闭', REFERRED_TO_POLICE: '移交公安机关',
  },
  exportKind: { REGISTRY: '备案台账', ENFORCEMENT: '逾期处置记录' },
  exportStatus: { RUNNING: '正在生成', DONE: '已完成', FAILED: '失败' },
  pushStatus: {
    DRAFT: '草稿', AWAITING_APPROVAL: '待复核', SCHEDULED: '待发送', SENDING: '发送中', SENT: '已发送', CANCELLED: '已取消',
  },
  channel: { INBOX: '收件箱', SUBSCRIBE: '订阅消息', TEMPLATE: '模板消息' },
  audienceKind: { APPROVED: '全部已备案运营者', FILTERED: '按条件筛选', LISTED: '指定运营者', FOLLOWERS: '全部公众号关注者' },
};

/** What a failed delivery's error code means: WeChat's codes, and the pipeline's own (docs/push.md). */
export const DELIVERY_ERRORS = {
  '-1': '微信系统繁忙，多次重试仍未成功',
  40001: '访问令牌无效，重试后仍未成功',
  40003: '接收者 openid 无效',
  40037: '模板 ID 无效，请检查配置',
  43004: '接收者未关注公众号',
  43101: '用户拒绝接收（未订阅或已退订）',
  45009: '接口调用已达当日上限',
  45011: '调用过于频繁，多次重试仍未成功',
  47003: '模板参数不符合微信要求',
  CONFIG: '未配置此渠道的微信模板',
  LEASE: '发送过程中断，为免重复不再重发',
  TIMEOUT: '消息已发出但未收到微信应答，为免重复不再重发',
  NETWORK: '多次无法连接微信服务器',
  REPORT: '微信回报未送达',
  '': '原因不明',
};

/** The server's password rule (PasswordPolicy), shown under every password field. */
export const PASSWORD_HINT = '10至72位，同时包含字母和数字，不能与用户名相同';

/** The township names of a county (public place-name dictionary; none: the default county), loaded once per county. */
const townshipsPromises = new Map();

export function townships(county) {
  const key = county || '';
  if (!townshipsPromises.has(key)) {
    townshipsPromises.set(key, Api.get('/api/regions/dictionary', { county: key })
      .then(dictionary => (dictionary.townships || []).map(t => t.name))
      .catch(error => {
        townshipsPromises.delete(key); // let the next page try again
        throw error;
      }));
  }
  return townshipsPromises.get(key);
}

let countiesPromise = null;

/** The counties of the city, [{code, name, …}] in code order (loaded once). */
export function counties() {
  if (!countiesPromise) {
    countiesPromise = Api.get('/api/regions/counties')
      .then(answer => answer.counties || [])
      .catch(error => {
        countiesPromise = null; // let the next page try again
        throw error;
      });
  }
  return countiesPromise;
}
