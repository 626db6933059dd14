// Copyright 2026 The okrd Authors.

#include "cli/line_spool.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

namespace okr {
namespace {

// What WriteTo writes, read back from a real temporary file.
std::string Written(LineSpool* spool) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  spool->WriteTo(f);
  std::rewind(f);
  std::string out;
  int c;
  while ((c = std::fgetc(f)) != EOF) out.push_back(static_cast<char>(c));
  std::fclose(f);
  return out;
}

TEST_CASE("LineSpool gives back its lines in order, then is empty") {
  for (LineSpool::Storage storage :
       {LineSpool::Storage::kTemporaryFile, LineSpool::Storage::kMemory}) {
    LineSpool spool(storage);
    CHECK(spool.on_disk() == (storage == LineSpool::Storage::kTemporaryFile));
    spool.Add("plan.xlsx:OKRs!D7: warning: first");
    spool.Add("");
    spool.Add("third");
    CHECK(spool.lines() == 3);
    CHECK(Written(&spool) == "plan.xlsx:OKRs!D7: warning: first\n\nthird\n");
    CHECK(spool.lines() == 0);
    CHECK(Written(&spool).empty());
    spool.Add("after");
    CHECK(Written(&spool) == "after\n");
  }
}

TEST_CASE("LineSpool keeps many lines on disk, not in memory, in order") {
  LineSpool spool;
  REQUIRE(spool.on_disk());
  std::string expected;
  for (int i = 0; i < 200000; ++i) {
    const std::string line = "line " + std::to_string(i);
    spool.Add(line);
    expected += line + "\n";
  }
  CHECK(spool.lines() == 200000);
  CHECK(Written(&spool) == expected);
}

}  // namespace
}  // namespace okr
