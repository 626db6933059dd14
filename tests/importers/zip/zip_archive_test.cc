// Copyright 2026 The okrd Authors.

#include "importers/zip/zip_archive.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "tests/importers/zip/sheet_test_util.h"

namespace okr {
namespace {

using testing::Repeat;
using testing::ZipBuilder;

// Reads `name` through `zip`, returning the chunks' concatenation.
Result<std::string> ReadAll(ZipArchive* zip, std::string_view name,
                            int* chunks = nullptr) {
  const ZipArchive::Entry* entry = zip->Find(name);
  REQUIRE(entry != nullptr);
  std::string out;
  int count = 0;
  OKR_RETURN_IF_ERROR(zip->Read(*entry, [&](std::string_view chunk) {
    CHECK(chunk.size() <= ZipArchive::kChunkBytes);
    out.append(chunk);
    ++count;
    return Status::Ok();
  }));
  if (chunks != nullptr) *chunks = count;
  return out;
}

// `bytes` must outlive the archive (ZipArchive does not copy them).
ZipArchive OpenOk(std::string&& bytes,
                  const Limits& limits = Limits()) = delete;
ZipArchive OpenOk(const std::string& bytes, const Limits& limits = Limits()) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes, "t.zip", limits);
  INFO(zip.status().ToString());
  REQUIRE(zip.ok());
  return std::move(zip).value();
}

void CheckError(const Status& status, StatusCode code,
                const std::string& part) {
  INFO(status.ToString());
  CHECK(status.code() == code);
  CHECK(status.message().find(part) != std::string::npos);
}

TEST_CASE("Lists entries and streams them in bounded chunks", "[zip]") {
  const std::string big = Repeat("0123456789abcdef", 20000);  // 320 KB.
  const std::string bytes = ZipBuilder()
                                .Add("small.txt", "hello")
                                .Add("dir/big.txt", big)
                                .Add("stored.txt", "plain", false)
                                .Build();
  ZipArchive zip = OpenOk(bytes);
  REQUIRE(zip.entries().size() == 3);
  CHECK(zip.entries()[1].name == "dir/big.txt");
  CHECK(zip.entries()[1].size == big.size());
  int chunks = 0;
  Result<std::string> read = ReadAll(&zip, "dir/big.txt", &chunks);
  REQUIRE(read.ok());
  CHECK(*read == big);
  CHECK(chunks >= 5);
  CHECK(*ReadAll(&zip, "stored.txt") == "plain");
  CHECK(zip.inflated_total() == static_cast<int64_t>(big.size() + 5));
}

TEST_CASE("Finds names exactly, then ignoring case, with / for backslash", "[zip]") {
  const std::string bytes = ZipBuilder()
                                .Add("xl\\worksheets\\Sheet1.xml", "a")
                                .Add("/xl/workbook.xml", "b")
                                .Build();
  ZipArchive zip = OpenOk(bytes);
  CHECK(zip.entries()[0].name == "xl/worksheets/Sheet1.xml");
  CHECK(zip.entries()[1].name == "xl/workbook.xml");
  REQUIRE(zip.Find("xl/worksheets/Sheet1.xml") != nullptr);
  REQUIRE(zip.Find("XL/WORKSHEETS/sheet1.xml") != nullptr);
  CHECK(zip.Find("xl\\workbook.xml")->name == "xl/workbook.xml");
  CHECK(zip.Find("xl/missing.xml") == nullptr);
}

TEST_CASE("Refuses names that collide once case is ignored", "[zip]") {
  const std::string bytes = ZipBuilder()
                                .Add("xl/workbook.xml", "a")
                                .Add("XL/Workbook.xml", "b")
                                .Build();
  const Result<ZipArchive> zip = ZipArchive::Open(bytes, "t.xlsx", Limits());
  CheckError(zip.status(), StatusCode::kInvalidArgument,
             "t.xlsx: the zip archive has two entries named "
             "\"xl/workbook.xml\"");
}

TEST_CASE("Bytes that are not a zip archive are an error naming the file",
          "[zip]") {
  const Result<ZipArchive> zip =
      ZipArchive::Open("this is not a zip file at all", "t.xlsx", Limits());
  CheckError(zip.status(), StatusCode::kInvalidArgument,
             "t.xlsx: not a readable zip archive");
  std::string truncated = ZipBuilder().Add("a.xml", Repeat("x", 1000)).Build();
  truncated.resize(truncated.size() / 2);
  CheckError(ZipArchive::Open(truncated, "t.xlsx", Limits()).status(),
             StatusCode::kInvalidArgument, "t.xlsx: not a readable zip");
  CHECK(LooksLikeCompoundFile(
      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12)));
  CHECK_FALSE(LooksLikeCompoundFile("PK\x03\x04"));
}

