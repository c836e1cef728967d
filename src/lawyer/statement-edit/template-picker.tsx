import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { StatementDetail, StatementTemplate } from '@contract/index';
import { BasisLine, Button, Card, STATEMENT_SECTIONS, Skeleton, Tag } from '@/components';
import { BackBar } from '@/components/back-bar';
import { toastFailure } from '@/feedback/toast';
import { useRequestId } from '@/feedback/use-request-id';
import { useStores } from '@/stores';
import { ChoiceChips } from '../choice-chips';

/** Templates of one family (民间借贷, 劳动争议 …): one per side the lawyer may represent, or one for all. */
export interface TemplateFamily {
  key: string;
  name: string;
  /** Whether it is written for this case's type. */
  fits: boolean;
  templates: StatementTemplate[];
}

/** A template's name without its side (「劳动争议（劳动者）」 → 「劳动争议」), for the family's heading. */
function familyName(template: StatementTemplate): string {
  if (!template.side) return template.name;
  const label = template.side.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bare = template.name.replace(new RegExp(`\\s*[（(·—-]?\\s*${label}\\s*[）)]?\\s*`), '').trim();
  return bare || template.name;
}

/** Templates grouped by family, in the order they come; families written for this case's type first. */
export function templateFamilies(
  templates: StatementTemplate[],
  caseType: string | undefined,
): TemplateFamily[] {
  const families = new Map<string, TemplateFamily>();
  for (const template of templates) {
    const family = families.get(template.family);
    const fits = caseType ? template.caseTypes.includes(caseType) : false;
    if (family) {
      family.templates.push(template);
      family.fits ||= fits;
    } else {
      families.set(template.family, {
        key: template.family,
        name: familyName(template),
        fits,
        templates: [template],
      });
    }
  }
  const all = [...families.values()];
  return [...all.filter((f) => f.fits), ...all.filter((f) => !f.fits)];
}

/** The sides a family offers, when there is a choice to make. */
const sidesOf = (family: TemplateFamily) =>
  family.templates.length > 1 ? family.templates.map((t) => t.side?.label ?? t.name) : [];

function FamilyCard({ family, onOpen }: { family: TemplateFamily; onOpen: () => void }) {
  const first = family.templates[0];
  const sides = sidesOf(family);
  return (
    <Card id={`template-family-${family.key}`} className="template-card" onClick={onOpen}>
      <View className="template-card__head">
        <Text className="template-card__name">{family.name}</Text>
        {family.fits ? <Tag tone="success">适用于本案类型</Tag> : null}
      </View>
      {sides.length > 0 ? (
        <Text className="template-card__sides">
          分{sides.length}方：{sides.join(' / ')}
        </Text>
      ) : null}
      <Text className="muted template-card__desc">
        {STATEMENT_SECTIONS.map(({ key, label }) => `${label} ${first.content.sections[key].length}`).join(
          ' · ',
        )}
      </Text>
    </Card>
  );
}

/** The template's content as the client would get it, item by item with each 依据. */
function TemplatePreview({ template }: { template: StatementTemplate }) {
  const { content } = template;
  return (
    <Card id="template-preview" className="template-preview">
      <Text className="template-preview__title">{content.title}</Text>
      {content.intro ? <Text className="template-preview__intro pre-wrap">{content.intro}</Text> : null}
      {STATEMENT_SECTIONS.map(({ key, label }) =>
        content.sections[key].length === 0 ? null : (
          <View key={key} className={`template-preview__section template-preview__section--${key}`}>
            <Text className="template-preview__label">
              {label}（{content.sections[key].length} 条）
            </Text>
            {content.sections[key].map((item, index) => (
              <View key={item.id} className="template-preview__item" data-testid="preview-item">
                <Text className="template-preview__text">
                  {index + 1}. {item.text}
                </Text>
                <BasisLine basis={item.basis} />
              </View>
            ))}
          </View>
        ),
      )}
      <Text className="muted template-preview__note">开始后可逐条修改、删除或补充，发布前客户看不到。</Text>
    </Card>
  );
}

