// Copyright 2026 The okrd Authors.
//
// Placeholder translation unit: the calendar wing is built as its own library
// from the start so that the binary and the tests link it; its features
// arrive with their issues.

namespace okr {
int CalendarWingLinked() { return 1; }
}  // namespace okr
