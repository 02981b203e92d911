/** Base styles, inlined: system fonts only (no web fonts from elsewhere), high contrast. */
export const baseCss = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--accent:#0b5394;--line:#d0d7de;--sample:#7a4b00}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"Hiragino Sans","Noto Sans JP","Yu Gothic UI",Meiryo,sans-serif;color:var(--fg);background:var(--bg);line-height:1.7}
main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
:focus-visible{outline:3px solid #e36209;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.hero{border-bottom:2px solid var(--line);margin-bottom:1.5rem}
.slogan{font-size:1.4rem;font-weight:700}
.en{color:var(--muted);font-size:.9em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;list-style:none;padding:0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.tree>li{margin-bottom:1.5rem}
.badge{display:inline-block;border:1px solid currentColor;border-radius:.25rem;padding:0 .3rem;font-size:.8rem}
.sample{color:var(--sample)}
dt{font-weight:700}
@media print{.skip{display:none}a{color:inherit}}
`;
