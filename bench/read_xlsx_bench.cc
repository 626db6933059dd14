// Copyright 2026 The okrd Authors.
//
// okr_bench_read_xlsx FILE.xlsx [--reader|--import]: one pass over FILE,
// for bench/import_bench.sh to time with /usr/bin/time.
//   --reader (default): reads the file into memory and runs ReadXlsx into a
//     RowSink that only counts rows, cells and text bytes: the reader's cost.
//   --import: ImportFile with default Limits: reader + template mapper (the
//     Organisation built in memory), no database, no plan.
// Prints one line of counts, so a run that read nothing is visible.

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/base/limits.h"
#include "core/base/status.h"
#include "importers/import_file.h"
#include "importers/table.h"
#include "importers/xlsx/xlsx_reader.h"

namespace {

class CountingSink : public okr::RowSink {
 public:
  okr::Status BeginSheet(const okr::SheetInfo&) override {
    ++sheets_;
    return okr::Status::Ok();
  }
  okr::Status Row(int64_t, const std::vector<okr::Cell>& cells) override {
    ++rows_;
    for (const okr::Cell& c : cells) {
      if (c.empty()) continue;
      ++cells_;
      text_bytes_ += static_cast<int64_t>(c.text.size());
    }
    return okr::Status::Ok();
  }
  okr::Status EndSheet() override { return okr::Status::Ok(); }

  int64_t sheets_ = 0, rows_ = 0, cells_ = 0, text_bytes_ = 0;
};

int Reader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "okr_bench_read_xlsx: cannot open %s\n", path.c_str());
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = std::move(buffer).str();
  CountingSink sink;
  const okr::Status s =
      okr::ReadXlsx(bytes, {.file_name = path}, okr::Limits(), &sink);
  if (!s.ok()) {
    std::fprintf(stderr, "okr_bench_read_xlsx: %s\n", s.message().c_str());
    return 1;
  }
  std::printf("reader: %lld sheets, %lld rows, %lld cells, %lld text bytes\n",
              static_cast<long long>(sink.sheets_),
              static_cast<long long>(sink.rows_),
              static_cast<long long>(sink.cells_),
              static_cast<long long>(sink.text_bytes_));
  return 0;
}

int Import(const std::string& path) {
  okr::FileImportOptions options;
  options.today = okr::Date{2027, 1, 15};
  okr::Result<okr::FileImport> r =
      okr::ImportFile(path, options, okr::Limits());
  if (!r.ok()) {
    std::fprintf(stderr, "okr_bench_read_xlsx: %s\n",
                 r.status().message().c_str());
    return 1;
  }
  std::printf("import: %zu objectives, %zu key results, %zu errors, "
              "%zu warnings\n",
              r->org.objectives.size(), r->org.key_results.size(),
              r->errors.size(), r->warnings.size());
  for (size_t i = 0; i < r->errors.size() && i < 5; ++i) {
    std::fprintf(stderr, "%s\n", r->errors[i].c_str());
  }
  return r->errors.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[2] : "--reader";
  if (argc < 2 || argc > 3 || (mode != "--reader" && mode != "--import")) {
    std::fprintf(stderr,
                 "usage: okr_bench_read_xlsx FILE.xlsx [--reader|--import]\n");
    return 2;
  }
  return mode == "--reader" ? Reader(argv[1]) : Import(argv[1]);
}
