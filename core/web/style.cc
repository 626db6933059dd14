// Copyright 2026 The okrd Authors.

#include "core/web/style.h"

#include "core/web/text.h"

namespace okr::web {
namespace {

// Calm colours with AA contrast on white; bands carry text, never colour
// alone. No web fonts: the system stack. Works from 360 px up and in print.
constexpr std::string_view kStyleSheet = R"css(:root {
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --paper: #ffffff;
  --wash: #f6f8fa; --accent: #0b5cad; --on: #116329; --risk: #7d4e00;
  --off: #b3261e; --on-bg: #dafbe1; --risk-bg: #fff1c2; --off-bg: #ffe2e0;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Liberation Sans", Arial, sans-serif;
}
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper);
  padding: .5rem 1rem; }
.skip:focus { left: 0; z-index: 2; }
.site { border-bottom: 1px solid var(--line); background: var(--wash); }
.site .inner, main, .foot .inner { max-width: 72rem; margin: 0 auto;
  padding: .75rem 1rem; }
.site .inner { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem;
  align-items: baseline; justify-content: space-between; }
.brand { margin: 0; font-weight: 700; font-size: 1.1rem; }
.brand a { color: var(--ink); text-decoration: none; }
.cycle-line { margin: 0; color: var(--muted); }
.cycle-line strong { color: var(--ink); }
nav ul { list-style: none; margin: 0; padding: 0; display: flex;
  flex-wrap: wrap; gap: .25rem 1rem; }
