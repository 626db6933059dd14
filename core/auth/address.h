// Copyright 2026 The okrd Authors.
//
// IP address lists for [auth] trusted_proxies: "127.0.0.1", "10.0.0.0/8",
// "::1", "fd00::/8". Pure, thread-compatible.

#ifndef OKR_CORE_AUTH_ADDRESS_H_
#define OKR_CORE_AUTH_ADDRESS_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace okr {

struct AddressRange {
  bool v6 = false;
  std::array<unsigned char, 16> bytes{};  // First 4 used for IPv4.
  int prefix_bits = 0;
};

// Parses "ADDR" or "ADDR/BITS"; InvalidArgument naming the entry otherwise.
Result<AddressRange> ParseAddressRange(std::string_view text);
// Parses every entry; the first bad one is the error.
Result<std::vector<AddressRange>> ParseAddressRanges(
    const std::vector<std::string>& entries);
// True when `address` (as CivetWeb reports a peer) lies in any range. An
// unparsable address is in none.
bool AddressInRanges(std::string_view address,
                     const std::vector<AddressRange>& ranges);

}  // namespace okr

#endif  // OKR_CORE_AUTH_ADDRESS_H_
