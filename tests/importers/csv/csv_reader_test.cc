// Copyright 2026 The okrd Authors.

#include "importers/csv/csv_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/importers/recording_sink.h"

namespace okr {
namespace {

using testing::CsvRun;
using testing::RunCsv;

CsvOptions Named(std::string file_name) {
  CsvOptions options;
  options.file_name = std::move(file_name);
  return options;
}

// UTF-16 bytes (with a byte order mark) for a UTF-16 string.
std::string Utf16(std::u16string_view text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : text) {
    const char hi = static_cast<char>(unit >> 8);
    const char lo = static_cast<char>(unit & 0xFF);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

void CheckOk(const CsvRun& run) {
  INFO(run.status.ToString());
  REQUIRE(run.status.ok());
  CHECK(run.sink.violations.empty());
  REQUIRE(run.sink.sheets.size() == 1);
  CHECK(run.sink.sheets[0].ended);
}

void CheckError(const CsvRun& run, StatusCode code,
                const std::string& message) {
  CHECK(run.status.code() == code);
  CHECK(run.status.message() == message);
  CHECK(run.sink.violations.empty());
  if (!run.sink.sheets.empty()) CHECK_FALSE(run.sink.sheets[0].ended);
}

TEST_CASE("Reads records ended by LF, CRLF or a lone CR alike", "[csv]") {
  const CsvRun lf = RunCsv("a,b,c\n1,2,3\n");
  const CsvRun crlf = RunCsv("a,b,c\r\n1,2,3\r\n");
  const CsvRun cr = RunCsv("a,b,c\r1,2,3");
  for (const CsvRun* run : {&lf, &crlf, &cr}) {
    CheckOk(*run);
    CHECK(run->sink.Dump() == "1:a|b|c\n2:1|2|3\n");
    CHECK(run->info.records == 2);
    CHECK(run->info.rows == 2);
    CHECK(run->info.delimiter == ',');
  }
  CHECK(lf.info.record_separator == RecordSeparator::kLf);
  CHECK(lf.info.lf_count == 2);
  CHECK(lf.info.ends_with_newline);
  CHECK(crlf.info.record_separator == RecordSeparator::kCrLf);
  CHECK(crlf.info.crlf_count == 2);
  CHECK(cr.info.record_separator == RecordSeparator::kCr);
  CHECK(cr.info.cr_count == 1);
  CHECK_FALSE(cr.info.ends_with_newline);
}

TEST_CASE("Mixed record separators are counted separately", "[csv]") {
  const CsvRun run = RunCsv("a\r\nb\nc\rd\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a\n2:b\n3:c\n4:d\n");
  CHECK(run.info.crlf_count == 1);
  CHECK(run.info.lf_count == 2);
  CHECK(run.info.cr_count == 1);
  CHECK(run.info.record_separator == RecordSeparator::kLf);
  CHECK(RecordSeparatorName(run.info.record_separator) == "LF");
}

TEST_CASE("Quoted fields hold delimiters, doubled quotes and nothing",
          "[csv]") {
  const CsvRun run = RunCsv("\"a,b\",\"say \"\"hi\"\"\",\"\",x\n\"\"\"\"\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a,b|say \"hi\"||x\n2:\"\n");
  CHECK(run.sink.At("C1").type == CellType::kEmpty);
  CHECK(run.sink.At("A1").type == CellType::kString);
}

TEST_CASE("Line breaks inside quotes: CRLF becomes LF, LF and CR stay",
          "[csv]") {
  const CsvRun run = RunCsv("\"x\ny\",\"p\r\nq\",\"r\rs\"\r\nnext\r\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:x\\ny|p\\nq|r\\rs\n2:next\n");
  // Only separators outside quotes are counted.
  CHECK(run.info.crlf_count == 2);
  CHECK(run.info.lf_count == 0);
  CHECK(run.info.cr_count == 0);
  // CR CR LF is a lone CR and then a CRLF (found by csv_fuzz): the value
  // holds CR LF, which no CSV file can hold, so it does not round-trip.
  const CsvRun doubled = RunCsv("\"a\r\r\nb\",x\n\"");
  CHECK(doubled.sink.At("A1").text == "a\r\nb");
  CHECK(doubled.status.message() ==
        "f.csv:4:1: the quote that opens cell A2 here is never closed");
}

TEST_CASE("Quotes are lenient outside quoted fields, like Excel", "[csv]") {
  const CsvRun run = RunCsv("5\" disk,a\"b\"\n\"ab\"c,d\n\"ab\" ,x\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:5\" disk|a\"b\"\n2:abc|d\n3:ab |x\n");
  // A quote opens a quoted field only at the very start of a field.
  const CsvRun spaced = RunCsv(" \"a,b\"\n");
  CheckOk(spaced);
  CHECK(spaced.sink.Dump() == "1: \"a|b\"\n");
}

TEST_CASE("An unterminated quote names the line where it opened", "[csv]") {
  CheckError(RunCsv("\"a\nb\",ok\nx,\"open\nmore\nlines"),
             StatusCode::kInvalidArgument,
             "f.csv:3:3: the quote that opens cell B2 here is never closed");
  CheckError(RunCsv("\""), StatusCode::kInvalidArgument,
             "f.csv:1:1: the quote that opens cell A1 here is never closed");
  // Columns count characters, not bytes.
  CheckError(RunCsv("\xC3\xA9\xC3\xA9,\"x"), StatusCode::kInvalidArgument,
             "f.csv:1:4: the quote that opens cell B1 here is never closed");
}

TEST_CASE("Blank records are numbered but not passed on", "[csv]") {
  const CsvRun run = RunCsv("a\n\n,,\n\"\",\"\"\nb\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a\n5:b\n");
  CHECK(run.info.records == 5);
  CHECK(run.info.rows == 2);
}

TEST_CASE("Trailing empty fields are dropped, inner ones kept", "[csv]") {
  const CsvRun run = RunCsv("a,,c,,\n,b\n");
  CheckOk(run);
  const auto& rows = run.sink.sheets[0].rows;
  REQUIRE(rows.at(1).size() == 3);
  CHECK(rows.at(1)[1].type == CellType::kEmpty);
  REQUIRE(rows.at(2).size() == 2);
  CHECK(rows.at(2)[0].type == CellType::kEmpty);
  CHECK(rows.at(2)[1].text == "b");
}

TEST_CASE("Whitespace and formula triggers are stored verbatim", "[csv]") {
  const CsvRun run = RunCsv(" a ,=1+1,+cmd,-2+3,@SUM(A1),\"\tx\",\"\rx\", \n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1: a |=1+1|+cmd|-2+3|@SUM(A1)|\tx|\\rx| \n");
}

TEST_CASE("Empty input is an empty sheet", "[csv]") {
  for (std::string_view text : {"", "\n", "\r\n\r\n", ",,,"}) {
    const CsvRun run = RunCsv(text);
    CheckOk(run);
    CHECK(run.sink.sheets[0].rows.empty());
    CHECK(run.info.rows == 0);
  }
  const CsvRun empty = RunCsv("");
  CHECK(empty.info.records == 0);
  CHECK(empty.info.record_separator == RecordSeparator::kNone);
  CHECK_FALSE(empty.info.ends_with_newline);
  CHECK(RunCsv("\r\n\r\n").info.records == 2);
}

TEST_CASE("The sheet is named after the file unless told", "[csv]") {
  const CsvRun run = RunCsv("a", Named("uploads/Plan Q1.2026.csv"));
  CheckOk(run);
  CHECK(run.sink.sheets[0].info.name == "Plan Q1.2026");
  CHECK(run.sink.sheets[0].info.state == "visible");
  CHECK(run.sink.sheets[0].info.index == 0);
  CsvOptions named = Named("x.csv");
  named.sheet_name = "OKRs";
  CHECK(RunCsv("a", named).sink.sheets[0].info.name == "OKRs");
  CHECK(CsvSheetName("") == "Sheet1");
  CHECK(CsvSheetName("C:\\data\\plan.csv") == "plan");
  CHECK(CsvSheetName(".csv") == ".csv");
  CHECK(CsvSheetName("README") == "README");
}

TEST_CASE("UTF-8 with and without a byte order mark", "[csv]") {
  const CsvRun bom = RunCsv(
      "\xEF\xBB\xBF"
      "a,b\n");
  CheckOk(bom);
  CHECK(bom.sink.Dump() == "1:a|b\n");
  CHECK(bom.info.encoding == TextEncoding::kUtf8);
  CHECK(bom.info.bom);
  CHECK(bom.info.ascii_only);
  const CsvRun plain = RunCsv(
      "Ann\xC3\xA9"
      "e,\xF0\x9F\x8D\xA3\n");
  CheckOk(plain);
  CHECK(plain.sink.Dump() ==
        "1:Ann\xC3\xA9"
        "e|\xF0\x9F\x8D\xA3\n");
  CHECK(plain.info.encoding == TextEncoding::kUtf8);
  CHECK_FALSE(plain.info.bom);
  CHECK_FALSE(plain.info.ascii_only);
  CHECK(RunCsv("abc").info.ascii_only);
}

TEST_CASE("UTF-16 with a byte order mark, both byte orders", "[csv]") {
  const std::u16string text = u"Name\tEmoji\r\nSushi\t\U0001F363\r\n\"a,b\"\tc";
  for (bool little_endian : {true, false}) {
    const CsvRun run = RunCsv(Utf16(text, little_endian), Named("u.txt"));
    CheckOk(run);
    CHECK(run.sink.Dump() ==
          "1:Name|Emoji\n2:Sushi|\xF0\x9F\x8D\xA3\n3:a,b|c\n");
    CHECK(run.info.encoding ==
          (little_endian ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be));
    CHECK(run.info.bom);
    CHECK_FALSE(run.info.ascii_only);
    CHECK(run.info.delimiter == '\t');
  }
  CHECK(TextEncodingName(TextEncoding::kUtf16Le) == "utf-16le");
  CHECK(TextEncodingName(TextEncoding::kUtf16Be) == "utf-16be");
}

TEST_CASE("Broken UTF-16 is an error", "[csv]") {
  CheckError(RunCsv(Utf16(u"ab", true) + "x", Named("u.txt")),
             StatusCode::kInvalidArgument,
             "u.txt: UTF-16 text has an odd number of bytes (7)");
  const std::u16string lone_high =
      u"a\nbc\xD83D"
      u"d";
  CheckError(RunCsv(Utf16(lone_high, true), Named("u.txt")),
             StatusCode::kInvalidArgument,
             "u.txt:2:3: unpaired UTF-16 surrogate 0xD83D");
  const std::u16string lone_low = u"\xDC00";
  CheckError(RunCsv(Utf16(lone_low, false), Named("u.txt")),
             StatusCode::kInvalidArgument,
             "u.txt:1:1: unpaired UTF-16 surrogate 0xDC00");
}

TEST_CASE("Bytes that are not UTF-8 are read as Windows-1252", "[csv]") {
  const CsvRun run = RunCsv(
      "Ann\xE9"
      "e;Quartier Europ\xE9"
      "en\r\n"
      "\x80;\x8A;\x91;\x99;\x9F;\xA0;\xFF\r\n");
  CheckOk(run);
  CHECK(run.info.encoding == TextEncoding::kWindows1252);
  CHECK_FALSE(run.info.bom);
  CHECK_FALSE(run.info.ascii_only);
  CHECK(run.info.delimiter == ';');
  CHECK(run.sink.At("A1").text ==
        "Ann\xC3\xA9"
        "e");
  CHECK(run.sink.At("B1").text ==
        "Quartier Europ\xC3\xA9"
        "en");
  CHECK(run.sink.Dump(0).substr(run.sink.Dump(0).find("2:")) ==
        "2:\xE2\x82\xAC|\xC5\xA0|\xE2\x80\x98|\xE2\x84\xA2|\xC5\xB8|"
        "\xC2\xA0|\xC3\xBF\n");
  // Overlong forms and encoded surrogates are not UTF-8 either.
  CHECK(RunCsv("\xC0\xAF").sink.At("A1").text == "\xC3\x80\xC2\xAF");
  CHECK(RunCsv("\xED\xA0\x80").sink.At("A1").text ==
        "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
  CHECK(TextEncodingName(TextEncoding::kWindows1252) == "windows-1252");
}

TEST_CASE("The five undefined Windows-1252 bytes are errors", "[csv]") {
  for (char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
    const CsvRun run = RunCsv(std::string("ab\r\nc\xE9") + byte);
    CHECK(run.status.code() == StatusCode::kInvalidArgument);
    CHECK(run.status.message().starts_with("f.csv:2:3: byte 0x"));
    CHECK(run.status.message().find("is not a Windows-1252 character") !=
          std::string::npos);
    CHECK(run.sink.sheets.empty());
  }
}

TEST_CASE("Invalid UTF-8 after a UTF-8 byte order mark is an error", "[csv]") {
  CheckError(RunCsv("\xEF\xBB\xBF"
                    "a,\xC3\xA9\nb\xFFz"),
             StatusCode::kInvalidArgument,
             "f.csv:2:2: invalid UTF-8 (byte 0xFF) in a file that starts "
             "with a UTF-8 byte order mark");
  CheckError(RunCsv("\xEF\xBB\xBF\xE2\x82"), StatusCode::kInvalidArgument,
             "f.csv:1:1: invalid UTF-8 (byte 0xE2) in a file that starts "
             "with a UTF-8 byte order mark");
}

TEST_CASE("A NUL character is an error, not the end of the text", "[csv]") {
  const CsvRun run = RunCsv(std::string("a,b\nc\0d,e", 9));
  CheckError(run, StatusCode::kInvalidArgument,
             "f.csv:2:2: NUL character in the text (UTF-16 without a byte "
             "order mark looks like this)");
  CHECK(run.sink.sheets.empty());
  const CsvRun utf16 = RunCsv(Utf16(std::u16string(u"a\0b", 3), true));
  CHECK(utf16.status.code() == StatusCode::kInvalidArgument);
  CHECK(utf16.status.message().starts_with("f.csv:1:2: NUL character"));
}

TEST_CASE("An Excel sep= line sets the delimiter and is not a row", "[csv]") {
  const CsvRun run = RunCsv("sep=;\r\na;b,c\r\n1;2\r\n");
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a|b,c\n2:1|2\n");
  CHECK(run.info.delimiter == ';');
  CHECK(run.info.delimiter_source == DelimiterSource::kSepLine);
  CHECK(run.info.records == 2);
  CHECK(run.info.crlf_count == 3);

  CHECK(RunCsv("SEP=|\na|b").sink.Dump() == "1:a|b\n");
  CHECK(RunCsv("sep=\t\na\tb,c").sink.At("B1").text == "b,c");
  CHECK(RunCsv("sep=,\ra,b").sink.At("B1").text == "b");
  const CsvRun alone = RunCsv("sep=;");
  CheckOk(alone);
  CHECK(alone.sink.sheets[0].rows.empty());
  CHECK(alone.info.delimiter == ';');
  // Errors after it still give file lines.
  CheckError(RunCsv("sep=;\n\"x"), StatusCode::kInvalidArgument,
             "f.csv:2:1: the quote that opens cell A1 here is never closed");
  // Not a sep= line: stays a row.
  CHECK(RunCsv("sep=ab\nc").sink.Dump() == "1:sep=ab\n2:c\n");
  CHECK(RunCsv("\"sep=;\"\nc").sink.Dump() == "1:sep=;\n2:c\n");
}

TEST_CASE("An explicit delimiter wins over sep= and sniffing", "[csv]") {
  CsvOptions options = Named("f.csv");
  options.delimiter = '|';
  const CsvRun run = RunCsv("sep=;\na;b|c,d\n", options);
  CheckOk(run);
  CHECK(run.sink.Dump() == "1:a;b|c,d\n");
  CHECK(run.info.delimiter_source == DelimiterSource::kOption);
  for (char bad : {'"', '\r', '\n', '\0', '\xE9'}) {
    options.delimiter = bad;
    const CsvRun refused = RunCsv("a", options);
    CHECK(refused.status.code() == StatusCode::kInvalidArgument);
    CHECK(refused.sink.sheets.empty());
  }
}

TEST_CASE("The delimiter is sniffed from consistent field counts", "[csv]") {
  SECTION("semicolons with decimal commas") {
    const CsvRun run = RunCsv("Name;Value;Share\nA;0,5;1,25\nB;12;3,5\n");
    CHECK(run.info.delimiter == ';');
    CHECK(run.info.delimiter_source == DelimiterSource::kSniffed);
    CHECK(run.sink.At("B2").text == "0,5");
  }
  SECTION("tabs with quoted commas") {
    const CsvRun run = RunCsv("a\tb\n\"1,5\"\t\"x, y, z\"\n");
    CHECK(run.info.delimiter == '\t');
    CHECK(run.sink.At("B2").text == "x, y, z");
  }
  SECTION("pipes") { CHECK(RunCsv("a|b|c\n1|2|3\n").info.delimiter == '|'); }
  SECTION("commas when a text column holds semicolons") {
    const CsvRun run =
        RunCsv("id,title,owner\n1,Grow; retain,Ann\n2,Ship,Bo\n");
    CHECK(run.info.delimiter == ',');
    CHECK(run.sink.At("B2").text == "Grow; retain");
  }
  SECTION("one quoted column falls back to the default") {
    const CsvRun run = RunCsv("\"a,b;c\"\n\"d,e\"\n");
    CHECK(run.info.delimiter == ',');
    CHECK(run.info.delimiter_source == DelimiterSource::kDefault);
    CHECK(run.sink.Dump() == "1:a,b;c\n2:d,e\n");
  }
  SECTION(".tsv names and UTF-16 prefer tabs") {
    CHECK(RunCsv("single", Named("x.TSV")).info.delimiter == '\t');
    CHECK(RunCsv("a\tb,c", Named("x.tsv")).info.delimiter == '\t');
    CHECK(RunCsv("a\tb,c", Named("x.csv")).info.delimiter == ',');
    CHECK(RunCsv(Utf16(u"a\tb,c", true)).info.delimiter == '\t');
  }
  SECTION("a ragged row does not outvote the rest") {
    const CsvRun run = RunCsv("a,b,c\n1,2,3\n4,5\n6,7,8\nx;y;z;w;v\n");
    CHECK(run.info.delimiter == ',');
  }
}

TEST_CASE("max_input_bytes is checked before anything else", "[csv]") {
  Limits limits;
  limits.max_input_bytes = 5;
  CheckError(RunCsv("abcdef", Named("plan.csv"), limits),
             StatusCode::kResourceExhausted,
             "plan.csv: input of 6 bytes is larger than max_input_bytes (5)");
  CheckOk(RunCsv("abcde", Named("plan.csv"), limits));
}

TEST_CASE("deadline_ms bounds the reading, at the first field already",
          "[csv]") {
  Limits limits;
  limits.deadline_ms = 0;
  CheckError(RunCsv("sep=;\na;b\n", Named("plan.csv"), limits),
             StatusCode::kResourceExhausted,
             "plan.csv:2:1: reading took longer than deadline_ms (0)");
  limits.deadline_ms = 60'000;
  CheckOk(RunCsv(Repeat("a,b,c\n", 10'000), Named("plan.csv"), limits));
}

TEST_CASE("max_cell_bytes bounds quoted and unquoted fields", "[csv]") {
  Limits limits;
  limits.max_cell_bytes = 3;
  const CsvOptions options = Named("plan.csv");
  CheckError(RunCsv("abc,defg", options, limits),
             StatusCode::kResourceExhausted,
             "plan.csv:1:5: cell B1 longer than max_cell_bytes (3)");
  CheckError(RunCsv("x\n\"ab\"\"c\"", options, limits),
             StatusCode::kResourceExhausted,
             "plan.csv:2:1: cell A2 longer than max_cell_bytes (3)");
  CheckError(RunCsv("\xC3\xA9\xC3\xA9", options, limits),
             StatusCode::kResourceExhausted,
             "plan.csv:1:1: cell A1 longer than max_cell_bytes (3)");
  CheckOk(RunCsv("abc,\"a\"\"b\"", options, limits));
}

TEST_CASE("max_columns counts only non-empty fields", "[csv]") {
  Limits limits;
  limits.max_columns = 3;
  CheckError(RunCsv("a,b,c\n1,2,3,4", Named("plan.csv"), limits),
             StatusCode::kResourceExhausted,
             "plan.csv:2:7: cell D2 beyond max_columns (3)");
  const CsvRun trailing = RunCsv("a,b,c,,,,\n", Named("plan.csv"), limits);
  CheckOk(trailing);
  CHECK(trailing.sink.Dump() == "1:a|b|c\n");
}

TEST_CASE("max_rows counts rows with content", "[csv]") {
  Limits limits;
  limits.max_rows = 2;
  const CsvRun run = RunCsv("a\n\n,\nb\n\"c\nd\"\n", Named("plan.csv"), limits);
  CheckError(run, StatusCode::kResourceExhausted,
             "plan.csv:5:1: more than max_rows (2) rows");
  CHECK(run.sink.rows_seen == 2);
  CHECK(run.info.rows == 2);
  CheckOk(RunCsv("a\n\n\nb\n\n", Named("plan.csv"), limits));
}

TEST_CASE("max_cells counts non-empty cells in the file", "[csv]") {
  Limits limits;
  limits.max_cells = 3;
  CheckError(RunCsv("a,b\n,,c,d", Named("plan.csv"), limits),
             StatusCode::kResourceExhausted,
             "plan.csv:2:5: more than max_cells (3) non-empty cells");
  CheckOk(RunCsv("a,,,b\n,,,,,\nc", Named("plan.csv"), limits));
}

// Stops the read at a chosen call.
class StoppingSink : public testing::RecordingSink {
 public:
  explicit StoppingSink(int64_t stop_at_row) : stop_at_row_(stop_at_row) {}
  Status Row(int64_t row, const std::vector<Cell>& cells) override {
    if (row == stop_at_row_) return Status(StatusCode::kAlreadyExists, "dup");
    return RecordingSink::Row(row, cells);
  }
  Status BeginSheet(const SheetInfo& sheet) override {
    if (stop_at_row_ == 0) return Unavailable("busy");
    return RecordingSink::BeginSheet(sheet);
  }

 private:
  int64_t stop_at_row_;
};

TEST_CASE("A sink stops the read with its own status", "[csv]") {
  StoppingSink sink(2);
  const Status status = ReadCsv("a\nb\nc\n", Named("f.csv"), Limits(), &sink);
  CHECK(status == Status(StatusCode::kAlreadyExists, "dup"));
  CHECK(sink.Dump() == "1:a\n");
  CHECK_FALSE(sink.sheets[0].ended);

  StoppingSink at_begin(0);
  CHECK(ReadCsv("a", Named("f.csv"), Limits(), &at_begin) ==
        Unavailable("busy"));
  CHECK(at_begin.rows_seen == 0);
}

TEST_CASE("Pathological inputs take linear time", "[csv]") {
  Limits roomy;
  roomy.max_cell_bytes = 8 << 20;
  SECTION("a 10 MB field of quotes") {
    const std::string text = "\"" + Repeat("\"\"", 5 << 20) + "\"";
    const CsvRun run = RunCsv(text, Named("q.csv"), roomy);
    CheckOk(run);
    CHECK(run.sink.At("A1").text.size() == (5u << 20));
    CHECK(RunCsv(text, Named("q.csv")).status.code() ==
          StatusCode::kResourceExhausted);
    // 10 Mi quotes: one field of 5 Mi - 1 quotes, over the default cap.
    CHECK(RunCsv(Repeat("\"", 10 << 20)).status.message() ==
          "f.csv:1:1: cell A1 longer than max_cell_bytes (32767)");
  }
  SECTION("millions of delimiters") {
    const CsvRun run = RunCsv(Repeat(",", 10 << 20) + "x");
    CHECK(run.status.code() == StatusCode::kResourceExhausted);
    CHECK(run.status.message() == "f.csv:1:10485761: cell " +
                                      CellRef(1, 10 << 20) +
                                      " beyond max_columns (16384)");
    const CsvRun empty = RunCsv(Repeat(",", 10 << 20) + "\nx");
    CheckOk(empty);
    CHECK(empty.sink.Dump() == "2:x\n");
  }
  SECTION("a million blank lines") {
    const CsvRun run = RunCsv(Repeat("\r\n", 1'000'000) + "x");
    CheckOk(run);
    CHECK(run.sink.Dump() == "1000001:x\n");
  }
  SECTION("an unterminated quote before 10 MB of text") {
    const CsvRun run = RunCsv("a\n\"" + Repeat("x,\n", 3 << 20));
    CHECK(run.status.message() ==
          "f.csv:2:1: the quote that opens cell A2 here is never closed");
  }
}

}  // namespace
}  // namespace okr
