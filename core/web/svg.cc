// Copyright 2026 The okrd Authors.

#include "core/web/svg.h"

#include <algorithm>
#include <cmath>

#include "core/web/text.h"

namespace okr::web {
namespace {

double Clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0; }

// Position of `t` within [from, to] as 0..1.
double TimeShare(UnixSeconds t, UnixSeconds from, UnixSeconds to) {
  if (to <= from) return 1;
  return Clamp01(static_cast<double>(t - from) / static_cast<double>(to - from));
}

struct Frame {
  double left, top, width, height;
  double X(double share) const { return left + share * width; }
  double Y(double progress) const { return top + (1 - progress) * height; }
};

// " x,y x,y ..." as a step line: each value holds until the next sample.
void AppendStepPoints(const std::vector<Sample>& samples, UnixSeconds from,
                      UnixSeconds to, const Frame& f, Html* out) {
  double last_y = 0;
  bool first = true;
  for (const Sample& s : samples) {
    const double x = f.X(TimeShare(s.at, from, to));
    const double y = f.Y(Clamp01(s.progress));
    if (!first) {
      out->Number(x, 1).Raw(",").Number(last_y, 1).Raw(" ");
    }
    out->Number(x, 1).Raw(",").Number(y, 1).Raw(" ");
    last_y = y;
    first = false;
  }
}

}  // namespace

Html ProgressBar(double fraction) {
  Html h;
  h.Raw("<svg class=\"bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\""
        " aria-hidden=\"true\">"
        "<rect class=\"bar-track\" width=\"100\" height=\"8\" rx=\"4\"/>"
        "<rect class=\"bar-fill\" height=\"8\" rx=\"4\" width=\"")
      .Number(Clamp01(fraction) * 100, 1)
      .Raw("\"/></svg>");
  return h;
}

Html Sparkline(const std::vector<Sample>& samples, UnixSeconds from,
               UnixSeconds to, std::string_view title) {
  Html h;
  if (samples.empty()) return h;
  const Frame f{1, 1, 118, 22};
  h.Raw("<svg class=\"spark\" viewBox=\"0 0 120 24\" width=\"120\" "
        "height=\"24\" role=\"img\"><title>")
      .Text(title)
      .Raw("</title><line class=\"spark-base\" x1=\"1\" y1=\"23\" x2=\"119\" "
           "y2=\"23\"/><polyline class=\"spark-line\" fill=\"none\" points=\"");
  AppendStepPoints(samples, from, to, f, &h);
  const Sample& last = samples.back();
  h.Raw("\"/><circle class=\"spark-dot\" r=\"2\" cx=\"")
      .Number(f.X(TimeShare(last.at, from, to)), 1)
      .Raw("\" cy=\"")
      .Number(f.Y(Clamp01(last.progress)), 1)
      .Raw("\"/></svg>");
  return h;
}

Html BurnUpChart(const std::vector<Sample>& samples, const Date& start,
                 const Date& end, UnixSeconds now, std::string_view title) {
  const UnixSeconds from = start.ToUnixSeconds();
  const UnixSeconds to = end.AddDays(1).ToUnixSeconds();
  const Frame f{44, 10, 540, 190};
  Html h;
  h.Raw("<svg class=\"burnup\" viewBox=\"0 0 600 240\" role=\"img\"><title>")
      .Text(title)
      .Raw("</title>");
  for (int pct = 0; pct <= 100; pct += 25) {
    const double y = f.Y(pct / 100.0);
    h.Raw("<line class=\"grid\" x1=\"44\" x2=\"584\" y1=\"")
        .Number(y, 1).Raw("\" y2=\"").Number(y, 1)
        .Raw("\"/><text class=\"axis\" x=\"38\" text-anchor=\"end\" y=\"")
        .Number(y + 4, 1).Raw("\">").Int(pct).Raw("%</text>");
  }
  h.Raw("<text class=\"axis\" x=\"44\" y=\"222\">").Text(FormatDate(start))
      .Raw("</text><text class=\"axis\" x=\"584\" y=\"222\" "
           "text-anchor=\"end\">").Text(FormatDate(end)).Raw("</text>");
  h.Raw("<line class=\"ideal\" x1=\"44\" y1=\"200\" x2=\"584\" y2=\"10\"/>");
  if (now > from && now < to) {
    const double x = f.X(TimeShare(now, from, to));
    h.Raw("<line class=\"today\" y1=\"10\" y2=\"200\" x1=\"").Number(x, 1)
        .Raw("\" x2=\"").Number(x, 1)
        .Raw("\"/><text class=\"axis\" y=\"236\" text-anchor=\"middle\" x=\"")
        .Number(x, 1).Raw("\">today</text>");
  }
  if (!samples.empty()) {
    h.Raw("<polyline class=\"actual\" fill=\"none\" points=\"");
    AppendStepPoints(samples, from, to, f, &h);
    const double x_now = f.X(TimeShare(std::min(now, to), from, to));
    h.Number(x_now, 1).Raw(",").Number(f.Y(Clamp01(samples.back().progress)), 1)
        .Raw("\"/>");
  }
  h.Raw("</svg>");
  return h;
}

}  // namespace okr::web
