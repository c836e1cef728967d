export { Avatar } from './avatar';
export { Badge } from './badge';
export { Button, type ButtonProps } from './button';
export { Card } from './card';
export { EmptyState } from './empty-state';
export {
  CHAIN_NOTE,
  EvidenceDisclosure,
  FINGERPRINT_NOTE,
  chainRows,
  fingerprintRows,
  type EvidenceRow,
} from './evidence-disclosure';
export { Field, FormError, charCount } from './field';
export { TextArea } from './text-area';
export { RelativeTime } from './relative-time';
export { Skeleton } from './skeleton';
export { STATEMENT_LIMITS, STATEMENT_SECTIONS, hashPrefix } from './statement-sections';
export {
  StageTracker,
  stageChangeText,
  stagesWithStatus,
  STAGE_STATUS_LABELS,
  type TrackerStage,
} from './stage-tracker';
export { Tag } from './tag';
// After Tag, which it imports: the barrel's order is the CSS order (mini-css-extract warns when pages disagree).
export {
  BasisLine,
  ItemDiff,
  basisChanged,
  indexChanges,
  textChanged,
  type ItemChangeWithBasis,
} from './item-diff';
export { TimelineItem } from './timeline-item';
