/**
 * The Digital Agency design system's tokens (@digital-go-jp/design-tokens,
 * デジタル庁デザインシステム) as CSS custom properties, read from the package
 * at server start and inlined with the base styles. Only the tokens the site
 * uses are emitted. The package has colours, font sizes, line heights, radii
 * and elevation; it has no spacing tokens, so spacing follows the design
 * system's 8px grid written here (--space-*), and its font family (Noto Sans
 * JP, a web font) is used only when installed: nothing is fetched.
 */
import tokens from '@digital-go-jp/design-tokens';

interface Token {
  $value?: unknown;
}

const primitive = tokens.Color.Primitive as unknown as Record<string, Record<string, Token>>;
const solidGray = tokens.Color.Neutral.SolidGray as unknown as Record<string, Token>;

function colour(family: string, step: string): string {
  const v = primitive[family]?.[step]?.$value;
  if (typeof v !== 'string') throw new Error(`design token Color.Primitive.${family}.${step} missing`);
  return v;
}

function gray(step: string): string {
  const v = solidGray[step]?.$value;
  if (typeof v !== 'string') throw new Error(`design token Color.Neutral.SolidGray.${step} missing`);
  return v;
}

/** The design system's sans family, then the system's Japanese fonts (nothing is downloaded). */
export const fontFamily = `${String(tokens.FontFamily.Sans.$value).replace(/,\s*sans-serif$/, '')},system-ui,"Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif`;

/** The site's variables, each named for its role, valued from the design system. */
export function tokenCss(): string {
  const vars: Record<string, string> = {
    // Key colour: blue 900 (#0017c1) is the design system's primary; 1000 for hover/visited.
    '--accent': colour('Blue', '900'),
    '--accent-strong': colour('Blue', '1000'),
    '--accent-soft': colour('Blue', '50'),
    '--fg': gray('900'),
    '--muted': gray('700'),
    '--line': gray('420'),
    '--soft': gray('50'),
    '--focus': colour('Yellow', '300'),
    '--focus-ring': colour('Blue', '800'),
    '--success': colour('Green', '900'),
    '--success-soft': colour('Green', '50'),
    '--warning': colour('Orange', '900'),
    '--warning-soft': colour('Orange', '50'),
    '--error': colour('Red', '900'),
    '--error-soft': colour('Red', '50'),
    '--neutral-soft': gray('100'),
    '--sample': colour('Orange', '1000'),
    '--space-1': '0.25rem',
    '--space-2': '0.5rem',
    '--space-3': '0.75rem',
    '--space-4': '1rem',
    '--space-6': '1.5rem',
    '--space-8': '2rem',
    '--fs-14': tokenValue(tokens.FontSize, '14'),
    '--fs-16': tokenValue(tokens.FontSize, '16'),
    '--fs-18': tokenValue(tokens.FontSize, '18'),
    '--fs-20': tokenValue(tokens.FontSize, '20'),
    '--fs-24': tokenValue(tokens.FontSize, '24'),
    '--fs-28': tokenValue(tokens.FontSize, '28'),
    '--fs-36': tokenValue(tokens.FontSize, '36'),
    '--fs-45': tokenValue(tokens.FontSize, '45'),
    '--lh-130': tokenValue(tokens.LineHeight, '130'),
    '--lh-150': tokenValue(tokens.LineHeight, '150'),
    '--lh-170': tokenValue(tokens.LineHeight, '170'),
    '--radius-8': tokenValue(tokens.BorderRadius, '8'),
    '--radius-12': tokenValue(tokens.BorderRadius, '12'),
    '--elevation-1': tokenValue(tokens.Elevation, '1'),
  };
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';')}}`;
}

function tokenValue(group: unknown, key: string): string {
  const v = (group as Record<string, Token> | undefined)?.[key]?.$value;
  if (v === undefined || v === null) throw new Error(`design token ${key} missing`);
  return typeof v === 'string' ? v : String(v);
}
