import { Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE } from '@contract/privacy-notice';

/** The notice as written in the contract: the same text whose version the server records with each consent. */
export function NoticeText() {
  return (
    <View className="notice" id="privacy-notice">
      <Text className="notice__title">{PRIVACY_NOTICE.title}</Text>
      <Text className="notice__version muted" id="privacy-notice-version">
        版本 {PRIVACY_NOTICE.version} · {PRIVACY_NOTICE.effective}生效
      </Text>
      {PRIVACY_NOTICE.sections.map((section) => (
        <View key={section.key} className="notice__section" id={`notice-${section.key}`}>
          <Text className="notice__heading">{section.heading}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className="notice__paragraph">
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
