// Copyright 2026 The okrd Authors.
//
// XmlStream's fast path (see xml_stream.h and xml_fast_scanner.h).
//
// Entering: in the start-tag callback of an element whose handler wants it,
// expat is suspended and the bytes it holds after that tag go to the
// scanner. Leaving: at a token the scanner hands off, the same parser is
// reset and fed the open elements' start tags again ("replayed", unseen by
// the handler), then the input from that token on; expat's positions in
// that input are mapped back to the part's (RealPosition). Elements opened
// by either side are closed by either, so both share depth_, the bindings
// and the raw names of the open elements.

#include <expat.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "importers/zip/xml_stream.h"

namespace okr {

std::optional<std::string_view> DeclaredPrefix(std::string_view attr);

namespace {

// Re-entering the fast path after each hand-off costs a parser reset; a part
// that keeps handing off stays with expat after this many entries.
constexpr int kMaxFastEntries = 64;

XML_Parser AsParser(void* parser) { return static_cast<XML_Parser>(parser); }

bool fast_path_default = true;  // SetFastPathForTesting.

struct ByteCounts {
  int64_t newlines = 0;
  int64_t continuation = 0;  // UTF-8 bytes 10xxxxxx.
};

// Counts over every byte the scanner takes, so 16 at a time (GCC and Clang
// vector extensions; per-lane counters are summed before they can wrap).
ByteCounts CountBytes(std::string_view bytes) {
  using Bytes16 = uint8_t __attribute__((vector_size(16)));
  ByteCounts counts;
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n >= 16) {
    Bytes16 newlines = {}, continuation = {};
    for (int block = 0; block < 255 && n >= 16; ++block, p += 16, n -= 16) {
      Bytes16 v;
      std::memcpy(&v, p, 16);
      newlines -= reinterpret_cast<Bytes16>(v == '\n');  // -1 where true.
      continuation -= reinterpret_cast<Bytes16>((v & 0xC0) == 0x80);
    }
    for (int lane = 0; lane < 16; ++lane) {
      counts.newlines += newlines[lane];
      counts.continuation += continuation[lane];
    }
  }
  for (; n > 0; ++p, --n) {
    counts.newlines += *p == '\n';
    counts.continuation += (static_cast<uint8_t>(*p) & 0xC0) == 0x80;
  }
  return counts;
}

// Moves (line, column) over `bytes` as expat counts: lines at LF (the
// scanner never passes a CR), columns in characters.
void Advance(std::string_view bytes, int64_t* line, int64_t* column) {
  const ByteCounts counts = CountBytes(bytes);
  if (counts.newlines == 0) {
    *column += static_cast<int64_t>(bytes.size()) - counts.continuation;
    return;
  }
  *line += counts.newlines;
  const std::string_view last_line = bytes.substr(bytes.rfind('\n') + 1);
  *column = static_cast<int64_t>(last_line.size()) -
            CountBytes(last_line).continuation;
}

}  // namespace

struct XmlStream::FastEvents : XmlFastScanner::Events {
  explicit FastEvents(XmlStream* stream) : self(stream) {}
  Status Start(std::string_view name,
               std::span<const XmlFastScanner::Attr> attrs,
               bool* hand_off) override {
    return self->FastStart(name, attrs, hand_off);
  }
  Status End(std::string_view name, bool* hand_off) override {
    return self->FastEnd(name, hand_off);
  }
  Status Text(std::string_view text) override {
    return self->handler_->Text(text);
  }
  XmlStream* self;
};

void XmlStream::SetFastPathForTesting(bool enabled) {
  fast_path_default = enabled;
}

bool XmlStream::FastPathDefault() { return fast_path_default; }

void XmlStream::NoteHead(const char* data, size_t size) {
  while (head_size_ < sizeof(head_) && size > 0) {
    head_[head_size_++] = *data++;
    --size;
  }
}

// UTF-8 as far as can be told: a UTF-8 byte order mark, or '<' then not a
// NUL (UTF-16 without a mark), and no other encoding declared.
bool XmlStream::FastInputOk() const {
  if (!fast_enabled_ || bad_encoding_ || head_size_ < 2) return false;
  const auto* head = reinterpret_cast<const unsigned char*>(head_);
  if (head_size_ == 3 && head[0] == 0xEF && head[1] == 0xBB &&
      head[2] == 0xBF) {
    return true;
  }
  return head[0] == '<' && head[1] != 0;
}

XmlStream::Position XmlStream::RealPosition(int64_t line,
                                            int64_t column) const {
  if (line == 1) {
    return Position{expat_base_.line,
                    expat_base_.column + column - expat_prefix_};
  }
  return Position{expat_base_.line + line - 1, column};
}

// Called from expat's start-tag callback, after the handler's StartElement.
void XmlStream::MaybeEnterFastPath() {
  if (fast_entries_ >= kMaxFastEntries || depth_ > kMaxOpenNames ||
      !handler_->WantsFastContent() || !FastInputOk()) {
    return;
  }
  XML_Parser parser = AsParser(parser_);
  int offset = 0, size = 0;
  const char* buffer = XML_GetInputContext(parser, &offset, &size);
  const int count = XML_GetCurrentByteCount(parser);
  if (buffer == nullptr || count < 2 || offset + count > size) return;
  const std::string_view tag(buffer + offset, static_cast<size_t>(count));
  // expat reports an empty element's end right after its start; and the
  // scanner's positions never cross a CR.
  if (tag[tag.size() - 2] == '/' || tag.find('\r') != std::string_view::npos) {
    return;
  }
  Position after =
      RealPosition(static_cast<int64_t>(XML_GetCurrentLineNumber(parser)),
                   static_cast<int64_t>(XML_GetCurrentColumnNumber(parser)));
  Advance(tag, &after.line, &after.column);
  if (XML_StopParser(parser, XML_TRUE) != XML_STATUS_OK) return;
  scan_position_ = after;
  resume_.assign(buffer + offset + count, buffer + size);
  fast_base_depth_ = depth_;
  ++fast_entries_;
}

