// Copyright 2026 The okrd Authors.

#include "core/auth/address.h"

#include <arpa/inet.h>

#include <charconv>

namespace okr {
namespace {

bool ParseAddress(std::string_view text, AddressRange* out) {
  const std::string s(text);
  if (inet_pton(AF_INET, s.c_str(), out->bytes.data()) == 1) {
    out->v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, s.c_str(), out->bytes.data()) == 1) {
    out->v6 = true;
    return true;
  }
  return false;
}

bool InRange(const AddressRange& a, const AddressRange& range) {
  if (a.v6 != range.v6) return false;
  int bits = range.prefix_bits;
  for (size_t i = 0; bits > 0; ++i, bits -= 8) {
    const unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
    if ((a.bytes[i] & mask) != (range.bytes[i] & mask)) return false;
  }
  return true;
}

}  // namespace

Result<AddressRange> ParseAddressRange(std::string_view text) {
  const auto bad = [&](std::string why) {
    return InvalidArgument("trusted proxy \"" + std::string(text) + "\": " + why);
  };
  AddressRange range;
  const size_t slash = text.find('/');
  if (!ParseAddress(text.substr(0, slash), &range)) {
    return bad("not an IPv4 or IPv6 address");
  }
  const int max_bits = range.v6 ? 128 : 32;
  range.prefix_bits = max_bits;
  if (slash != std::string_view::npos) {
    const std::string_view bits = text.substr(slash + 1);
    int n = -1;
    auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n);
    if (bits.empty() || ec != std::errc() || ptr != bits.data() + bits.size() ||
        n < 0 || n > max_bits) {
      return bad("the prefix length must be 0 to " + std::to_string(max_bits));
    }
    range.prefix_bits = n;
  }
  return range;
}

Result<std::vector<AddressRange>> ParseAddressRanges(
    const std::vector<std::string>& entries) {
  std::vector<AddressRange> out;
  for (const std::string& e : entries) {
    OKR_ASSIGN_OR_RETURN(AddressRange r, ParseAddressRange(e));
    out.push_back(r);
  }
  return out;
}

bool AddressInRanges(std::string_view address,
                     const std::vector<AddressRange>& ranges) {
  AddressRange a;
  if (address.empty() || !ParseAddress(address, &a)) return false;
  for (const AddressRange& r : ranges) {
    if (InRange(a, r)) return true;
  }
  return false;
}

}  // namespace okr
