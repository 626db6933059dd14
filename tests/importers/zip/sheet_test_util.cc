// Copyright 2026 The okrd Authors.

#include "tests/importers/zip/sheet_test_util.h"

#include <zip.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <utility>

#include "importers/ods/ods_reader.h"
#include "importers/xlsx/xlsx_reader.h"

namespace okr::testing {
namespace {

// An entry of head + pattern repeated, deflated without ever holding or
// compressing all of it: one block of the pattern is deflated once, ending
// in a full flush (byte-aligned, no reference to earlier data), and its
// output is repeated. The CRC is combined the same way.
struct Predeflated {
  std::string data;  // Raw deflate stream.
  uint64_t size = 0;
  uint32_t crc = 0;
};

class RawDeflater {
 public:
  RawDeflater() {
    REQUIRE(deflateInit2(&stream_, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) ==
            Z_OK);
  }
  ~RawDeflater() { deflateEnd(&stream_); }

  std::string Deflate(std::string_view input, int flush) {
    std::string out;
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream_.avail_in = static_cast<uInt>(input.size());
    char buffer[1 << 16];
    do {
      stream_.next_out = reinterpret_cast<Bytef*>(buffer);
      stream_.avail_out = sizeof buffer;
      const int result = deflate(&stream_, flush);
      REQUIRE(
          (result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR));
      out.append(buffer, sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0);
    return out;
  }

 private:
  z_stream stream_{};
};

uint32_t Crc(std::string_view data) {
  return static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()),
            static_cast<uInt>(data.size())));
}

Predeflated Predeflate(const std::string& head, std::string pattern,
                       uint64_t size) {
  if (pattern.empty()) pattern = std::string(1, '\0');
  const uint64_t body = size > head.size() ? size - head.size() : 0;
  std::string block = pattern;  // Doubling keeps whole patterns.
  while (block.size() < std::min<uint64_t>(body, 8 << 20)) block += block;
  const uint64_t blocks = body / block.size();
  const std::string tail = block.substr(0, body % block.size());
  RawDeflater deflater;
  Predeflated out;
  out.size = head.size() + body;
  out.data = deflater.Deflate(head, Z_FULL_FLUSH);
  out.crc = Crc(head);
  if (blocks > 0) {
    const std::string deflated_block = deflater.Deflate(block, Z_FULL_FLUSH);
    const uint32_t block_crc = Crc(block);
    for (uint64_t i = 0; i < blocks; ++i) {
      out.data += deflated_block;
      out.crc = static_cast<uint32_t>(crc32_combine(
          out.crc, block_crc, static_cast<z_off_t>(block.size())));
    }
  }
  out.data += deflater.Deflate(tail, Z_FINISH);
  out.crc = static_cast<uint32_t>(
      crc32_combine(out.crc, Crc(tail), static_cast<z_off_t>(tail.size())));
  return out;
}

// A libzip source that hands over already deflated data; its stat tells
// libzip so, and libzip copies it without recompressing.
struct PredeflatedSource {
  Predeflated entry;
  uint64_t pos = 0;
  zip_error_t error;
};

zip_int64_t PredeflatedCallback(void* state, void* data, zip_uint64_t len,
                                zip_source_cmd_t cmd) {
  auto* source = static_cast<PredeflatedSource*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      source->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const uint64_t n =
          std::min<uint64_t>(len, source->entry.data.size() - source->pos);
      std::memcpy(data, source->entry.data.data() + source->pos, n);
      source->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);
      stat->size = source->entry.size;
      stat->comp_size = source->entry.data.size();
      stat->comp_method = ZIP_CM_DEFLATE;
      stat->crc = source->entry.crc;
      stat->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                     ZIP_STAT_CRC;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&source->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&source->error);
      delete source;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(
          ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
          ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&source->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

zip_source_t* MakeGeneratedSource(zip_t* archive, const std::string& head,
                                  const std::string& pattern, uint64_t size) {
  auto* state = new PredeflatedSource;
  state->entry = Predeflate(head, pattern, size);
  zip_error_init(&state->error);
  return zip_source_function(archive, &PredeflatedCallback, state);
}

std::string ReadSource(zip_source_t* source) {
  zip_stat_t stat;
  REQUIRE(zip_source_stat(source, &stat) == 0);
  REQUIRE(zip_source_open(source) == 0);
  std::string out(stat.size, '\0');
  const zip_int64_t n = zip_source_read(source, out.data(), out.size());
  zip_source_close(source);
  REQUIRE(n == static_cast<zip_int64_t>(out.size()));
  return out;
}

std::string XmlEscaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
  return out;
}

uint32_t Read16(std::string_view s, size_t at) {
  return static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8);
}

