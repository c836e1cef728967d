import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ClientRequest } from '@contract/index';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';
import { RequestTags } from './request-tags';
import './request-ui.scss';

/** One request in a list: its tags, the first lines of what was asked, who asked and when. */
export function RequestRow({
  request,
  isLawyer,
  now,
}: {
  request: ClientRequest;
  isLawyer: boolean;
  now: number;
}) {
  const meta = [
    isLawyer ? request.askedByName : null,
    `提交于 ${formatExactTime(request.askedAt)}`,
    request.status === 'open' && request.promisedBy
      ? `承诺 ${formatExactTime(request.promisedBy)} 前回复`
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <View
      className="request-row"
      id={`request-row-${request.id}`}
      data-testid="request-row"
      data-status={request.status}
      data-overdue={request.overdue ? 'true' : 'false'}
      hoverClass="request-row--hover"
      onClick={() => Taro.navigateTo({ url: routes.request(request.id) })}
    >
      <View className="tag-row">
        <RequestTags request={request} isLawyer={isLawyer} now={now} />
      </View>
      <Text className="request-row__body">{request.body}</Text>
      <Text className="muted request-row__meta">{meta}</Text>
    </View>
  );
}
