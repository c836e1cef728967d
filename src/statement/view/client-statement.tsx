import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { StatementDetail, VersionDiff } from '@contract/index';
import { ERROR_MESSAGES } from '@contract/errors';
import { isApiFailure } from '@/api';
import { BackBar } from '@/components/back-bar';
import { Button, Card, STATEMENT_SECTIONS, indexChanges } from '@/components';
import { NotifyPrompt } from '@/components/notify-prompt';
import { toastFailure, toastSuccess } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useStores } from '@/stores';
import { ReceiptCard } from '../receipt-card';
import { firstUnchecked, sectionProgress, toggleItem, versionItemIds } from './ack-progress';
import { AskForm } from './ask-form';
import { bringIntoView } from './bring-into-view';
import { ItemCard } from './item-card';
import { StatementHeader } from './statement-header';

type Current = NonNullable<StatementDetail['current']>;

function ChangesBanner({ diff, changeNote }: { diff: VersionDiff; changeNote: string | null }) {
  const count = (kind: string) => diff.items.filter((i) => i.change === kind).length;
  const parts = [
    ['新增', count('added')],
    ['修改', count('changed')],
    ['删除', count('removed')],
  ]
    .filter(([, n]) => Number(n) > 0)
    .map(([label, n]) => `${label} ${n} 条`);
  return (
    <View className="statement-banner" id="statement-changes">
      <Text className="statement-banner__title">本次修订</Text>
      <Text className="statement-banner__text">
        自您知悉的第 {diff.fromVersionNo} 版以来，律师修订为第 {diff.toVersionNo} 版
        {parts.length > 0 ? `：${parts.join('，')}` : ''}
        {diff.titleChanged ? '；标题有调整' : ''}
        {diff.introChanged ? '；说明有调整' : ''}。变化已在下方标出，请重新逐条阅读并知悉。
      </Text>
      {changeNote ? <Text className="statement-banner__note">修订说明：{changeNote}</Text> : null}
    </View>
  );
}

/**
 * What a client sees: each item as a card to tick 我已阅读并知悉 (the whole item is the tap target), each
 * section's progress (「最坏情况 1/2」), a bar fixed at the bottom with the count (「已勾选 12/19」), 下一条 to the
 * first unticked item and 提交知悉回执 once every item is ticked; afterwards the receipt, brought into view and
 * announced. Keyed by version in the page, so a new version starts unticked.
 */
function ClientStatement({ detail, current }: { detail: StatementDetail; current: Current }) {
  const { statements } = useStores();
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [superseded, setSuperseded] = useState(false);
  // Set once this page submitted the receipt: it is then brought into view and announced.
  const [announcement, setAnnouncement] = useState('');
  const { busy, run } = useSubmission();

  const acknowledged = detail.myReceipt?.versionNo === current.versionNo ? detail.myReceipt : null;
  const itemIds = versionItemIds(current.content);
  const checkedCount = itemIds.filter((id) => checked.has(id)).length;
  const allChecked = itemIds.length > 0 && checkedCount === itemIds.length;
  const progress = new Map(sectionProgress(current.content, checked).map((p) => [p.key, p]));
  const nextItem = firstUnchecked(itemIds, checked);
  const { byItem, removed } = indexChanges(acknowledged ? null : detail.changesSinceMyAck);

  useEffect(() => {
    if (announcement && acknowledged) bringIntoView('my-receipt', { focus: true });
  }, [announcement, acknowledged]);

  const acknowledge = async () => {
    if (!allChecked) return;
    await run((options) => statements.acknowledge(detail.id, current.versionNo, itemIds, options), {
      onSuccess: (receipt) => {
        toastSuccess('已提交知悉回执');
        setAnnouncement(`已提交知悉回执：第 ${receipt.versionNo} 版，回执在页面顶部`);
      },
      onFailure: (e) => {
        if (isApiFailure(e) && e.code === 'STATEMENT.SUPERSEDED') setSuperseded(true);
        else toastFailure(e);
      },
    });
  };

  const questionsFor = (itemId: string) => detail.questions.filter((q) => q.itemId === itemId);

  return (
    <View className="page statement-page">
      <BackBar />
      {/* Always in the page, so a screen reader announces what is put into it. */}
      <View className="visually-hidden" role="status" aria-live="polite" id="statement-announcer">
        {announcement}
      </View>
      {acknowledged ? <ReceiptCard receipt={acknowledged} id="my-receipt" /> : null}
      {acknowledged ? <NotifyPrompt /> : null}
      <StatementHeader detail={detail} current={current} />
      {!acknowledged && detail.changesSinceMyAck ? (
        <ChangesBanner diff={detail.changesSinceMyAck} changeNote={current.changeNote} />
      ) : null}
      {!acknowledged ? (
        <Text className="statement-page__how">
          请逐条阅读，每条勾选「我已阅读并知悉」后提交知悉回执。知悉表示您已阅读并了解，不表示同意；有疑问可在该条下提问，律师会书面回复。
        </Text>
      ) : null}

      {STATEMENT_SECTIONS.map(({ key, label }) => {
        const items = current.content.sections[key];
        if (items.length === 0 && removed[key].length === 0) return null;
        const section = progress.get(key);
        return (
          <Card
            key={key}
            title={label}
            extra={
              !acknowledged && section ? (
                <Text
                  id={`section-progress-${key}`}
                  className={`statement-section__progress ${
                    section.checked === section.total ? 'statement-section__progress--done' : ''
                  }`}
                  aria-label={`${label}：已勾选 ${section.checked}/${section.total}`}
                >
                  {section.checked === section.total ? '✓ ' : ''}
                  {section.checked}/{section.total}
                </Text>
              ) : undefined
            }
            id={`section-${key}`}
            className={`statement-section statement-section--${key}`}
          >
            {items.map((item) => (
              <ItemCard
                key={item.id}
                itemId={item.id}
                text={item.text}
                basis={item.basis}
                change={byItem.get(item.id)}
                questions={questionsFor(item.id)}
                checkbox={
                  acknowledged
                    ? undefined
                    : {
                        checked: checked.has(item.id),
                        onToggle: () => setChecked(toggleItem(checked, item.id)),
                      }
                }
                askSlot={<AskForm statementId={detail.id} versionNo={current.versionNo} itemId={item.id} />}
              />
            ))}
            {removed[key].map((change) => (
              <ItemCard
                key={change.itemId}
                itemId={change.itemId}
                text={null}
                change={change}
                questions={[]}
              />
            ))}
          </Card>
        );
      })}

      {superseded ? (
        <Card className="statement-superseded" id="statement-superseded">
          <Text className="statement-superseded__text">{ERROR_MESSAGES['STATEMENT.SUPERSEDED']}</Text>
          <Button id="load-latest" type="primary" block onClick={() => void statements.load(detail.id)}>
            查看最新版本
          </Button>
        </Card>
      ) : null}

      {!acknowledged && !superseded ? (
        <View className="statement-ack-bar" id="ack-bar">
          <Text className="statement-ack-bar__count" id="ack-count">
            已勾选 {checkedCount}/{itemIds.length}
          </Text>
          {nextItem ? (
            <Button
              id="ack-next"
              type="plain"
              className="statement-ack-bar__next"
              onClick={() => bringIntoView(`item-${nextItem}`)}
            >
              下一条
            </Button>
          ) : null}
          <Button
            id="ack-submit"
            type="primary"
            disabled={!allChecked}
            loading={busy}
            onClick={() => void acknowledge()}
          >
            提交知悉回执
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default observer(ClientStatement);
