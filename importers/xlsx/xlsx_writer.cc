// Copyright 2026 The okrd Authors.

#include "importers/xlsx/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/base/civil_time.h"

namespace okr {
namespace {

constexpr size_t kMaxStringBytes = 32767;
constexpr int64_t kMaxRows = 1048576;
constexpr int64_t kMaxColumns = 16384;

// Closes (and so writes) a workbook that an error path abandons.
struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

struct Formats {
  lxw_format* bold = nullptr;
  lxw_format* date = nullptr;
  lxw_format* date_time = nullptr;
  lxw_format* time = nullptr;
};

Formats AddFormats(lxw_workbook* workbook) {
  Formats f;
  f.bold = workbook_add_format(workbook);
  format_set_bold(f.bold);
  f.date = workbook_add_format(workbook);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.date_time = workbook_add_format(workbook);
  format_set_num_format(f.date_time, "yyyy-mm-dd hh:mm:ss");
  f.time = workbook_add_format(workbook);
  format_set_num_format(f.time, "hh:mm:ss");
  return f;
}

// "HH:MM:SS" into *dt; false when malformed.
bool ParseTimeOfDay(std::string_view text, lxw_datetime* dt) {
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') return false;
  auto two = [&](size_t at, int* out) {
    if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' ||
        text[at + 1] > '9') {
      return false;
    }
    *out = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return true;
  };
  int seconds = 0;
  if (!two(0, &dt->hour) || !two(3, &dt->min) || !two(6, &seconds)) {
    return false;
  }
  dt->sec = seconds;
  return dt->hour < 24 && dt->min < 60 && seconds < 60;
}

// The date-time of a kDate, kDateTime or kTime cell.
Result<lxw_datetime> DateTimeOf(const Cell& cell) {
  lxw_datetime dt{};
  const std::string_view text = cell.text;
  bool ok = true;
  if (cell.type != CellType::kTime) {
    Result<Date> date = ParseIsoDate(text.substr(0, 10));
    ok = date.ok();
    if (ok) dt = lxw_datetime{date->year, date->month, date->day, 0, 0, 0};
    if (ok && cell.type == CellType::kDateTime) {
      ok = text.size() == 19 && text[10] == 'T' &&
           ParseTimeOfDay(text.substr(11), &dt);
    } else if (ok) {
      ok = text.size() == 10;
    }
  } else {
    ok = ParseTimeOfDay(text, &dt);
  }
  if (!ok) {
    return InvalidArgument("\"" + cell.text + "\" is not a " +
                           std::string(CellTypeName(cell.type)));
  }
  return dt;
}

class SheetWriter {
 public:
  SheetWriter(const XlsxSheet& sheet, lxw_worksheet* worksheet,
              const Formats& formats)
      : sheet_(sheet), worksheet_(worksheet), formats_(formats) {}

  Status Write() {
    for (size_t col = 0; col < sheet_.column_widths.size(); ++col) {
      if (sheet_.column_widths[col] <= 0) continue;
      const auto c = static_cast<lxw_col_t>(col);
      worksheet_set_column(worksheet_, c, c, sheet_.column_widths[col],
                           nullptr);
    }
    if (sheet_.header_rows > 0) {
      worksheet_freeze_panes(worksheet_,
                             static_cast<lxw_row_t>(sheet_.header_rows), 0);
    }
    for (size_t row = 0; row < sheet_.rows.size(); ++row) {
      for (size_t col = 0; col < sheet_.rows[row].size(); ++col) {
        OKR_RETURN_IF_ERROR(WriteCell(row, col, sheet_.rows[row][col]));
      }
    }
    return Status::Ok();
  }

 private:
  Status WriteCell(size_t row, size_t col, const Cell& cell) {
    if (cell.type == CellType::kEmpty ||
        (cell.type == CellType::kString && cell.text.empty())) {
      return Status::Ok();
    }
    const std::string where =
        std::string(sheet_.name) + "!" +
        CellRef(static_cast<int64_t>(row) + 1, static_cast<int>(col)) + ": ";
    if (static_cast<int64_t>(row) >= kMaxRows ||
        static_cast<int64_t>(col) >= kMaxColumns) {
      return InvalidArgument(where + "outside Excel's grid");
    }
    const bool header = static_cast<int64_t>(row) < sheet_.header_rows;
    const lxw_error error = Put(static_cast<lxw_row_t>(row),
                                static_cast<lxw_col_t>(col), cell, header);
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED || bad_text_) {
      return InvalidArgument(where +
                             "text longer than 32767 bytes or with "
                             "a NUL character");
    }
    if (bad_date_) return InvalidArgument(where + bad_date_message_);
    if (error != LXW_NO_ERROR) {
      return Internal(where + std::string(lxw_strerror(error)));
    }
    return Status::Ok();
  }

