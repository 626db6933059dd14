// Copyright 2026 The okrd Authors.

#include "cli/flags.h"

#include <charconv>
#include <cmath>

namespace okr {
namespace {

const FlagSpec* FindSpec(const std::vector<FlagSpec>& specs,
                         std::string_view name) {
  for (const FlagSpec& s : specs) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const FlagSpec* FindShort(const std::vector<FlagSpec>& specs, char c) {
  for (const FlagSpec& s : specs) {
    if (s.short_name != 0 && s.short_name == c) return &s;
  }
  return nullptr;
}

// "-o" for a flag with a short name becomes "--output".
std::string Expand(const std::string& arg, const std::vector<FlagSpec>& specs) {
  if (arg.size() != 2 || arg[0] != '-' || arg[1] == '-') return arg;
  const FlagSpec* spec = FindShort(specs, arg[1]);
  return spec ? "--" + spec->name : arg;
}

}  // namespace

bool ParsedFlags::Has(std::string_view name) const {
  return values_.find(name) != values_.end();
}

std::optional<std::string> ParsedFlags::Get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<std::optional<double>> ParsedFlags::GetNumber(
    std::string_view name) const {
  std::optional<std::string> text = Get(name);
  if (!text) return std::optional<double>();
  std::optional<double> number = ParseFiniteNumber(*text);
  if (!number) {
    return InvalidArgument("--" + std::string(name) + ": \"" + *text +
                           "\" is not a number");
  }
  return number;
}

Result<ParsedFlags> ParseFlags(const std::vector<std::string>& args,
                               const std::vector<FlagSpec>& specs) {
  ParsedFlags out;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string arg = options_done ? args[i] : Expand(args[i], specs);
    if (options_done || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!options_done && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        return InvalidArgument("unknown option " + arg);
      }
      out.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? eq : eq - 2);
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr) return InvalidArgument("unknown option --" + name);
    if (!spec->takes_value) {
      if (eq != std::string::npos) {
        return InvalidArgument("--" + name + " takes no value");
      }
      out.values_[name] = "";
    } else if (eq != std::string::npos) {
      out.values_[name] = arg.substr(eq + 1);
      out.all_.emplace_back(name, out.values_[name]);
    } else if (i + 1 < args.size()) {
      out.values_[name] = args[++i];
      out.all_.emplace_back(name, out.values_[name]);
    } else {
      return InvalidArgument("--" + name + " needs a value");
    }
  }
  return out;
}

std::string FormatFlagHelp(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const FlagSpec& s : specs) {
    std::string left = s.short_name ? std::string("  -") + s.short_name + ", --"
                                    : std::string("  --");
    left += s.name;
    if (s.takes_value) left += " " + s.value_name;
    if (left.size() < 26) left.resize(26, ' '); else left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

std::optional<double> ParseFiniteNumber(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace okr

namespace okr {

std::vector<std::string> ParsedFlags::GetAll(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [n, v] : all_) {
    if (n == name) values.push_back(v);
  }
  return values;
}

}  // namespace okr