// Scans `in`, the carry or the caller's bytes: moves the position over what
// was consumed and sets *hand_off.
Status XmlStream::ScanFast(std::string_view in, bool* hand_off,
                           size_t* consumed) {
  XmlFastScanner::Outcome outcome;
  FastEvents events(this);
  Status status = scanner_.Scan(in, &events, &outcome);
  if (!status.ok()) {
    status_ = std::move(status);
    return status_;
  }
  Advance(in.substr(0, outcome.consumed), &scan_position_.line,
          &scan_position_.column);
  *hand_off = outcome.hand_off;
  *consumed = outcome.consumed;
  return Status::Ok();
}

Status XmlStream::FeedFast(std::string_view data, bool is_final) {
  bool hand_off = false;
  size_t consumed = 0;
  // An incomplete token is carried over: complete it with as few of the new
  // bytes as will do (copying each whole chunk would cost more than the
  // scan), then hand back to `data` the bytes the carry did not need.
  while (!carry_.empty() && !data.empty()) {
    const size_t take = std::min(data.size(), std::max<size_t>(
                                                  carry_.size(), 4096));
    const std::string_view added = data.substr(0, take);
    carry_.append(added);
    data.remove_prefix(take);
    // A carried tag cannot end before a '>': rescanning it for every small
    // chunk would cost time quadratic in its length.
    if (carry_[0] == '<' && added.find('>') == std::string_view::npos &&
        carry_.size() <= XmlFastScanner::kMaxTagBytes) {
      continue;
    }
    OKR_RETURN_IF_ERROR(ScanFast(carry_, &hand_off, &consumed));
    if (hand_off) {
      std::string rest = carry_.substr(consumed);
      rest.append(data);
      carry_.clear();
      return HandOff(rest, is_final);
    }
    const size_t left = carry_.size() - consumed;
    if (left <= take) {  // Only new bytes are left: scan them in place.
      data = std::string_view(data.data() - left, data.size() + left);
      carry_.clear();
    } else {
      carry_.erase(0, consumed);
    }
  }
  if (!carry_.empty()) {  // The new bytes did not complete the token.
    if (!is_final) return Status::Ok();
    std::string rest = std::move(carry_);
    carry_.clear();
    return HandOff(rest, is_final);
  }
  OKR_RETURN_IF_ERROR(ScanFast(data, &hand_off, &consumed));
  if (hand_off || is_final) return HandOff(data.substr(consumed), is_final);
  carry_.assign(data.substr(consumed));
  return Status::Ok();
}

// Gives `rest` (copied first: it may point into the carry) to expat.
Status XmlStream::HandOff(std::string_view rest, bool is_final) {
  std::string bytes(rest);
  OKR_RETURN_IF_ERROR(ResumeExpat());
  return Parse(bytes.data(), bytes.size(), is_final);
}

Status XmlStream::ResumeExpat() {
  XML_Parser parser = AsParser(parser_);
  std::string replay;
  for (int64_t d = 0; d < depth_; ++d) {
    replay += '<';
    replay += open_names_[d];
    replay += '>';
  }
  replaying_ = true;
  replayed_ = 0;
  bool ok = XML_ParserReset(parser, "UTF-8") == XML_TRUE;
  if (ok) {
    InstallHandlers(/*first=*/false);
    ok = XML_Parse(parser, replay.data(), static_cast<int>(replay.size()),
                   XML_FALSE) == XML_STATUS_OK &&
         replayed_ == depth_;
  }
  replaying_ = false;
  fast_ = false;
  if (!ok) {
    status_ = Internal(handler_->Where() + ": " + part_ +
                       ": could not hand the parse back to expat");
    return status_;
  }
  expat_base_ = scan_position_;
  expat_prefix_ = static_cast<int64_t>(replay.size());
  return Status::Ok();
}

Status XmlStream::FastStart(std::string_view name,
                            std::span<const XmlFastScanner::Attr> attrs,
                            bool* hand_off) {
  for (const XmlFastScanner::Attr& attr : attrs) {
    if (DeclaredPrefix(attr.name)) {  // Bindings are expat's business.
      *hand_off = true;
      return Status::Ok();
    }
  }
  if (depth_ >= kMaxOpenNames) {
    *hand_off = true;
    return Status::Ok();
  }
  if (++depth_ > max_depth_) return TooDeep();
  open_names_[depth_ - 1].assign(name);
  XmlName element;
  if (!Resolve(name, /*is_attribute=*/false, &element)) {
    return UnboundPrefix(name);
  }
  attrs_.clear();
  for (const XmlFastScanner::Attr& attr : attrs) {
    XmlName attr_name;
    if (!Resolve(attr.name, /*is_attribute=*/true, &attr_name)) {
      return UnboundPrefix(attr.name);
    }
    attrs_.push_back(XmlAttr{attr_name.ns, attr_name.local, attr.value});
  }
  return handler_->StartElement(element, XmlAttrs(attrs_));
}

Status XmlStream::FastEnd(std::string_view name, bool* hand_off) {
  // The element the fast path began in, and any outside it, end in expat,
  // which also checks what may follow the root element.
  if (depth_ <= fast_base_depth_ || depth_ > kMaxOpenNames ||
      open_names_[depth_ - 1] != name) {
    *hand_off = true;
    return Status::Ok();
  }
  return EndTag(name);
}

}  // namespace okr