  lxw_error Put(lxw_row_t r, lxw_col_t c, const Cell& cell, bool header) {
    lxw_format* bold = header ? formats_.bold : nullptr;
    switch (cell.type) {
      case CellType::kNumber:
        return worksheet_write_number(worksheet_, r, c, cell.number, bold);
      case CellType::kBool:
        return worksheet_write_boolean(worksheet_, r, c, cell.number != 0,
                                       bold);
      case CellType::kDate:
      case CellType::kDateTime:
      case CellType::kTime:
        return PutDate(r, c, cell);
      default:
        if (cell.text.size() > kMaxStringBytes ||
            cell.text.find('\0') != std::string::npos) {
          bad_text_ = true;
          return LXW_NO_ERROR;
        }
        return worksheet_write_string(worksheet_, r, c, cell.text.c_str(),
                                      bold);
    }
  }

  lxw_error PutDate(lxw_row_t r, lxw_col_t c, const Cell& cell) {
    Result<lxw_datetime> dt = DateTimeOf(cell);
    if (!dt.ok()) {
      bad_date_ = true;
      bad_date_message_ = dt.status().message();
      return LXW_NO_ERROR;
    }
    lxw_format* format = cell.type == CellType::kDate   ? formats_.date
                         : cell.type == CellType::kTime ? formats_.time
                                                        : formats_.date_time;
    return worksheet_write_datetime(worksheet_, r, c, &*dt, format);
  }

  const XlsxSheet& sheet_;
  lxw_worksheet* worksheet_;
  const Formats& formats_;
  bool bad_text_ = false;
  bool bad_date_ = false;
  std::string bad_date_message_;
};

Status WriteSheets(std::span<const XlsxSheet> sheets, lxw_workbook* workbook) {
  const Formats formats = AddFormats(workbook);
  for (const XlsxSheet& sheet : sheets) {
    const std::string name(sheet.name);
    if (workbook_validate_sheet_name(workbook, name.c_str()) != LXW_NO_ERROR) {
      return InvalidArgument("\"" + name + "\" is not a valid sheet name");
    }
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
    if (worksheet == nullptr) {
      return Internal("cannot add sheet \"" + name + "\"");
    }
    OKR_RETURN_IF_ERROR(SheetWriter(sheet, worksheet, formats).Write());
  }
  return Status::Ok();
}

// A temporary file name that is removed when this object dies.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    std::string pattern =
        (std::filesystem::temp_directory_path(ec) / "okrd-xlsx-XXXXXX")
            .string();
    const int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Status WriteXlsxFile(std::span<const XlsxSheet> sheets,
                     const std::string& path) {
  // libxlsxwriter only notices a missing directory when it closes the
  // workbook, and then prints to stderr; say it ourselves first.
  std::error_code ec;
  const std::filesystem::path parent =
      std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    return IoError(path + ": no such directory");
  }
  WorkbookPtr workbook(workbook_new(path.c_str()));
  if (!workbook) return IoError(path + ": cannot create the workbook");
  Status status = WriteSheets(sheets, workbook.get());
  const lxw_error closed = workbook_close(workbook.release());
  if (status.ok() && closed != LXW_NO_ERROR) {
    status = IoError(path + ": " + lxw_strerror(closed));
  }
  if (!status.ok()) std::remove(path.c_str());
  return status;
}

Result<std::string> WriteXlsxBytes(std::span<const XlsxSheet> sheets) {
  TempFile temp;
  if (temp.path().empty()) {
    return IoError("cannot create a temporary file for the workbook");
  }
  OKR_RETURN_IF_ERROR(WriteXlsxFile(sheets, temp.path()));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(temp.path().c_str(), "rb"), &std::fclose);
  if (!file) return IoError("cannot read " + temp.path());
  std::string bytes;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    bytes.append(buffer, n);
  }
  if (std::ferror(file.get())) return IoError("cannot read " + temp.path());
  return bytes;
}

}  // namespace okr