TEST_CASE("More entries than max_zip_entries is refused at open", "[zip]") {
  ZipBuilder builder;
  for (int i = 0; i <= 10000; ++i) {
    builder.Add("e" + std::to_string(i), "", false);
  }
  const auto start = std::chrono::steady_clock::now();
  const Result<ZipArchive> zip =
      ZipArchive::Open(builder.Build(), "t.xlsx", Limits());
  CheckError(zip.status(), StatusCode::kResourceExhausted,
             "t.xlsx: more than max_zip_entries (10000) entries: 10001");
  Limits small;
  small.max_zip_entries = 3;
  CHECK(ZipArchive::Open(ZipBuilder().Add("a", "").Add("b", "").Build(),
                         "t.xlsx", small)
            .ok());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("An encrypted entry is reported as password-protected", "[zip]") {
  const std::string bytes =
      ZipBuilder().Add("a.xml", "open").AddEncrypted("b.xml", "secret").Build();
  ZipArchive zip = OpenOk(bytes);
  CHECK(*ReadAll(&zip, "a.xml") == "open");
  CheckError(ReadAll(&zip, "b.xml").status(), StatusCode::kInvalidArgument,
             "t.zip: b.xml: file is password-protected");
}

TEST_CASE("A 1 GB zip bomb is refused before anything is inflated",
          "[zip][attack]") {
  const std::string bytes =
      ZipBuilder().AddGenerated("bomb.xml", "", "", int64_t{1} << 30).Build();
  CHECK(bytes.size() < (2 << 20));
  ZipArchive zip = OpenOk(bytes);
  CheckError(ReadAll(&zip, "bomb.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: bomb.xml: declares 1073741824 bytes, more than "
             "max_part_inflated_bytes (268435456)");
  Limits limits;  // Even when parts may be that large, the ratio is not.
  limits.max_part_inflated_bytes = int64_t{2} << 30;
  limits.max_inflated_bytes = int64_t{2} << 30;
  ZipArchive wide = OpenOk(bytes, limits);
  CheckError(ReadAll(&wide, "bomb.xml").status(),
             StatusCode::kResourceExhausted,
             "t.zip: bomb.xml: declares 1073741824 bytes, more than "
             "max_inflate_ratio (200) times its compressed size of ");
  CHECK(zip.inflated_total() == 0);
  CHECK(wide.inflated_total() == 0);
}

TEST_CASE("The ratio limit spares small parts", "[zip]") {
  const std::string bytes = ZipBuilder()
                                .AddGenerated("small.xml", "", "", 1 << 20)
                                .AddGenerated("big.xml", "", "", (1 << 20) + 1)
                                .Build();
  ZipArchive zip = OpenOk(bytes);
  CHECK(ReadAll(&zip, "small.xml").ok());
  CheckError(ReadAll(&zip, "big.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: big.xml: declares 1048577 bytes, more than "
             "max_inflate_ratio (200)");
}

TEST_CASE(
    "A part declaring more than max_part_inflated_bytes is refused "
    "before inflating",
    "[zip][attack]") {
  Limits limits;
  limits.max_part_inflated_bytes = 1 << 20;
  const std::string bytes =
      ZipBuilder().Add("big.xml", std::string((1 << 20) + 1, 'x')).Build();
  ZipArchive zip = OpenOk(bytes, limits);
  CheckError(ReadAll(&zip, "big.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: big.xml: declares 1048577 bytes, more than "
             "max_part_inflated_bytes (1048576)");
  CHECK(zip.inflated_total() == 0);
}

TEST_CASE("A part lying about its size is caught by counting",
          "[zip][attack]") {
  const std::string content = Repeat("<row/>", 50000);  // 300 KB.
  const std::string liar = testing::WithDeclaredSize(
      ZipBuilder().Add("liar.xml", content).Build(), "liar.xml", 1000);
  ZipArchive zip = OpenOk(liar);
  CHECK(zip.Find("liar.xml")->size == 1000);
  CheckError(ReadAll(&zip, "liar.xml").status(), StatusCode::kInvalidArgument,
             "t.zip: liar.xml: inflates to more than the 1000 bytes its zip "
             "header declares");
  CHECK(zip.inflated_total() <= 1000 + int64_t{ZipArchive::kChunkBytes});
}

TEST_CASE("max_inflated_bytes counts every read of the archive", "[zip]") {
  Limits limits;
  limits.max_inflated_bytes = 1000;
  const std::string bytes = ZipBuilder()
                                .Add("a.xml", std::string(600, 'a'))
                                .Add("b.xml", std::string(600, 'b'))
                                .Build();
  ZipArchive zip = OpenOk(bytes, limits);
  CHECK(ReadAll(&zip, "a.xml").ok());
  CheckError(ReadAll(&zip, "b.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: b.xml: the archive inflates to more than "
             "max_inflated_bytes (1000) bytes");
}

TEST_CASE("A damaged entry fails with a CRC error", "[zip]") {
  std::string bytes = ZipBuilder().Add("a.xml", "0123456789", false).Build();
  const size_t at = bytes.find("0123456789");
  REQUIRE(at != std::string::npos);
  bytes[at + 3] = 'X';
  ZipArchive zip = OpenOk(bytes);
  CheckError(ReadAll(&zip, "a.xml").status(), StatusCode::kInvalidArgument,
             "t.zip: a.xml: cannot be inflated (CRC error)");
}

TEST_CASE("The deadline counts from Open", "[zip]") {
  Limits limits;
  limits.deadline_ms = 0;
  const std::string bytes = ZipBuilder().Add("a.xml", "x").Build();
  ZipArchive zip = OpenOk(bytes, limits);
  CheckError(ReadAll(&zip, "a.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: reading took longer than deadline_ms (0)");
}

TEST_CASE("A callback error stops the read unchanged", "[zip]") {
  const std::string bytes = ZipBuilder().Add("a.xml", "x").Build();
  ZipArchive zip = OpenOk(bytes);
  const Status status = zip.Read(
      *zip.Find("a.xml"), [](std::string_view) { return Unavailable("stop"); });
  CHECK(status == Unavailable("stop"));
}

}  // namespace
}  // namespace okr

namespace okr {
namespace {

// Parts of kPrefetchMinBytes and more are inflated on a helper thread.
TEST_CASE("Large parts read ahead on a helper thread, in order", "[zip]") {
  std::string big;
  for (int i = 0; big.size() < 3 * ZipArchive::kPrefetchMinBytes; ++i) {
    big += std::to_string(i) + ",";
  }
  const std::string bytes = ZipBuilder().Add("big.csv", big).Build();
  ZipArchive zip = OpenOk(bytes);
  int chunks = 0;
  Result<std::string> read = ReadAll(&zip, "big.csv", &chunks);
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  CHECK(*read == big);
  CHECK(chunks == static_cast<int>((big.size() + ZipArchive::kChunkBytes - 1) /
                                   ZipArchive::kChunkBytes));
  // A callback error stops the helper, and reading can go on afterwards.
  int calls = 0;
  const Status stop = zip.Read(*zip.Find("big.csv"), [&](std::string_view) {
    return ++calls == 3 ? Unavailable("enough") : Status::Ok();
  });
  CHECK(stop == Unavailable("enough"));
  CHECK(calls == 3);
  const Result<std::string> again = ReadAll(&zip, "big.csv");
  INFO(again.status().ToString());
  CHECK(again.ok());
}

// `size` bytes that deflate poorly.
std::string Noise(size_t size) {
  std::string out(size, '\0');
  uint32_t state = 12345;
  for (char& c : out) {
    state = state * 1103515245 + 12345;
    c = static_cast<char>('a' + (state >> 16) % 26);
  }
  return out;
}

TEST_CASE("Read-ahead reports lies, damage and limits like a plain read",
          "[zip][attack]") {
  const std::string content = Noise(3 << 20);
  const std::string liar = testing::WithDeclaredSize(
      ZipBuilder().Add("liar.xml", content).Build(), "liar.xml", 2 << 20);
  ZipArchive lying = OpenOk(liar);
  int64_t delivered = 0;
  const Status status =
      lying.Read(*lying.Find("liar.xml"), [&](std::string_view chunk) {
        delivered += chunk.size();
        return Status::Ok();
      });
  CheckError(status, StatusCode::kInvalidArgument,
             "t.zip: liar.xml: inflates to more than the 2097152 bytes");
  CHECK(delivered == 2 << 20);

  std::string damaged = ZipBuilder().Add("d.bin", content, false).Build();
  damaged[damaged.find(content.substr(0, 64)) + 100] ^= 1;
  ZipArchive broken = OpenOk(damaged);
  CheckError(ReadAll(&broken, "d.bin").status(), StatusCode::kInvalidArgument,
             "t.zip: d.bin: cannot be inflated (CRC error)");

  Limits limits;
  limits.max_inflated_bytes = 5 << 20;
  const std::string bytes = ZipBuilder().Add("a.xml", content).Build();
  ZipArchive twice = OpenOk(bytes, limits);
  CHECK(ReadAll(&twice, "a.xml").ok());
  CheckError(ReadAll(&twice, "a.xml").status(), StatusCode::kResourceExhausted,
             "t.zip: a.xml: the archive inflates to more than "
             "max_inflated_bytes (5242880) bytes");
}

}  // namespace
}  // namespace okr
