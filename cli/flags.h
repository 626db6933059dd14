// Copyright 2026 The okrd Authors.
//
// A small argv parser for subcommands: "--name value", "--name=value",
// "-n value" for flags with a short name, boolean "--name", positionals,
// and "--" to end options. Each command
// declares its flags; anything undeclared is a usage error naming it.

#ifndef OKR_CLI_FLAGS_H_
#define OKR_CLI_FLAGS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace okr {

struct FlagSpec {
  std::string name;    // Without dashes: "value".
  bool takes_value;    // false: a boolean switch.
  std::string help;    // One line for --help.
  std::string value_name = "VALUE";
  char short_name = 0;  // 'o' allows "-o VALUE" as well as "--output".
};

class ParsedFlags {
 public:
  bool Has(std::string_view name) const;
  // The last value given for `name`, if any.
  std::optional<std::string> Get(std::string_view name) const;
  // Every value given for a repeatable `--name VALUE`, in order.
  std::vector<std::string> GetAll(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Parses a finite number; InvalidArgument naming the flag otherwise.
  Result<std::optional<double>> GetNumber(std::string_view name) const;

 private:
  friend Result<ParsedFlags> ParseFlags(const std::vector<std::string>&,
                                        const std::vector<FlagSpec>&);
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> positionals_;
  std::vector<std::pair<std::string, std::string>> all_;  // In order.
};

// InvalidArgument for an unknown flag or a missing value.
Result<ParsedFlags> ParseFlags(const std::vector<std::string>& args,
                               const std::vector<FlagSpec>& specs);

// "  --name VALUE   help" lines for a command's --help.
std::string FormatFlagHelp(const std::vector<FlagSpec>& specs);

// Parses a finite double written in C locale ("0.7", "-3", "1e3").
std::optional<double> ParseFiniteNumber(std::string_view text);

}  // namespace okr

#endif  // OKR_CLI_FLAGS_H_
