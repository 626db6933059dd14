// Copyright 2026 The okrd Authors.
//
// Line and column bookkeeping for text inputs, so that importer errors can
// say "plan.csv:12:4". Lines end at LF, CR or CRLF (a CRLF is one line end).
// Columns are 1-based and count characters: in UTF-8 mode every byte that is
// not a continuation byte starts a character; in byte mode every byte does.
// Plain values; thread-compatible.

#ifndef OKR_IMPORTERS_CSV_TEXT_POSITION_H_
#define OKR_IMPORTERS_CSV_TEXT_POSITION_H_

#include <cstdint>
#include <string_view>

namespace okr {

struct TextPos {
  int64_t line = 1;
  int64_t column = 1;
};

class PositionTracker {
 public:
  explicit PositionTracker(TextPos start = {}, bool utf8 = true)
      : pos_(start), utf8_(utf8) {}

  // Position of the next character.
  TextPos pos() const { return pos_; }

  void Advance(char c) {
    if (c == '\n') {
      if (!after_cr_) NewLine();
      after_cr_ = false;
      return;
    }
    after_cr_ = (c == '\r');
    if (after_cr_) {
      NewLine();
    } else if (!utf8_ || (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++pos_.column;
    }
  }

  void Advance(std::string_view text) {
    for (char c : text) Advance(c);
  }

 private:
  void NewLine() {
    ++pos_.line;
    pos_.column = 1;
  }

  TextPos pos_;
  bool utf8_;
  bool after_cr_ = false;
};

// The position of byte `offset` of `text`, counting from the start.
inline TextPos PositionAt(std::string_view text, size_t offset,
                          bool utf8 = true) {
  PositionTracker tracker({}, utf8);
  tracker.Advance(text.substr(0, offset));
  return tracker.pos();
}

}  // namespace okr

#endif  // OKR_IMPORTERS_CSV_TEXT_POSITION_H_
