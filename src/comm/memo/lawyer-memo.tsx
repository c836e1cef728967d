import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { MemoClientStatus, MemoDetail, MemoPoint, MemoResponse } from '@contract/index';
import { Avatar, Button, Card, Tag, hashPrefix } from '@/components';
import { BackBar } from '@/components/back-bar';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';
import { MemoDocument } from './memo-document';

const STATE_TEXT: {
  readonly [S in MemoClientStatus['state']]: {
    label: string;
    tone: 'success' | 'danger' | 'warning' | 'neutral';
  };
} = {
  confirmed: { label: '已确认', tone: 'success' },
  disputed: { label: '有异议', tone: 'danger' },
  viewed: { label: '已读未确认', tone: 'warning' },
  unread: { label: '未读', tone: 'neutral' },
};

/** A response as the lawyer's evidence lists show it: 第 N 版 · time · 内容指纹 xxxxxxxx. */
function responseLine(r: MemoResponse): string {
  return `第 ${r.versionNo} 版 · ${formatExactTime(r.respondedAt)} · 内容指纹 ${hashPrefix(r.contentHash)}`;
}

const whatDisputed = (r: MemoResponse) => (r.conclusion ? `结论「${r.conclusion.text}」` : '整份备忘录');

function ClientRow({ client }: { client: MemoClientStatus }) {
  const state = STATE_TEXT[client.state];
  return (
    <View className="memo-client" data-testid="memo-client-status" id={`memo-client-${client.userId}`}>
      <Avatar name={client.displayName} size={32} />
      <View className="memo-client__body">
        <View className="row gap">
          <Text className="memo-client__name">{client.displayName}</Text>
          <Tag tone={state.tone}>{state.label}</Tag>
        </View>
        {client.response ? (
          <Text className="muted memo-client__line">{responseLine(client.response)}</Text>
        ) : null}
        {client.response?.kind === 'disputed' ? (
          <Text className="memo-client__reason">
            对{whatDisputed(client.response)}：{client.response.reason}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

/**
 * What a lawyer sees: the memo, where each client stands with the current version, the open disputes with the
 * way to answer them (发布更正版本), every confirmation and dispute, and the versions.
 */
function LawyerMemo({ detail }: { detail: MemoDetail }) {
  const current = detail.current;
  const clients = detail.clients ?? [];
  const openDisputes = detail.openDisputes ?? [];
  const disputedConclusions = new Set(openDisputes.map((d) => d.conclusion?.id).filter(Boolean));
  const correct = () => Taro.navigateTo({ url: routes.correctMemo(detail.id) });
  const conclusionSlot = (point: MemoPoint) =>
    disputedConclusions.has(point.id) ? <Text className="memo-doc__disputed">客户对此条有异议</Text> : null;

  return (
    <View className="page memo-page">
      <BackBar />
      <MemoDocument detail={detail} conclusionSlot={conclusionSlot} />

      {openDisputes.length > 0 ? (
        <Card
          title="待处理的异议"
          id="memo-open-disputes"
          className="memo-disputes"
          extra={<Tag tone="danger">{openDisputes.length}</Tag>}
        >
          {openDisputes.map((d) => (
            <View key={d.responseId} className="memo-dispute" data-testid="memo-open-dispute">
              <Text className="memo-dispute__who">
                {d.displayName} · 第 {d.versionNo} 版 · {formatExactTime(d.respondedAt)}
              </Text>
              <Text className="memo-dispute__what">对{whatDisputed(d)}有异议</Text>
              <Text className="memo-dispute__reason pre-wrap">理由：{d.reason}</Text>
            </View>
          ))}
          <Button id="memo-correct-disputes" type="primary" block onClick={correct}>
            发布更正版本
          </Button>
        </Card>
      ) : (
        <View className="actions">
          <Button id="memo-correct" onClick={correct}>
            更正备忘录
          </Button>
        </View>
      )}

      <Card
        title="客户确认情况"
        id="memo-clients"
        extra={`${clients.filter((c) => c.state === 'confirmed').length}/${clients.length} 已确认第 ${current.versionNo} 版`}
      >
        {clients.length === 0 ? (
          <Text className="muted">案件还没有客户。邀请客户加入后，这里会显示确认情况。</Text>
        ) : null}
        {clients.map((c) => (
          <ClientRow key={c.userId} client={c} />
        ))}
      </Card>

      <Card title="确认与异议记录" id="memo-responses" extra={`共 ${detail.responses.length} 条`}>
        {detail.responses.length === 0 ? <Text className="muted">还没有客户确认或提出异议。</Text> : null}
        {detail.responses.map((r) => (
          <View key={r.responseId} className="memo-response" data-testid="memo-response">
            <View className="row gap">
              <Text className="memo-response__name">{r.displayName}</Text>
              <Tag tone={r.kind === 'confirmed' ? 'success' : 'danger'}>
                {r.kind === 'confirmed' ? '确认' : '异议'}
              </Tag>
              {r.kind === 'disputed' && r.resolvedByVersionNo ? (
                <Tag>第 {r.resolvedByVersionNo} 版已回应</Tag>
              ) : null}
            </View>
            <Text className="muted memo-response__line">{responseLine(r)}</Text>
            {r.kind === 'disputed' ? (
              <Text className="memo-response__reason">
                对{whatDisputed(r)}：{r.reason}
              </Text>
            ) : null}
          </View>
        ))}
      </Card>

      <Card title="版本记录" id="memo-versions">
        <Text className="muted memo-page__note">
          已发布的版本不会被修改；更正会生成新版本，客户需重新确认。
        </Text>
        {detail.versions.map((v) => (
          <View key={v.versionNo} className="memo-version" data-testid="memo-version">
            <View className="memo-version__head">
              <Text className="memo-version__no">
                第 {v.versionNo} 版{v.versionNo === current.versionNo ? '（当前）' : ''}
              </Text>
              <Text className="muted">{formatExactTime(v.publishedAt)}</Text>
            </View>
            <Text className="muted">
              {v.authorName} · 内容指纹 {hashPrefix(v.contentHash)}
            </Text>
            <Text className="memo-version__note">
              {v.correctionReason ? `更正说明：${v.correctionReason}` : '首次发布'}
            </Text>
          </View>
        ))}
      </Card>
    </View>
  );
}

export default observer(LawyerMemo);
