import { Text, View } from '@tarojs/components';
import './avatar.scss';

const TONES = ['#1f4e8c', '#2f7d6d', '#8a5a2b', '#6b4c9a', '#a0443f', '#3d6f99'];

/** The name's first character on a color picked stably from the name. */
export function Avatar({ name, size = 36 }: { name: string; size?: number }) {
  const initial = Array.from(name.trim())[0] ?? '?';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <View
      className="ct-avatar"
      style={{
        width: `${size}px`,
        height: `${size}px`,
        background: TONES[hash % TONES.length],
        fontSize: `${Math.round(size * 0.42)}px`,
      }}
    >
      <Text>{initial}</Text>
    </View>
  );
}
