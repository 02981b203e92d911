/** Bilingual text: Japanese first, English beside it with its own lang attribute. */
import type { Text } from '@mirai/core';

export function T({ text, en = true }: { text: Text; en?: boolean }) {
  return (
    <>
      <span lang="ja">{text.ja}</span>
      {en && text.en ? (
        <span lang="en" className="en">
          {' '}
          {text.en}
        </span>
      ) : null}
    </>
  );
}

export function SampleBadge({ sample }: { sample?: boolean | undefined }) {
  return sample ? (
    <span className="badge sample" title="説明用のサンプルデータ / Illustrative sample data">
      サンプル <span lang="en">Sample</span>
    </span>
  ) : null;
}
