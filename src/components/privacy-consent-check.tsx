import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PRIVACY_PAGE } from '@/navigation/privacy-redirect';
import './privacy-consent-check.scss';

export interface PrivacyConsentCheckProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * 「我已阅读并同意《律程用户隐私保护指引》」: never ticked for the person (consent is their own act); the title opens
 * the full notice, which needs no sign-in.
 */
export function PrivacyConsentCheck({ checked, onChange }: PrivacyConsentCheckProps) {
  return (
    <View
      id="privacy-consent"
      className="privacy-consent"
      role="checkbox"
      aria-checked={checked ? 'true' : 'false'}
      onClick={() => onChange(!checked)}
    >
      <Text
        id="privacy-consent-box"
        className={`privacy-consent__box ${checked ? 'privacy-consent__box--on' : ''}`}
        aria-hidden="true"
      >
        {checked ? '✓' : ''}
      </Text>
      <Text className="privacy-consent__text">
        我已阅读并同意
        <Text
          id="privacy-notice-link"
          className="link"
          onClick={(event) => {
            event.stopPropagation();
            void Taro.navigateTo({ url: PRIVACY_PAGE });
          }}
        >
          《律程用户隐私保护指引》
        </Text>
      </Text>
    </View>
  );
}