void Write32(std::string* s, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    (*s)[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

constexpr char kMain[] =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRel[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kPkg[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";

std::string Relationship(std::string_view id, std::string_view type,
                         std::string_view target) {
  return std::string("<Relationship Id=\"") + std::string(id) + "\" Type=\"" +
         kRel + "/" + std::string(type) + "\" Target=\"" + std::string(target) +
         "\"/>";
}

}  // namespace

ZipBuilder& ZipBuilder::Add(std::string name, std::string content,
                            bool compress) {
  entries_.push_back(Entry{std::move(name), std::move(content), compress});
  return *this;
}

ZipBuilder& ZipBuilder::AddEncrypted(std::string name, std::string content) {
  entries_.push_back(Entry{std::move(name), std::move(content), true, true});
  return *this;
}

ZipBuilder& ZipBuilder::AddGenerated(std::string name, std::string head,
                                     std::string pattern, uint64_t size) {
  entries_.push_back(Entry{std::move(name), std::move(head), true, false,
                           std::move(pattern), size});
  return *this;
}

std::string ZipBuilder::Build() const {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(target != nullptr);
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(target);
  for (const Entry& entry : entries_) {
    zip_source_t* source =
        entry.generated > 0
            ? MakeGeneratedSource(archive, entry.content, entry.pattern,
                                  entry.generated)
            : zip_source_buffer(archive, entry.content.data(),
                                entry.content.size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index =
        zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    const auto i = static_cast<zip_uint64_t>(index);
    const int level = entry.generated > 0 ? 9 : 6;
    REQUIRE(zip_set_file_compression(
                archive, i, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                level) == 0);
    if (entry.encrypt) {
      REQUIRE(zip_file_set_encryption(archive, i, ZIP_EM_AES_256, "secret") ==
              0);
    }
  }
  REQUIRE(zip_close(archive) == 0);
  std::string bytes = ReadSource(target);
  zip_source_free(target);
  zip_error_fini(&error);
  return bytes;
}

std::string WithDeclaredSize(std::string zip, std::string_view name,
                             uint32_t size) {
  int patched = 0;
  for (size_t at = 0; at + 46 < zip.size(); ++at) {
    const std::string_view view(zip);
    if (view.substr(at, 4) == std::string_view("PK\x03\x04", 4) &&
        view.substr(at + 30, Read16(view, at + 26)) == name) {
      Write32(&zip, at + 22, size);
      ++patched;
    } else if (view.substr(at, 4) == std::string_view("PK\x01\x02", 4) &&
               view.substr(at + 46, Read16(view, at + 28)) == name) {
      Write32(&zip, at + 24, size);
      ++patched;
    }
  }
  REQUIRE(patched == 2);
  return zip;
}

std::string SheetXml(std::string_view sheet_data, std::string_view after) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
             "<worksheet xmlns=\"") +
         kMain + "\" xmlns:r=\"" + kRel + "\"><sheetData>" +
         std::string(sheet_data) + "</sheetData>" + std::string(after) +
         "</worksheet>";
}

std::string MinimalXlsx(const XlsxParts& parts) {
  std::string rels = std::string("<Relationships xmlns=\"") + kPkg + "\">" +
                     Relationship("rId1", "worksheet", "worksheets/sheet1.xml");
  ZipBuilder zip;
  zip.Add("[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          "content-types\"/>");
  zip.Add("_rels/.rels",
          std::string("<Relationships xmlns=\"") + kPkg + "\">" +
              Relationship("rId1", "officeDocument", "xl/workbook.xml") +
              "</Relationships>");
  zip.Add("xl/workbook.xml",
          std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
              "\">" + parts.workbook_pr + "<sheets><sheet name=\"" +
              XmlEscaped(parts.sheet_name) +
              "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  if (parts.sheet_size > 0) {
    zip.AddGenerated("xl/worksheets/sheet1.xml", parts.sheet_xml,
                     parts.sheet_pattern, parts.sheet_size);
  } else {
    zip.Add("xl/worksheets/sheet1.xml", parts.sheet_xml);
  }
  if (parts.shared_strings_size > 0) {
    rels += Relationship("rId2", "sharedStrings", "sharedStrings.xml");
    zip.AddGenerated("xl/sharedStrings.xml", parts.shared_strings_xml,
                     parts.shared_strings_pattern, parts.shared_strings_size);
  } else if (!parts.shared_strings_xml.empty()) {
    rels += Relationship("rId2", "sharedStrings", "sharedStrings.xml");
    zip.Add("xl/sharedStrings.xml", parts.shared_strings_xml);
  }
  if (!parts.styles_xml.empty()) {
    rels += Relationship("rId3", "styles", "styles.xml");
    zip.Add("xl/styles.xml", parts.styles_xml);
  }
  zip.Add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return zip.Build();
}

std::string MinimalOds(std::string_view tables,
                       std::string_view automatic_styles) {
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
      "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:"
      "xmlns:calcext:1.0\" office:version=\"1.2\"><office:automatic-styles>" +
      std::string(automatic_styles) +
      "</office:automatic-styles><office:body><office:spreadsheet>" +
      std::string(tables) +
      "</office:spreadsheet></office:body></office:document-content>";
  return ZipBuilder()
      .Add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", false)
      .Add("META-INF/manifest.xml",
           "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
           "opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
           "manifest:full-path=\"content.xml\"/></manifest:manifest>")
      .Add("content.xml", content)
      .Build();
}

namespace {

template <typename Options, typename Reader>
SheetRun Run(std::string_view bytes, const Limits& limits,
             std::string file_name, Reader reader) {
  SheetRun run;
  Options options;
  options.file_name = std::move(file_name);
  options.details = &run.details;
  const auto start = std::chrono::steady_clock::now();
  run.status = reader(bytes, options, limits, &run.sink);
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return run;
}

}  // namespace

SheetRun RunXlsx(std::string_view bytes, const Limits& limits,
                 std::string file_name) {
  return Run<XlsxOptions>(bytes, limits, std::move(file_name), &ReadXlsx);
}

SheetRun RunOds(std::string_view bytes, const Limits& limits,
                std::string file_name) {
  return Run<OdsOptions>(bytes, limits, std::move(file_name), &ReadOds);
}

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

}  // namespace okr::testing