/**
 * One family, chosen: asks 「您代理哪一方？」 when the family has sides (none preselected: a wrong side would
 * tell the client the other party's risks), previews the chosen template and starts the draft from it.
 */
function FamilyChoice({
  family,
  busy,
  onBack,
  onStart,
}: {
  family: TemplateFamily;
  busy: boolean;
  onBack: () => void;
  onStart: (templateKey: string) => void;
}) {
  const single = family.templates.length === 1 ? family.templates[0] : null;
  const [chosenKey, setChosenKey] = useState<string | null>(single?.key ?? null);
  const chosen = family.templates.find((t) => t.key === chosenKey) ?? null;
  return (
    <View className="page template-choice" id="template-choice">
      <Text className="link detail-back template-choice__back" id="template-back" onClick={onBack}>
        ‹ 全部模板
      </Text>
      <Card>
        <Text className="detail-title">{family.name}</Text>
        <View className="tag-row">
          {family.fits ? <Tag tone="success">适用于本案类型</Tag> : null}
          {single?.side ? <Tag tone="brand">{single.side.label}</Tag> : null}
        </View>
        {single ? null : (
          <View className="template-choice__sides" id="template-sides">
            <Text className="template-choice__question">您代理哪一方？</Text>
            <ChoiceChips<string | null>
              choices={family.templates.map((t) => ({
                value: t.key,
                label: t.side?.label ?? t.name,
                id: `side-option-${t.side?.key ?? t.key}`,
              }))}
              value={chosenKey}
              onChange={setChosenKey}
            />
            <Text className="muted template-choice__why">
              不同的一方，最坏情况、工作内容和需要配合的事项都不同。
            </Text>
          </View>
        )}
      </Card>
      {chosen ? (
        <TemplatePreview template={chosen} />
      ) : (
        <Text className="muted template-choice__wait">选择后显示该方的告知书内容。</Text>
      )}
      <View className="template-choice__bar">
        <Button
          id="template-start"
          type="primary"
          block
          disabled={!chosen}
          loading={busy}
          onClick={() => chosen && onStart(chosen.key)}
        >
          从此模板开始
        </Button>
      </View>
    </View>
  );
}

/** Step one of a new statement: a family of templates (then its side), or 空白. */
export const TemplatePicker = observer(function TemplatePicker({
  caseId,
  onCreated,
}: {
  caseId: string;
  onCreated: (d: StatementDetail) => void;
}) {
  const { statements, caseDetails } = useStores();
  const [busy, setBusy] = useState(false);
  const [familyKey, setFamilyKey] = useState<string | null>(null);
  const requestId = useRequestId();
  const caseType = caseDetails.detail(caseId)?.caseType;
  const create = async (templateKey: string | null) => {
    if (busy) return;
    setBusy(true);
    try {
      const detail = await statements.createDraft(caseId, templateKey, { requestId: requestId.take() });
      requestId.settle();
      onCreated(detail);
    } catch (e) {
      requestId.settle(e);
      toastFailure(e);
    } finally {
      setBusy(false);
    }
  };
  if (!statements.templates) {
    return (
      <View className="page">
        <BackBar />
        <Skeleton cards={3} rows={2} />
      </View>
    );
  }
  const families = templateFamilies(statements.templates, caseType);
  const family = families.find((f) => f.key === familyKey);
  if (family) {
    return (
      <FamilyChoice
        key={family.key}
        family={family}
        busy={busy}
        onBack={() => setFamilyKey(null)}
        onStart={(key) => void create(key)}
      />
    );
  }
  return (
    <View className="page" id="template-picker">
      <BackBar />
      <Text className="section-title">选择模板{caseType ? `（本案：${caseType}）` : ''}</Text>
      {families.map((f) => (
        <FamilyCard key={f.key} family={f} onOpen={() => setFamilyKey(f.key)} />
      ))}
      <Card id="template-blank" className="template-card" onClick={() => void create(null)}>
        <View className="template-card__head">
          <Text className="template-card__name">空白</Text>
          {busy ? <Text className="muted">创建中…</Text> : null}
        </View>
        <Text className="muted template-card__desc">从零开始逐条填写四个部分</Text>
      </Card>
    </View>
  );
});
