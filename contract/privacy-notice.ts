import { PRIVACY_NOTICE_EFFECTIVE, PRIVACY_NOTICE_VERSION } from './privacy-version';

export { PRIVACY_NOTICE_EFFECTIVE, PRIVACY_NOTICE_VERSION };

/** One section of the notice: a heading and its paragraphs (plain text, shown as written). */
export interface NoticeSection {
  key: string;
  heading: string;
  paragraphs: readonly string[];
}

/**
 * 律程用户隐私保护指引: the one text the notice page shows and whose version the server records with each
 * consent. Every statement here must be true of this code base; change the version when the text changes.
 */
export const PRIVACY_NOTICE: {
  title: string;
  version: string;
  effective: string;
  sections: NoticeSection[];
} = {
  title: '律程用户隐私保护指引',
  version: PRIVACY_NOTICE_VERSION,
  effective: PRIVACY_NOTICE_EFFECTIVE,
  sections: [
    {
      key: 'who',
      heading: '一、谁在处理您的个人信息',
      paragraphs: [
        '「律程」是律师事务所与其客户之间书面沟通案件进展的工具。您的个人信息由为您办理案件的律师事务所作为个人信息处理者决定处理目的和方式；运营本应用的一方按律师事务所的委托存储和处理这些信息，不将其用于其他目的。',
        '一个「律程」部署只服务一家律师事务所。律所名称见承办律师的执业信息。',
      ],
    },
    {
      key: 'what',
      heading: '二、我们收集哪些信息，为什么收集',
      paragraphs: [
        '微信身份标识（openid）：识别您是谁，让您只能看到自己参与的案件。我们不获取您的微信昵称、头像或手机号。',
        '姓名：律师邀请您时填写的称呼，以及律师本人的姓名，用于在案件中显示谁发布、谁知悉。',
        '律师的执业信息：律所、执业证号、电话、办公时间，以及律师选择向客户展示的联系方式。',
        '您在案件中写下和确认的内容：知悉回执、提问、请求、异议、配合事项的完成说明。案件事实可能涉及敏感个人信息（如健康、财产、家庭或涉诉情况），只在您的案件内供承办律师和您查看。',
        '知悉和查看时的设备信息（平台、机型、系统和微信版本）与来源 IP 地址：与回执一起保存，作为「谁在何时何处确认了什么」的证据。',
        '同意记录：您同意或撤回本指引的时间和版本。',
      ],
    },
    {
      key: 'basis',
      heading: '三、处理依据与保存期限',
      paragraphs: [
        '我们依据您的同意，以及为订立、履行您与律师事务所之间的委托合同所必需（《个人信息保护法》第十三条）处理上述信息。处理敏感个人信息前，我们在此单独告知其必要性：律师需要了解案件事实才能为您提供法律服务。',
        '律师事务所负有保存执业档案的义务（律师和律师事务所管理规定中的业务档案要求）。因此，案件记录——已发布的进展、告知书、沟通备忘、您的知悉回执（含当时记录的姓名、设备信息和 IP 地址）、提问、请求和异议——在案件办结后仍按律所档案制度保存，不因注销账号而删除。',
        '与案件记录无关的信息（登录会话、律师执业信息、通知授权次数）在注销账号时删除。',
      ],
    },
    {
      key: 'rights',
      heading: '四、您的权利和行使方式',
      paragraphs: [
        '查阅、复制：在「我的数据」中点「下载我的数据」，获得一份包含您的账号、同意记录、参与的案件，以及您写下和确认的全部内容的 JSON 文件。',
        '更正：律师可在「执业信息」中修改自己的信息。客户的称呼目前不能在应用内修改，如有错误请告知承办律师。已发布的记录不可修改，更正以新版本的方式进行并保留原版本。',
        '撤回同意：在「我的数据」中点「撤回同意」。撤回后应用立即退出登录、不再处理您的信息，下次使用时会重新征求您的同意；撤回不影响撤回前已进行的处理。',
        '删除（注销账号）：客户可在「我的数据」中注销账号。注销后您的称呼显示为「已注销用户」，登录会话被删除，您的微信身份不再关联原账号；律所依法须保存的案件记录按第三节保留。承办案件的律师需先由律所将案件转交他人后才能注销。',
      ],
    },
    {
      key: 'sharing',
      heading: '五、共享与安全',
      paragraphs: [
        '我们不向案件之外的任何人提供您的个人信息，法律另有规定的除外。案件内容只对该案件的成员可见。',
        '应用调用的微信隐私接口：剪贴板（复制邀请码、核验指纹、联系方式）。首次使用前会先征得您的同意。',
        '服务器日志不记录姓名、电话、内容或凭据。',
      ],
    },
    {
      key: 'contact',
      heading: '六、联系我们',
      paragraphs: [
        '对本指引或您的个人信息有任何疑问、意见或投诉，请联系承办律师或其所在律师事务所。',
        '本指引更新时，我们会在您下次使用时展示新版本并重新征求您的同意。',
      ],
    },
  ],
};
