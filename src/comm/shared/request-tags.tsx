import type { ClientRequest, RequestStatus } from '@contract/index';
import { REQUEST_CATEGORY_LABELS } from '@contract/request-kinds';
import { Tag } from '@/components';
import type { TagTone } from '@/components/tag';
import { waitingText } from './request-age';

/** A request's standing in both sides' words. */
export const REQUEST_STATUS_LABELS: { readonly [S in RequestStatus]: string } = {
  open: '待答复',
  answered: '已答复',
  accepted: '已接受',
  declined: '已拒绝',
};

const STATUS_TONES: { readonly [S in RequestStatus]: TagTone } = {
  open: 'warning',
  answered: 'success',
  accepted: 'success',
  declined: 'danger',
};

/**
 * Category, status, and for an open request its age; lawyers also see 已超出承诺时间 in red once the promised
 * reply time has passed (the client is not told twice: they see the promised time on the request).
 */
export function RequestTags({
  request,
  isLawyer,
  now,
}: {
  request: Pick<ClientRequest, 'category' | 'status' | 'askedAt' | 'overdue'>;
  isLawyer: boolean;
  now: number;
}) {
  return (
    <>
      <Tag tone="brand">{REQUEST_CATEGORY_LABELS[request.category]}</Tag>
      <Tag tone={STATUS_TONES[request.status]}>{REQUEST_STATUS_LABELS[request.status]}</Tag>
      {request.status === 'open' ? <Tag>{waitingText(request.askedAt, now)}</Tag> : null}
      {request.status === 'open' && request.overdue && isLawyer ? (
        <Tag tone="danger">已超出承诺时间</Tag>
      ) : null}
    </>
  );
}