nav a { text-decoration: none; font-weight: 600; }
nav a[aria-current="page"] { color: var(--ink); text-decoration: underline;
  text-underline-offset: .3em; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.lede { color: var(--muted); margin-top: -.5rem; }
.level { font-size: .8rem; font-weight: 600; color: var(--muted);
  text-transform: uppercase; letter-spacing: .04em; margin-left: .5rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
.meta { margin: .25rem 0 .5rem; }
.cards { display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem;
  background: var(--paper); break-inside: avoid; }
.card.detail { margin-bottom: 1rem; }
.card h3 a { color: var(--ink); }
.stats { display: flex; flex-wrap: wrap; align-items: center;
  gap: .25rem 1rem; margin: .5rem 0; }
.stats p { margin: 0; }
.progress { display: flex; align-items: center; gap: .5rem;
  min-width: 10rem; flex: 1 1 10rem; }
.progress .value { font-weight: 700; font-variant-numeric: tabular-nums;
  min-width: 3ch; }
svg.bar { width: 100%; height: .5rem; flex: 1; }
.bar-track { fill: #e6e9ec; }
.bar-fill { fill: var(--accent); }
.band { display: inline-block; padding: 0 .5rem; border-radius: 1rem;
  font-size: .85rem; font-weight: 600; border: 1px solid transparent; }
.band::before { content: ""; display: inline-block; width: .55rem;
  height: .55rem; border-radius: 50%; margin-right: .35rem;
  background: currentColor; vertical-align: .05rem; }
.band-on { color: var(--on); background: var(--on-bg); }
.band-risk { color: var(--risk); background: var(--risk-bg); }
.band-off { color: var(--off); background: var(--off-bg); }
.band-none { color: var(--muted); background: var(--wash);
  border-color: var(--line); }
.trend { font-size: .85rem; color: var(--muted); }
.trend-up { color: var(--on); }
.trend-down { color: var(--off); }
.krs { list-style: none; margin: .5rem 0 0; padding: 0;
  border-top: 1px solid var(--line); }
.krs li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
.krs li:last-child { border-bottom: 0; }
.kr-row { display: flex; flex-wrap: wrap; align-items: center;
  gap: .25rem .75rem; margin-top: .15rem; }
.kr-row .spark { margin-left: auto; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.kr-figures { font-size: .85rem; color: var(--muted);
  font-variant-numeric: tabular-nums; }
.risks { color: var(--off); font-size: .85rem; font-weight: 600; }
svg.spark { display: block; }
.spark-base { stroke: var(--line); stroke-width: 1; }
.spark-line { stroke: var(--accent); stroke-width: 1.5; }
.spark-dot { fill: var(--accent); }
svg.burnup { width: 100%; max-width: 40rem; height: auto; display: block; }
svg.burnup .grid { stroke: #e6e9ec; }
svg.burnup .axis { fill: var(--muted); font-size: 12px; }
svg.burnup .ideal { stroke: var(--muted); stroke-dasharray: 6 4; }
svg.burnup .today { stroke: var(--risk); stroke-dasharray: 2 3; }
svg.burnup .actual { stroke: var(--accent); stroke-width: 3; }
.attention { border-left: 4px solid var(--risk); background: var(--wash);
  padding: .5rem 1rem; border-radius: 0 8px 8px 0; }
.attention ul { margin: .25rem 0; padding-left: 1.25rem; }
.tree, .tree ul { list-style: none; margin: 0; padding-left: 0; }
.tree ul { padding-left: 1.25rem; border-left: 2px solid var(--line);
  margin-left: .4rem; }
.tree li { margin: .35rem 0; }
.node { display: flex; flex-wrap: wrap; gap: .25rem .75rem;
  align-items: baseline; }
.flag { color: var(--off); font-weight: 600; font-size: .85rem; }
.flag::before { content: "\26A0\FE0E  "; }
.supports { font-size: .85rem; color: var(--muted); margin: .1rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .4rem .5rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--wash); }
.table-wrap { overflow-x: auto; }
.checkins { list-style: none; padding: 0; margin: 0; }
.checkins > li { border: 1px solid var(--line); border-radius: 8px;
  padding: .75rem 1rem; margin-bottom: .75rem; break-inside: avoid; }
.checkins dl { margin: .5rem 0 0; display: grid;
  grid-template-columns: minmax(8rem, 12rem) 1fr; gap: .25rem 1rem; }
.checkins dt { color: var(--muted); font-size: .9rem; }
.checkins dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.slot { border: 1px dashed var(--line); border-radius: 8px;
  padding: .5rem 1rem; color: var(--muted); }
.cols { display: grid; gap: 0 2rem;
  grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.foot { border-top: 1px solid var(--line); margin-top: 3rem;
  color: var(--muted); font-size: .9rem; }
.foot ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap;
  gap: .25rem 1rem; margin: .25rem 0; }
@media (max-width: 40rem) {
  .cards { grid-template-columns: 1fr; }
  .checkins dl { grid-template-columns: 1fr; }
  h1 { font-size: 1.35rem; }
}
@media print {
  .site nav, .skip, .foot ul { display: none; }
  body { font-size: 11pt; }
  a { color: var(--ink); text-decoration: none; }
  .site { background: none; }
  .card, .checkins > li { border-color: #999; }
  .cards { display: block; }
  .card { margin-bottom: .75rem; }
  h2 { break-after: avoid; }
}
fieldset.checkin { margin: 1em 0; padding: .5em 1em; }
fieldset.checkin label { display: block; margin: .5em 0; }
fieldset.checkin input[type="text"] { width: 10em; }
fieldset.checkin textarea { display: block; width: 100%; max-width: 48em; }
.form-error { color: #a50e0e; font-weight: 600; }
.notice { color: #0b6b2b; font-weight: 600; }
.import-lines code { white-space: pre-wrap; }
)css";

constexpr std::string_view kIcon =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#0b5cad"/><circle cx="16" cy="16" r="8" fill="#fff"/><circle cx="16" cy="16" r="3.5" fill="#0b5cad"/></svg>
)svg";

StaticAsset MakeAsset(std::string_view type, std::string_view body,
                      std::string_view stem, std::string_view ext) {
  const std::string hash = Hex64(Fnv1a64(body));
  return {type, body, "/static/" + std::string(stem) + std::string(ext),
          "/static/" + std::string(stem) + "-" + hash + std::string(ext),
          "\"" + hash + "\""};
}

}  // namespace

const StaticAsset& StyleSheetAsset() {
  static const StaticAsset* const kAsset = new StaticAsset(
      MakeAsset("text/css; charset=utf-8", kStyleSheet, "style", ".css"));
  return *kAsset;
}

const StaticAsset& IconAsset() {
  static const StaticAsset* const kAsset =
      new StaticAsset(MakeAsset("image/svg+xml", kIcon, "icon", ".svg"));
  return *kAsset;
}

}  // namespace okr::web
