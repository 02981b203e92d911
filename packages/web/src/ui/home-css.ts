/**
 * Styles of the top page's dashboard: goal tiles that keep both goals within
 * the first screen at 1366×900 and at 390×844, the sparkline, strategy cards.
 */
export const homeCss = `
.home .hero{border:0;margin:0 0 var(--space-2)}
.home .hero h1{font-size:var(--fs-28);margin:0}
.home .hero .subtitle{font-size:var(--fs-16);font-weight:400;color:var(--muted)}
.home .municipality{margin:0;color:var(--muted);font-size:var(--fs-14)}
.goals-heading{font-size:var(--fs-18);margin:var(--space-2) 0}
.goal-tiles{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:var(--space-4)}
.tile{border:1px solid var(--line);border-radius:var(--radius-12);padding:var(--space-3) var(--space-4);background:#fff;box-shadow:var(--elevation-1)}
.tile-head{display:flex;justify-content:space-between;align-items:flex-start;gap:var(--space-2);flex-wrap:wrap}
.tile-title{font-size:var(--fs-20);margin:0}
.tile-body{display:grid;grid-template-columns:1fr 45%;gap:var(--space-3);align-items:center}
.tile-value{margin:var(--space-1) 0 0;line-height:var(--lh-130)}
.tile-value .big{font-size:var(--fs-45);font-weight:700;font-variant-numeric:tabular-nums;letter-spacing:-.01em}
.tile-value .unit{font-size:var(--fs-16);color:var(--muted)}
.tile-asof,.tile-outlook,.tile-reason{margin:0;font-size:var(--fs-14);color:var(--muted);line-height:var(--lh-150)}
.tile-facts{display:grid;grid-template-columns:max-content 1fr;gap:0 var(--space-3);margin:var(--space-2) 0 0;font-size:var(--fs-16);line-height:var(--lh-150)}
.tile-facts dt{font-weight:700}.tile-facts dd{margin:0;font-variant-numeric:tabular-nums}
.tile-outlook{color:var(--fg);margin-top:var(--space-1)}
.sparkline{width:100%;height:56px;display:block;overflow:visible}
.spark-line{fill:none;stroke:var(--accent);stroke-width:2}
.spark-ci{stroke:var(--accent);stroke-width:1.5;opacity:.6}
.spark-target{stroke:var(--fg);stroke-width:1;stroke-dasharray:4 3}
.spark-target-dot{fill:#fff;stroke:var(--fg);stroke-width:1.5}
.spark-dot{fill:var(--accent)}.spark-baseline{fill:#fff;stroke:var(--accent);stroke-width:1.5}
.goal-links{display:flex;flex-wrap:wrap;gap:0 var(--space-6);margin:var(--space-2) 0 0}
.goal-links a{display:inline-block;min-height:44px;line-height:44px}
.strategy-cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr));gap:var(--space-4)}
.strategy-card{border:1px solid var(--line);border-radius:var(--radius-8);padding:var(--space-3) var(--space-4)}
.strategy-card h3{margin:0;font-size:var(--fs-20)}.strategy-card .promise{margin:var(--space-1) 0;font-size:var(--fs-14)}
.strategy-card summary{min-height:44px;line-height:44px;cursor:pointer;color:var(--accent)}
.field-list h4{margin:var(--space-2) 0 0;font-size:var(--fs-16)}
@media (max-width:40rem){
.home .hero h1{font-size:var(--fs-20)}
.home .hero .subtitle{display:block;font-size:var(--fs-14)}
.goal-tiles{gap:var(--space-2)}
.tile{padding:var(--space-2) var(--space-3)}
.tile-title{font-size:var(--fs-18)}
.tile-value .big{font-size:var(--fs-36)}
.tile-body{grid-template-columns:minmax(0,1fr) 34%}
.tile-value .unit{font-size:var(--fs-14)}
.tile-facts{font-size:var(--fs-14);margin-top:var(--space-1)}
.home .municipality{font-size:.8rem}
.sparkline{height:44px}
.goals-heading{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
}
`;
